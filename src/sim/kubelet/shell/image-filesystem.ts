import type { Millis } from '../../clock.ts';

/** What a path is in a container, as far as kubespec knows: `unknown` where it has no facts. */
export type PathKind = 'file' | 'dir' | 'none' | 'unknown';

/**
 * Files every container has whatever its image, because the kubelet and the runtime put them
 * there: /etc/hosts (kubelet_pods.go makeMounts, the etc-hosts file), /etc/hostname and
 * /etc/resolv.conf (the CRI runtime's sandbox files, containerd internal/cri/server
 * container_create_linux.go), /dev/termination-log (the default terminationMessagePath).
 */
const KUBELET_FILES = ['/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/dev/termination-log'];
const KERNEL_DIRS = ['/', '/dev', '/proc', '/sys', '/etc'];

/** Files a script wrote, by path: when they appeared and went, counted from the start. */
export type ScriptFiles = Record<string, { createdAt: Millis; removedAt?: Millis; content: string }>;

/**
 * A container's file system as a script sees it: what its image holds (an images.yaml `paths`
 * list: `/etc/passwd` a file, `/tmp/` a directory listed completely, `/bin/...` a directory only
 * partly listed; `/` is listed completely), what the kubelet mounts, and what the script itself
 * writes and removes. Paths inside volume mounts, and any path of an image without a list, are
 * `unknown`: their content comes from outside the script.
 */
export class ImageFilesystem {
  private readonly listed = new Map<string, 'file' | 'dir' | 'partial'>();
  private readonly current = new Map<string, string | null>(); // null: a directory
  private readonly removed = new Set<string>();
  readonly written: ScriptFiles = {};

  constructor(imagePaths: readonly string[] | undefined, private readonly mounts: readonly string[], private readonly now: () => Millis) {
    if (imagePaths === undefined) return;
    this.listed.set('/', 'dir');
    for (const raw of imagePaths) {
      const partial = raw.endsWith('/...');
      const path = normalize(raw.replace(/\/\.\.\.$|\/$/, '') || '/');
      this.listed.set(path, partial ? 'partial' : raw.endsWith('/') ? 'dir' : 'file');
      for (let p = parent(path); p !== '/' && !this.listed.has(p); p = parent(p)) this.listed.set(p, 'dir');
    }
  }

  /** Whether an image list applies at all. */
  get imageKnown(): boolean {
    return this.listed.size > 0;
  }

  kind(raw: string): PathKind {
    const path = normalize(raw);
    if (this.current.has(path)) return this.current.get(path) === null ? 'dir' : 'file';
    if (this.removed.has(path)) return 'none';
    if (KUBELET_FILES.includes(path)) return 'file';
    if (KERNEL_DIRS.includes(path) || this.mounts.some((m) => normalize(m) === path)) return 'dir';
    if (this.mounts.some((m) => path.startsWith(`${normalize(m)}/`))) return 'unknown';
    const listed = this.listed.get(path);
    if (listed) return listed === 'file' ? 'file' : 'dir';
    if (!this.imageKnown) return 'unknown';
    if (path.startsWith('/proc/') || path.startsWith('/sys/') || path.startsWith('/dev/')) return 'unknown';
    // Not listed: missing if its directory is listed completely, else not known.
    for (let p = parent(path); ; p = parent(p)) {
      const dir = this.listed.get(p) ?? (this.current.get(p) === null ? 'dir' : undefined);
      if (dir === 'partial') return 'unknown';
      if (dir === 'dir') return 'none';
      if (p === '/') return 'none';
    }
  }

  /** The content of a file the script wrote, or undefined (not written by it, or a directory). */
  read(path: string): string | undefined {
    return this.current.get(normalize(path)) ?? undefined;
  }

  write(raw: string, content: string, append: boolean): void {
    const path = normalize(raw);
    const before = this.current.get(path);
    const text = append && typeof before === 'string' ? before + content : content;
    this.current.set(path, text);
    this.removed.delete(path);
    const file = this.written[path];
    // The first time it appears and the first time it goes: the probe model knows one interval.
    this.written[path] = { createdAt: file?.createdAt ?? this.now(), ...(file?.removedAt !== undefined ? { removedAt: file.removedAt } : {}), content: text };
  }

  mkdir(raw: string): void {
    this.current.set(normalize(raw), null);
  }

  remove(raw: string): void {
    const path = normalize(raw);
    this.current.delete(path);
    this.removed.add(path);
    const file = this.written[path];
    if (file) file.removedAt ??= this.now();
  }

  /** Names directly inside a directory, as far as known (for `ls`). */
  entries(raw: string): string[] {
    const dir = normalize(raw);
    const prefix = dir === '/' ? '/' : `${dir}/`;
    const names = new Set<string>();
    for (const p of [...this.listed.keys(), ...this.current.keys(), ...KUBELET_FILES]) {
      if (p.startsWith(prefix) && p !== dir && !this.removed.has(p)) names.add(p.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }
}

function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

const parent = (path: string) => path.slice(0, path.lastIndexOf('/')) || '/';

/** Resolves a path against a working directory. */
export const resolvePath = (cwd: string, path: string) => normalize(path.startsWith('/') ? path : `${cwd}/${path}`);
