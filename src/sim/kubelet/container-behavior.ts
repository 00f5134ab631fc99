import type { Millis } from '../clock.ts';
import { bytes } from '../../kube/quantity.ts';
import type { Guess } from '../../kube/assumptions.ts';
import { builtin } from './shell/builtins.ts';
import { evaluateCommand } from './shell/evaluate.ts';
import { SERVER_GUESS } from './shell/shell-state.ts';
import { containerArgv, containerProgram, programPorts } from './image-programs.ts';
import { imageFacts, type ImageBehavior } from './image-facts.ts';
export { imageFacts, type ImageBehavior } from './image-facts.ts';

/**
 * What a simulated container does once started (DESIGN.md "The simulator"). It comes, in
 * order, from the `kubespec.io/behavior.<container>` annotation, from the container's command
 * run on the shell interpreter (shell/evaluate.ts), or from the image's defaults (scenarios/behaviors/images.yaml,
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
  /**
   * The TCP ports the process listens on, when the annotation says (`listens on 8080`): probes,
   * Service traffic and localhost connections to any other port are refused (listeners.ts).
   */
  listens?: number[];
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
 * The image's USER as the kubelet learns it from the runtime (kuberuntime/helpers.go
 * getImageUser): a uid, or a name. Unknown images are taken to run as root: the kubelet itself
 * treats an image config without USER as root, and most images have none; assuming a non-root
 * user instead would let a manifest that a real node refuses pass unseen. The guess says so.
 */
export function imageUserOf(image: string, images: readonly ImageBehavior[]): { user: number | string; guess?: Guess } {
  const { ref, entry } = imageFacts(image, images);
  const user = (ref?.tag !== undefined ? entry?.userByTag?.[ref.tag] : undefined) ?? entry?.user;
  if (user !== undefined) return { user };
  return { user: 0, guess: { field: 'image', assumed: "the image's USER is root (no USER in its config)", why: `kubespec has no facts about the user the image "${image}" runs as` } };
}

/** The uid an image runs as: its USER from images.yaml when numeric, else root (see imageUserOf). */
export function imageUser(image: string, images: readonly ImageBehavior[]): number {
  const { user } = imageUserOf(image, images);
  return typeof user === 'number' ? user : 0;
}

/** What the image's own server listens on and serves, when the container runs the image's default command. */
export function imageServer(container: any, images: readonly ImageBehavior[]): ImageBehavior | undefined {
  // A program of the image (images.yaml `programs`): `redis-server --port 7000`, agnhost `netexec`, nginx.
  const run = containerProgram(container, images);
  if (run?.facts.listens !== undefined) {
    const ports = programPorts(run);
    return 'ports' in ports ? { listens: ports.ports, ...(run.facts.serves ? { serves: run.facts.serves } : {}) } : undefined;
  }
  if (container.command !== undefined) return undefined;
  const { entry } = imageFacts(container.image ?? '', images);
  return entry?.listens !== undefined ? entry : undefined;
}

/**
 * The registry's answer when `image` cannot be pulled, or undefined when it can: a tag in a
 * `notFoundTags` list, or a digest kubespec knows belongs to another repository (content
 * addresses: a manifest of one repository is not found in another). containerd names the
 * reference it pulls (ParseDockerRef: `docker.io/library/nginx:does-not-exist`).
 */
export function pullFailure(image: string, images: readonly ImageBehavior[]): string | undefined {
  const { ref, entry } = imageFacts(image, images);
  if (!ref) return undefined;
  const failure = images.find((b) => b.pullError !== undefined && ref.digest === undefined && ref.tag !== undefined && (b.notFoundTags ?? []).includes(ref.tag));
  const foreignDigest = ref.digest !== undefined && !(entry?.digests ?? []).includes(ref.digest)
    && images.some((b) => b !== entry && (b.digests ?? []).includes(ref.digest!));
  const error = failure?.pullError ?? (foreignDigest ? images.find((b) => b.notFoundTags !== undefined)?.pullError : undefined);
  return error?.replaceAll('{image}', ref.pulled);
}

/**
 * What is taken to be true about a pull that succeeds: a tag (or digest) kubespec does not know
 * for an image it knows is taken to exist. An image it knows nothing about gets no pull guess
 * here (behaviorOf and imageUserOf say what else is unknown about it).
 */
export function pullGuesses(image: string, images: readonly ImageBehavior[]): Guess[] {
  const { ref, entry } = imageFacts(image, images);
  if (!ref || !entry || entry.match !== undefined) return [];
  if (ref.digest !== undefined) {
    return (entry.digests ?? []).includes(ref.digest) ? [] : [{ field: 'image', assumed: `the digest ${ref.digest} is a manifest in the registry`, why: `kubespec does not know this digest of ${ref.repository}` }];
  }
  const tag = ref.tag ?? 'latest';
  return (entry.tags ?? []).includes(tag) ? [] : [{ field: 'image', assumed: 'the tag exists in the registry', why: `kubespec does not know the tag "${tag}" of ${ref.repository}` }];
}

