import type { Millis } from '../clock.ts';
import { bytes } from '../quantity.ts';
import type { Guess } from '../assumptions.ts';

/**
 * What a simulated container does once started (DESIGN.md "The simulator"). It comes, in
 * order, from the `kubespec.io/behavior.<container>` annotation, from the container's command
 * when it is a simple shell form, or from the image's defaults (scenarios/behaviors/images.yaml,
 * handed in by the driver). Nothing is guessed silently: anything else is a long-running process
 * that stops promptly on SIGTERM, as most server images do.
 */
export interface ContainerBehavior {
  /** How long the process runs before it exits by itself; undefined = until it is stopped. */
  runsFor?: Millis;
  /** The exit code when it exits by itself. */
  exitCode: number;
  /** PID 1 without a SIGTERM handler (sleep, sh) ignores SIGTERM and dies only at SIGKILL. */
  ignoresSigterm: boolean;
  /**
   * SIGTERM kills the process by its default action (a JVM, or a program under an init such as
   * tini that passes the signal on): it reports 128 + 15 = 143, not the 0 of a clean shutdown.
   */
  diesOnSigterm?: boolean;
  /** Readiness probes succeed only this long after the start (default: at once). */
  readyAfter?: Millis;
  /** Startup probes succeed only this long after the start (a slow starter). */
  startsAfter?: Millis;
  /** From this long after the start, liveness and readiness probes fail. */
  unhealthyAfter?: Millis;
  /** From this long after the start, they pass again (a transient outage; default: never). */
  healthyAgainAfter?: Millis;
  /** Memory the process grows to, and when: above the container's limit it is OOMKilled then. */
  memory?: { bytes: number; after: Millis };
  /** Bytes the process writes, when, and where (a path in a mount, else its own layer): local ephemeral storage. */
  disk?: { bytes: number; after: Millis; path?: string };
  /**
   * A script that starts with `until nslookup NAME; do …; sleep N; done` or `until nc -z HOST
   * PORT; …`: it polls every N and carries on (its runsFor counted from then) once the name
   * resolves or the port answers.
   */
  waitsFor?: { until: 'dns' | 'tcp'; host: string; port?: number; every: Millis };
  /** Files the script creates (`touch`, `echo … >`) and removes (`rm`), by path: for exec probes. */
  files?: Record<string, { createdAt: Millis; removedAt?: Millis; content: string }>;
  /** Where this behavior came from, for reports. */
  source: string;
  /**
   * What was taken to be true without knowing it (fields relative to the container): an image
   * kubespec has no facts about, a command it cannot interpret. Empty when it knows.
   */
  guesses?: Guess[];
}

/**
 * Image facts as data (scenarios/behaviors/images.yaml): what an image's default command does
 * (entries with an `image` prefix), and which references cannot be pulled (entries with a
 * `match` regular expression and a `pullError`, `{image}` standing for the reference).
 */
export interface ImageBehavior {
  image?: string;
  match?: string;
  runsFor?: Millis;
  exitCode?: number;
  ignoresSigterm?: boolean;
  diesOnSigterm?: boolean;
  pullError?: string;
  /** The ports the image's default command listens on (for tcpSocket and httpGet probes). */
  listens?: number[];
  /** The HTTP paths it answers with 2xx/3xx; any other path gets 404. */
  serves?: string[];
  /** The numeric USER of the image (absent: root, as most images run). */
  user?: number;
}

/** The uid an image runs as: its USER from images.yaml, else root. */
export function imageUser(image: string, images: readonly ImageBehavior[]): number {
  const entry = images.find((b) => b.user !== undefined && (b.match ? new RegExp(b.match).test(image) : b.image !== undefined && image.startsWith(b.image)));
  return entry?.user ?? 0;
}

/** What the image's own server listens on and serves, when the container runs the image's default command. */
export function imageServer(container: any, images: readonly ImageBehavior[]): ImageBehavior | undefined {
  if (container.command !== undefined) return undefined;
  return images.find((b) => b.listens !== undefined && (b.match ? new RegExp(b.match).test(container.image ?? '') : b.image !== undefined && container.image?.startsWith(b.image)));
}

/** The registry's answer when `image` cannot be pulled, or undefined when it can. */
export function pullFailure(image: string, images: readonly ImageBehavior[]): string | undefined {
  const entry = images.find((b) => b.pullError !== undefined && (b.match ? new RegExp(b.match).test(image) : b.image !== undefined && image.startsWith(b.image)));
  return entry?.pullError?.replaceAll('{image}', image);
}

export const serverBehavior: ContainerBehavior = { exitCode: 0, ignoresSigterm: false, source: 'default: long-running server' };

