/**
 * What `kubectl exec` can ask of a simulated container: the commands whose answer the simulator
 * knows from the objects (the environment the container started with, the files its ConfigMap
 * and Secret volumes put in place, its hostname). Output follows busybox, the usual image of
 * such checks. Anything else is refused with exit code 126 and a message saying what is simulated.
 */
export interface ContainerView {
  env: Record<string, string>;
  /** Files by absolute path. */
  files: Record<string, string>;
  hostname: string;
  /** The user, primary group and supplementary groups its processes run as. */
  identity?: { uid: number; gid: number; groups: number[] };
  /** The group owning each volume mount point (fsGroup where the kubelet applies it, else root). */
  mountGroups?: Record<string, number>;
  /**
   * Writes, appends to or removes a file in the container: undefined when done, else the error
   * (`Read-only file system`), or a `kubespec:` note when that place is not simulated.
   */
  change?(path: string, change: { content?: string; append?: boolean; remove?: boolean }): string | undefined;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const simulated = ['env', 'printenv', 'cat', 'ls', 'hostname', 'id', 'whoami', 'stat -c %g (of a volume)', 'wc -c/-l', 'echo (also > and >> a file)', 'touch', 'rm', 'true', 'false', 'sh -c'];

export function runSimulated(command: string[], view: ContainerView): ExecResult {
  const [program, ...args] = command;
  const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
  const failed = (stderr: string, exitCode = 1): ExecResult => ({ stdout: '', stderr, exitCode });
  switch (program) {
    case 'env':
      return ok(Object.entries(view.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    case 'printenv':
      if (args.length === 0) return ok(Object.entries(view.env).map(([k, v]) => `${k}=${v}\n`).join(''));
      return args.every((a) => a in view.env) ? ok(args.map((a) => `${view.env[a]}\n`).join('')) : { stdout: args.filter((a) => a in view.env).map((a) => `${view.env[a]}\n`).join(''), stderr: '', exitCode: 1 };
    case 'cat': {
      let stdout = '';
      for (const path of args) {
        if (!(path in view.files)) return { stdout, stderr: `cat: can't open '${path}': No such file or directory\n`, exitCode: 1 };
        stdout += view.files[path];
      }
      return ok(stdout);
    }
    case 'ls': {
      const dir = (args.find((a) => !a.startsWith('-')) ?? '/').replace(/\/+$/, '') || '/';
      const prefix = dir === '/' ? '/' : `${dir}/`;
      const entries = new Set(Object.keys(view.files).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length).split('/')[0]!));
      if (entries.size === 0) return failed(`ls: ${dir}: No such file or directory\n`);
      return ok([...entries].sort().join('\n') + '\n');
    }
    case 'hostname':
      return ok(`${view.hostname}\n`);
    case 'wc': {
      // `wc -c FILE` / `wc -l FILE`: bytes or lines, as busybox prints them.
      const path = args.find((a) => !a.startsWith('-'));
      if (path === undefined || !(args.includes('-c') || args.includes('-l'))) break;
      if (!(path in view.files)) return failed(`wc: ${path}: No such file or directory\n`);
      const text = view.files[path]!;
      const count = args.includes('-c') ? Buffer.byteLength(text) : (text.match(/\n/g) ?? []).length;
      return ok(`${count} ${path}\n`);
    }
    case 'stat': {
      // `stat -c %g PATH`: the owning group, known for volume mount points.
      const path = args[2]?.replace(/\/+$/, '');
      if (args[0] !== '-c' || args[1] !== '%g' || path === undefined || view.mountGroups?.[path] === undefined) break;
      return ok(`${view.mountGroups[path]}\n`);
    }
    case 'id':
    case 'whoami': {
      if (!view.identity) break;
      const { uid, gid, groups } = view.identity;
      // busybox names the ids its image's /etc/passwd and /etc/group know: root only, here.
      const named = (id: number) => (id === 0 ? '0(root)' : String(id));
      if (program === 'whoami') return uid === 0 ? ok('root\n') : failed(`whoami: unknown uid ${uid}\n`);
      if (args.includes('-u')) return ok(`${uid}\n`);
      if (args.includes('-g')) return ok(`${gid}\n`);
      // busybox id -G: the effective gid first, then the other groups (checked on a real node).
      if (args.includes('-G')) return ok(`${[gid, ...groups.filter((g) => g !== gid)].join(' ')}\n`);
      return ok(`uid=${named(uid)} gid=${named(gid)} groups=${groups.map(named).join(',')}\n`);
    }
    case 'echo': {
      const redirect = args.findIndex((a) => a.startsWith('>'));
      if (redirect < 0) return ok(`${args.join(' ')}\n`);
      const append = args[redirect]!.startsWith('>>');
      const path = args[redirect]!.replace(/^>>?/, '') || args[redirect + 1];
      if (!path) return failed("sh: syntax error: unexpected newline\n", 2);
      const words = args.filter((_, i) => i < redirect || i > redirect + (args[redirect]!.replace(/^>>?/, '') ? 0 : 1));
      return changed(view, path, { content: `${words.join(' ')}\n`, append }, (e) => `sh: can't create ${path}: ${e}\n`) ?? ok('');
    }
    case 'touch':
      for (const path of args.filter((a) => !a.startsWith('-'))) {
        if (path in view.files) continue;
        const refused = changed(view, path, { content: '' }, (e) => `touch: ${path}: ${e}\n`);
        if (refused) return refused;
      }
      return ok('');
    case 'rm': {
      const force = args.some((a) => /^-\w*f/.test(a));
      for (const path of args.filter((a) => !a.startsWith('-'))) {
        if (!(path in view.files) && force) continue;
        const refused = changed(view, path, { remove: true }, (e) => `rm: can't remove '${path}': ${e}\n`);
        if (refused) return refused;
      }
      return ok('');
    }
    case 'true':
      return ok('');
    case 'false':
      return failed('');
    case 'sh':
    case 'bash':
      if (args[0] === '-c' && args[1] !== undefined) return runSimulated(splitWords(args[1], view.env, Object.keys(view.files)), view);
      break;
  }
  return failed(`kubespec: "${command.join(' ')}" is not simulated in a container (what is: ${simulated.join(', ')})\n`, 126);
}

/** Applies a change through the view: undefined when done, else the failure, busybox-worded (exit 1, or 126 when not simulated). */
function changed(view: ContainerView, path: string, change: Parameters<NonNullable<ContainerView['change']>>[1], words: (error: string) => string, exitCode = 1): ExecResult | undefined {
  const error = view.change ? view.change(path, change) : 'kubespec: writing files is not simulated here';
  if (error === undefined) return undefined;
  if (error.startsWith('kubespec:')) return { stdout: '', stderr: `${error}\n`, exitCode: 126 };
  return { stdout: '', stderr: words(error), exitCode };
}

/**
 * Shell words of a simple command line: spaces separate, single and double quotes group,
 * `$NAME` / `${NAME}` expand from the environment outside single quotes (unset is empty), and
 * an unquoted word with `*` or `?` becomes the paths it matches (left as it is when none does).
 */
function splitWords(line: string, env: Record<string, string>, paths: readonly string[]): string[] {
  const expand = (text: string) => text.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a, b) => env[a ?? b] ?? '');
  const words: string[] = [];
  for (const m of line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)) {
    if (m[3] !== undefined) words.push(...globbed(expand(m[3]), paths));
    else words.push(m[1] ?? expand(m[2]!));
  }
  return words;
}

/** The files and directories a glob matches, sorted as sh lists them; `*` and `?` stop at `/`. */
function globbed(word: string, paths: readonly string[]): string[] {
  if (!/[*?]/.test(word)) return [word];
  const pattern = new RegExp(`^${word.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '[^/]*').replaceAll('?', '[^/]')}$`);
  const candidates = new Set<string>();
  for (const path of paths) {
    for (let p = path; p.lastIndexOf('/') > 0; p = p.slice(0, p.lastIndexOf('/'))) candidates.add(p);
  }
  const matches = [...candidates].filter((p) => pattern.test(p)).sort();
  return matches.length ? matches : [word];
}