export const serverBehavior: ContainerBehavior = { exitCode: 0, ignoresSigterm: false, source: 'default: long-running server' };

/**
 * Resolves a container's behavior; see the interface for the order of sources. `pod`, where
 * given, supplies the host name its commands see (`hostname`, $HOSTNAME).
 */
export function behaviorOf(container: any, annotations: Record<string, string> | undefined, images: readonly ImageBehavior[], pod?: any): ContainerBehavior {
  const annotated = annotations?.[`kubespec.io/behavior.${container.name}`];
  if (annotated !== undefined) return fromAnnotation(annotated);
  const { entry } = imageFacts(container.image ?? '', images);
  const expand = (list: unknown[] | undefined) => list?.map((a) => expandVariables(String(a), container.env));
  // With args but no command the runtime runs the image's ENTRYPOINT with them (containerArgv);
  // where kubespec does not know the ENTRYPOINT, the args are read as the command, and it says so.
  const argsOnly = container.command === undefined && container.args !== undefined;
  const argv: string[] = argsOnly && entry?.entrypoint !== undefined
    ? containerArgv({ args: expand(container.args) }, entry)
    : [...(expand(container.command) ?? []), ...(expand(container.args) ?? [])];
  const entrypointGuess: Guess[] = argsOnly && entry?.entrypoint === undefined && argv.length > 0
    ? [{ field: 'args', assumed: 'the image has no ENTRYPOINT, so args run as the command', why: `kubespec does not know the ENTRYPOINT of the image "${container.image}"` }] : [];
  if (argv.length > 0) {
    const fromCommand = fromArgv(argv, container, images, podHostname(pod));
    if (fromCommand) return withGuesses(fromCommand, entrypointGuess);
  }
  const { ref, entry: image } = imageFacts(container.image ?? '', images);
  const program = argv.length > 0 ? containerProgram(container, images) : undefined;
  if (program && (program.facts.untilStopped || program.facts.runsFor !== undefined)) {
    const f = program.facts;
    return withGuesses({ runsFor: f.runsFor, exitCode: f.exitCode ?? 0, ignoresSigterm: f.ignoresSigterm ?? false, ...(f.diesOnSigterm ? { diesOnSigterm: true } : {}), source: `program: ${program.name} of ${program.repository}` }, entrypointGuess);
  }
  // The image's default is its CMD run by its ENTRYPOINT: `args` replace the CMD, so then it says nothing.
  if (image && container.command === undefined && container.args === undefined && (image.runsFor !== undefined || image.untilStopped)) {
    return { runsFor: image.runsFor, exitCode: image.exitCode ?? 0, ignoresSigterm: image.ignoresSigterm ?? false, ...(image.diesOnSigterm ? { diesOnSigterm: true } : {}), source: `image default for ${ref!.repository}` };
  }
  if (argv.length > 0) return { ...serverBehavior, guesses: [...entrypointGuess, { field: container.command !== undefined ? 'command' : 'args', assumed: SERVER_GUESS, why: `kubespec cannot interpret the command "${argv.join(' ')}"` }] };
  if (imageServer(container, images)) return serverBehavior;
  return { ...serverBehavior, guesses: [{ field: 'image', assumed: SERVER_GUESS, why: `kubespec has no facts about what the image "${container.image}" runs` }] };
}

const withGuesses = (b: ContainerBehavior, more: Guess[]): ContainerBehavior => (more.length ? { ...b, guesses: [...more, ...(b.guesses ?? [])] } : b);

/**
 * The host name a pod's containers see, as the kubelet gives it to the sandbox
 * (pkg/kubelet/kuberuntime/kuberuntime_sandbox.go generatePodSandboxConfig and kubelet_pods.go
 * GeneratePodHostNameAndDomain): spec.hostname, else the pod's name, cut to 63 characters
 * without a trailing '-' or '.'. Undefined where it is the node's (hostNetwork) or the FQDN
 * (setHostnameAsFQDN): kubespec does not model those.
 */
export function podHostname(pod: any): string | undefined {
  if (!pod?.metadata?.name || pod.spec?.hostNetwork || pod.spec?.setHostnameAsFQDN) return undefined;
  const name: string = pod.spec?.hostname || pod.metadata.name;
  return name.length > 63 ? name.slice(0, 63).replace(/[-.]+$/, '') : name;
}

/**
 * The kubelet's $(VAR) expansion of command and args (third_party/forked/golang/expansion):
 * names defined in the container's env become their value, $$ is a literal $, and anything else
 * (an undefined name, a shell's $(date +%Y)) is left as written for the shell.
 */