/** Resolves a container's behavior; see the interface for the order of sources. */
export function behaviorOf(container: any, annotations: Record<string, string> | undefined, images: readonly ImageBehavior[]): ContainerBehavior {
  const annotated = annotations?.[`kubespec.io/behavior.${container.name}`];
  if (annotated !== undefined) return fromAnnotation(annotated);
  const argv: string[] = [...(container.command ?? []), ...(container.args ?? [])].map((a) => expandVariables(String(a), container.env));
  if (argv.length > 0) {
    const fromCommand = fromArgv(argv);
    if (fromCommand) return fromCommand;
  }
  const image = images.find((b) => b.image !== undefined && b.pullError === undefined && container.image?.startsWith(b.image));
  if (image && container.command === undefined) {
    return { runsFor: image.runsFor, exitCode: image.exitCode ?? 0, ignoresSigterm: image.ignoresSigterm ?? false, ...(image.diesOnSigterm ? { diesOnSigterm: true } : {}), source: `image default for ${image.image}` };
  }
  if (argv.length > 0) return { ...serverBehavior, guesses: [{ field: container.command !== undefined ? 'command' : 'args', assumed: SERVER_GUESS, why: `kubespec cannot interpret the command "${argv.join(' ')}"` }] };
  if (imageServer(container, images)) return serverBehavior;
  return { ...serverBehavior, guesses: [{ field: 'image', assumed: SERVER_GUESS, why: `kubespec has no facts about what the image "${container.image}" runs` }] };
}

/** What an unknown program is taken to do: what most server images do. */
const SERVER_GUESS = 'it runs until stopped and stops promptly on SIGTERM';

/**
 * The kubelet's $(VAR) expansion of command and args (third_party/forked/golang/expansion):
 * names defined in the container's env become their value, $$ is a literal $, and anything else
 * (an undefined name, a shell's $(date +%Y)) is left as written for the shell.
 */
