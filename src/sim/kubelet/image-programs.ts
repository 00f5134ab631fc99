import { imageFacts, type FlagIs, type ImageBehavior, type ProgramFacts } from './image-facts.ts';

// What the programs an image ships do with their arguments: which one an argv runs, its ports,
// its HTTP answers. The facts themselves are data (image-facts.ts, scenarios/behaviors/images.yaml).

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
