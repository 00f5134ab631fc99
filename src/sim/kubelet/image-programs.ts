import type { Millis } from '../clock.ts';
import type { ImageBehavior } from './container-behavior.ts';
import { imageFacts } from './container-behavior.ts';

/**
 * The programs an image ships and what they do, as data (scenarios/behaviors/images.yaml
 * `programs`, by the program's file name): a server such as `redis-server` or agnhost's
 * `netexec` (how long it runs, which ports it listens on, from which flag and default, which HTTP
 * paths answer), or a client such as `mysqladmin` that succeeds while the server in its pod
 * listens. A program with `subcommands` (agnhost) picks them by its first argument.
 */
export interface ProgramFacts {
  untilStopped?: boolean;
  runsFor?: Millis;
  exitCode?: number;
  ignoresSigterm?: boolean;
  diesOnSigterm?: boolean;
  /** TCP ports: a number, or a flag's value (`--http-port`, its default, `plus` an offset, only `when` another flag has a value). */
  listens?: Array<number | PortRule>;
  /** Flags after which the ports are not known (`--cluster-port`), and whether a bare argument (a configuration file) is. */
  portsUnknownWith?: string[];
  configArgument?: boolean;
  /** HTTP paths answered with 200; `/...` is every path (Go's ServeMux pattern "/"). */
  serves?: string[];
  /** Paths answered with another status, optionally only when a flag has a value. */
  answers?: Array<{ path: string; status: number; when?: FlagIs }>;
  subcommands?: Record<string, ProgramFacts>;
  /**
   * A minimal init (dumb-init, tini) that runs the rest of the argument list, after an optional
   * `--`, as its child and passes signals on: the child is the program that counts.
   */
  initFor?: true;
  /** A client: it connects to this port of the pod (`hostFlags`, `portFlags` may name another). */
  connects?: { port: number; hostFlags?: string[]; portFlags?: string[] };
  /** Whether the server accepts its login (see LoginFacts). */
  login?: LoginFacts;
}

/** A flag's value, as `--cluster-enabled yes` or `--cluster-enabled=yes`. */
export interface FlagIs {
  flag: string;
  is: string;
}

export interface PortRule {
  flag: string;
  default: number;
  plus?: number;
  when?: FlagIs;
}

/**
 * A client's login to a server configured by environment variables (the official mysql image's
 * entrypoint): the server requires a password when `serverPasswordEnv` is set, none when
 * `emptyPasswordEnv` is; the client gives one with a flag (`-p…`, `--password…`) or `clientPasswordEnv`.
 */
export interface LoginFacts {
  serverPasswordEnv: string;
  emptyPasswordEnv?: string;
  clientPasswordFlags: string[];
  clientPasswordEnv?: string;
  /** What the client prints when refused (exit 1). */
  refused: string;
}

/** A program found in an image for an argv: its facts, the arguments after it (and its subcommand), and names for reports. */
export interface ProgramRun {
  /** `redis-server`, `agnhost netexec`. */
  name: string;
  repository: string;
  facts: ProgramFacts;
  args: string[];
}

/** What the container executes: its command, or the image's ENTRYPOINT, followed by its args (or, with neither, the image's CMD). */
export function containerArgv(container: any, entry: ImageBehavior | undefined): string[] {
  const head: string[] = container.command ?? entry?.entrypoint ?? [];
  const tail: string[] = container.command !== undefined ? container.args ?? [] : container.args ?? entry?.cmd ?? [];
  return [...head, ...tail].map(String);
}

/** The program an argv runs in the container's image, when images.yaml lists it. */
export function programFor(argv: readonly string[], image: string, images: readonly ImageBehavior[]): ProgramRun | undefined {
  const { ref, entry } = imageFacts(image, images);
  if (!ref || !entry?.programs || argv.length === 0) return undefined;
  const file = argv[0]!.slice(argv[0]!.lastIndexOf('/') + 1);
  const facts = entry.programs[file];
  if (!facts) return undefined;
  if (facts.initFor) {
    const child = argv.slice(argv[1] === '--' ? 2 : 1);
    return child.length ? programFor(child, image, images) : undefined;
  }
  if (!facts.subcommands) return { name: file, repository: ref.repository, facts, args: argv.slice(1) };
  const sub = argv[1] !== undefined ? facts.subcommands[argv[1]] : undefined;
  return sub ? { name: `${file} ${argv[1]}`, repository: ref.repository, facts: sub, args: argv.slice(2) } : undefined;
}

/** The program the container itself runs (command or ENTRYPOINT, then args or CMD). */
export function containerProgram(container: any, images: readonly ImageBehavior[]): ProgramRun | undefined {
  const { entry } = imageFacts(container.image ?? '', images);
  if (!entry?.programs) return undefined;
  return programFor(containerArgv(container, entry), container.image ?? '', images);
}

/**
 * A flag's value in an argument list: `--flag=value`, `--flag value`, and for a one-letter flag
 * `-hvalue`. Undefined when absent.
 */
export function flagValue(args: readonly string[], flag: string): string | undefined {
  let value: string | undefined;
  args.forEach((a, i) => {
    if (a === flag) value = args[i + 1];
    else if (a.startsWith(`${flag}=`)) value = a.slice(flag.length + 1);
    else if (/^-\w$/.test(flag) && a.startsWith(flag) && a.length > 2) value = a.slice(2);
  });
  return value;
}

const holds = (args: readonly string[], cond: FlagIs | undefined) => cond === undefined || flagValue(args, cond.flag) === cond.is;

/** The TCP ports a program run listens on, or why they are not known. */
export function programPorts(run: ProgramRun): { ports: number[] } | { unknown: string } {
  const { facts, args } = run;
  const blocker = (facts.portsUnknownWith ?? []).find((f) => flagValue(args, f) !== undefined);
  if (blocker) return { unknown: `kubespec does not model ${blocker} of ${run.name}` };
  if (facts.configArgument && args.some((a, i) => !a.startsWith('-') && !(args[i - 1] ?? '').startsWith('-'))) {
    return { unknown: `${run.name} reads its ports from a configuration file kubespec does not know` };
  }
  const ports: number[] = [];
  for (const rule of facts.listens ?? []) {
    if (typeof rule === 'number') {
      ports.push(rule);
      continue;
    }
    if (!holds(args, rule.when)) continue;
    const raw = flagValue(args, rule.flag);
    const port = raw === undefined ? rule.default : Number(raw);
    if (!Number.isInteger(port)) return { unknown: `${rule.flag}=${raw} of ${run.name} is not a port` };
    if (port >= 0) ports.push(port + (rule.plus ?? 0)); // -1 turns a listener off (agnhost --sctp-port)
  }
  return { ports };
}

/**
 * The HTTP status a program's server answers for a path: 200 for a path it serves, `answers`
 * where they apply, else 404 (net/http's NotFound). Undefined when kubespec has no paths for it.
 */
export function programStatus(run: ProgramRun, path: string): number | undefined {
  const { facts, args } = run;
  const special = (facts.answers ?? []).find((a) => a.path === path && holds(args, a.when));
  if (special) return special.status;
  if (!facts.serves) return undefined;
  return facts.serves.includes('/...') || facts.serves.includes(path) ? 200 : 404;
}