export function expandVariables(text: string, env: Array<{ name: string; value?: string }> | undefined): string {
  const values = new Map((env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (whole, name: string | undefined) => (whole === '$$' ? '$' : values.has(name!) ? values.get(name!)! : whole));
}

/** How a container stopped by SIGTERM (not SIGKILL) reports its end. */
export function stoppedBySigterm(behavior: ContainerBehavior): { exitCode: number; reason: string } {
  return behavior.diesOnSigterm ? { exitCode: 143, reason: 'Error' } : { exitCode: 0, reason: 'Completed' };
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/**
 * A comma-separated list: the process (`exit 3 after 10s`, `run forever`, optionally `ignoring
 * SIGTERM` or `dying on SIGTERM`), probe outcomes (`ready after 20s`, `starts after 60s`, `unhealthy after 30s`,
 * `healthy again after 90s`), memory growth (`uses 300Mi after 10s`) and disk writes (`writes 2Gi
 * after 30s` into its own layer, `writes 2Gi to /cache after 30s` into a mount), e.g. "run forever,
 * ready after 10s, unhealthy after 2m".
 */
function fromAnnotation(text: string): ContainerBehavior {
  const out: ContainerBehavior = { exitCode: 0, ignoresSigterm: false, source: `annotation: ${text}` };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    let m = /^(?:exit (\d+)(?: after (\d+)(s|m|h))?|run forever)(?:\s+(ignoring|dying on) SIGTERM)?$/.exec(part);
    if (m) {
      out.ignoresSigterm = m[4] === 'ignoring';
      if (m[4] === 'dying on') out.diesOnSigterm = true;
      if (m[1] !== undefined) {
        out.exitCode = Number(m[1]);
        out.runsFor = Number(m[2] ?? 0) * UNIT_MS[m[3] ?? 's']!;
      }
      continue;
    }
    m = /^uses (\S+) after (\d+)(s|m|h)$/.exec(part);
    if (m) {
      out.memory = { bytes: bytes(m[1]!), after: Number(m[2]) * UNIT_MS[m[3]!]! };
      continue;
    }
    m = /^writes (\S+)(?: to (\/\S*))? after (\d+)(s|m|h)$/.exec(part);
    if (m) {
      out.disk = { bytes: bytes(m[1]!), after: Number(m[3]) * UNIT_MS[m[4]!]!, ...(m[2] !== undefined ? { path: m[2] } : {}) };
      continue;
    }
    m = /^(ready|starts|unhealthy|healthy again) after (\d+)(s|m|h)$/.exec(part);
    if (m) {
      const ms = Number(m[2]) * UNIT_MS[m[3]!]!;
      if (m[1] === 'ready') out.readyAfter = ms;
      else if (m[1] === 'starts') out.startsAfter = ms;
      else if (m[1] === 'unhealthy') out.unhealthyAfter = ms;
      else out.healthyAgainAfter = ms;
      continue;
    }
    throw new Error(`kubespec.io/behavior: "${part}" is not a behavior (try "exit 1 after 10s", "run forever ignoring SIGTERM", "run forever dying on SIGTERM", "ready after 20s", "unhealthy after 30s", "healthy again after 60s", "uses 300Mi after 10s", "writes 2Gi to /cache after 30s")`);
  }
  return out;
}

/**
 * Understands `sleep N`, `true`, `false`, and `sh -c "<script>"` whose script is a sequence of
 * `sleep N`, `echo ...`, `exit N`, `true`/`false`, quick commands taken to succeed (`date`,
 * `hostname`, `env`, `ls`, `cat`, `mkdir`, `touch`, a variable assignment, ...), or an endless
 * `while true; do ...; done`.
 */
function fromArgv(argv: string[]): ContainerBehavior | undefined {
  const [cmd, ...rest] = argv;
  const base = cmd!.slice(cmd!.lastIndexOf('/') + 1);
  if ((base === 'sh' || base === 'bash' || base === 'ash') && rest[0] === '-c' && rest[1] !== undefined) {
    const script = fromScript(rest[1]);
    return script && { ...script, ignoresSigterm: true, source: `command: ${argv.join(' ')}` };
  }
  const simple = fromScript(argv.join(' '));
  return simple && { ...simple, source: `command: ${argv.join(' ')}` };
}

function fromScript(script: string): Omit<ContainerBehavior, 'source'> | undefined {
  const loop = /^\s*until\s+(nslookup\s+((?:\$\([^)]*\)|\S)+)|nc\s+(?:-\S+\s+)*(\S+)\s+(\d+))\s*;\s*do\s+([\s\S]*?);?\s*done\s*(?:;|&&|\n)?([\s\S]*)$/.exec(script);
  if (loop) {
    const nap = /\bsleep\s+(\S+)/.exec(loop[5]!);
    const every = nap ? sleepSeconds(nap[1]!) : 1;
    if (every === undefined) return undefined;
    const rest = loop[6]!.trim() ? fromScript(loop[6]!) : { runsFor: 0, exitCode: 0, ignoresSigterm: true };
    if (!rest) return undefined;
    const waitsFor = loop[2] ? { until: 'dns' as const, host: loop[2], every: every * 1000 } : { until: 'tcp' as const, host: loop[3]!, port: Number(loop[4]), every: every * 1000 };
    return { ...rest, ignoresSigterm: true, waitsFor };
  }
  if (/\bwhile\s+(true|:)\b/.test(script) || /\btail\s+-f\b/.test(script)) return { exitCode: 0, ignoresSigterm: true };
  let elapsed = 0;
  let exitCode = 0;
  let ignoresSigterm = false;
  const files: NonNullable<ContainerBehavior['files']> = {};
  for (const raw of script.split(/;|&&|\n/)) {
    const stmt = raw.trim();
    const touched = /^touch\s+(\S+)$/.exec(stmt);
    if (touched) files[touched[1]!] ??= { createdAt: elapsed, content: '' };
    const written = /^echo\s+(.*?)\s*(>>?)\s*(\S+)$/.exec(stmt);
    if (written) {
      const line = `${written[1]!.replace(/^(["'])(.*)\1$/, '$2')}\n`;
      const before = files[written[3]!];
      files[written[3]!] = { createdAt: before?.createdAt ?? elapsed, content: written[2] === '>>' && before ? before.content + line : line };
    }
    const removed = /^rm\s+(?:-[rf]+\s+)*(\S+)$/.exec(stmt);
    if (removed && files[removed[1]!]) files[removed[1]!]!.removedAt ??= elapsed;
    if (stmt === '' || stmt.startsWith('echo ') || stmt === 'echo' || stmt.startsWith('#')) continue;
    let m = /^sleep\s+(\S+)$/.exec(stmt);
    if (m) {
      if (m[1] === 'infinity') return { exitCode: 0, ignoresSigterm: true, ...withFiles(files) };
      const seconds = sleepSeconds(m[1]!);
      if (seconds === undefined) return undefined;
      elapsed += seconds * 1000;
      ignoresSigterm = true;
      continue;
    }
    m = /^exit\s+(\d+)$/.exec(stmt);
    if (m) return { runsFor: elapsed, exitCode: Number(m[1]), ignoresSigterm, ...withFiles(files) };
    if (stmt === 'true') { exitCode = 0; continue; }
    if (stmt === 'false') { exitCode = 1; continue; }
    // Commands that print or touch a file and return at once; taken to succeed.
    if (QUICK_COMMANDS.test(stmt)) { exitCode = 0; continue; }
    return undefined;
  }
  return { runsFor: elapsed, exitCode, ignoresSigterm, ...withFiles(files) };
}

const withFiles = (files: NonNullable<ContainerBehavior['files']>) => (Object.keys(files).length ? { files } : {});

const QUICK_COMMANDS = /^(date|hostname|env|printenv|id|whoami|pwd|uname|printf|ls|cat|mkdir|touch|cp|mv|rm|cd|export|set|[A-Za-z_][A-Za-z0-9_]*=\S*)(\s|$)/;

/** GNU sleep's forms: 10, 10s, 2m, 1h, 1.5. */
export function sleepSeconds(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