export function expandVariables(text: string, env: Array<{ name: string; value?: string }> | undefined): string {
  const values = new Map((env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!]));
  return text.replace(/\$\$|\$\(([^)]*)\)/g, (whole, name: string | undefined) => (whole === '$$' ? '$' : values.has(name!) ? values.get(name!)! : whole));
}

/**
 * An init container (not a sidecar) must end for the pod to start, so an unknown one is taken to
 * do its job and exit 0 at once rather than to serve forever, and the guess says so.
 */
export function guessedAsInitContainer(behavior: ContainerBehavior): ContainerBehavior {
  // Only where the open-ended run is itself the guess (an unknown program, or a script kubespec
  // could not interpret): a known `sleep infinity` with a guessed variable stays as it is.
  if (behavior.runsFor !== undefined || !behavior.guesses?.some((g) => g.assumed === SERVER_GUESS)) return behavior;
  return { ...behavior, runsFor: 0, exitCode: 0, guesses: behavior.guesses.map((g) => (g.assumed === SERVER_GUESS ? { ...g, assumed: 'it does its work and exits 0 at once, as an init container is meant to' } : g)) };
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
 * after 30s` into its own layer, `writes 2Gi to /cache after 30s` into a mount) and listening
 * ports (`listens on 8080`, `listens on 80 and 443`), e.g. "run forever, ready after 10s, unhealthy after 2m".
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
    m = /^listens on (\d+(?:\s+and\s+\d+)*)$/.exec(part);
    if (m) {
      out.listens = [...(out.listens ?? []), ...m[1]!.split(/\s+and\s+/).map(Number)];
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
    throw new Error(`kubespec.io/behavior: "${part}" is not a behavior (try "exit 1 after 10s", "run forever ignoring SIGTERM", "run forever dying on SIGTERM", "ready after 20s", "unhealthy after 30s", "healthy again after 60s", "uses 300Mi after 10s", "writes 2Gi to /cache after 30s", "listens on 8080")`);
  }
  return out;
}

/**
 * A container's command run on the shell interpreter (shell/evaluate.ts): `sh -c SCRIPT` (bash,
 * /bin/sh) always, a plain argv when its program is one the interpreter knows (sleep, true,
 * false, echo, tail -f, …). Undefined for an unknown program, which the caller judges by the
 * image or takes to be a server.
 */
function fromArgv(argv: string[], container: any, images: readonly ImageBehavior[], hostname: string | undefined): ContainerBehavior | undefined {
  const [cmd, ...rest] = argv;
  const base = cmd!.slice(cmd!.lastIndexOf('/') + 1);
  const viaShell = ['sh', 'bash', 'ash', 'dash'].includes(base) && rest[0] === '-c' && rest[1] !== undefined;
  if (!viaShell && !builtin(base)) return undefined;
  const field = container.command !== undefined ? 'command' : 'args';
  const outcome = evaluateCommand({
    argv, field, ...shellEnvironment(container),
    imagePaths: imageFacts(container.image ?? '', images).entry?.paths,
    mounts: [...(container.volumeMounts ?? []).map((m: any) => String(m.mountPath)), SERVICE_ACCOUNT_DIR],
    workingDir: container.workingDir,
    ...(hostname !== undefined ? { hostname } : {}),
  });
  if ('notInterpreted' in outcome) {
    return { ...serverBehavior, guesses: [{ field, assumed: SERVER_GUESS, why: `kubespec cannot interpret the command "${argv.join(' ')}": ${outcome.notInterpreted}` }] };
  }
  const { guesses, ...behavior } = outcome;
  return { ...behavior, source: `command: ${argv.join(' ')}`, ...(guesses.length ? { guesses } : {}) };
}

/** Where the service account token is mounted by default (its files are the API server's). */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * The variables a container's shell starts with, as far as the manifest says: env entries with a
 * value ($(VAR) references to earlier entries expanded, as the kubelet does). Values from
 * valueFrom, envFrom, service links (FOO_SERVICE_HOST) and the runtime are not known here.
 */
function shellEnvironment(container: any): { env: Record<string, string>; unknownEnv: (name: string) => boolean } {
  const env: Record<string, string> = {};
  const fromElsewhere = new Set<string>();
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = expandVariables(String(e.value), Object.entries(env).map(([name, value]) => ({ name, value })));
    else fromElsewhere.add(e.name);
  }
  const hasEnvFrom = (container.envFrom ?? []).length > 0;
  return { env, unknownEnv: (name) => hasEnvFrom || fromElsewhere.has(name) || /^KUBERNETES_|_SERVICE_(HOST|PORT)|_PORT(_|$)/.test(name) };
}

export { sleepSeconds } from './shell/sleep-seconds.ts';
