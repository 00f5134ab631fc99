import { imageFacts, imageServer, sleepSeconds, type ContainerBehavior, type ImageBehavior } from './container-behavior.ts';
import { goDuration } from '../go-duration.ts';
import { NEVER_PASSES, type ProbeHealth, type ProbeKind } from './probes.ts';
import { containerListens } from './listeners.ts';
import { containerProgram, flagValue, programFor, programStatus } from './image-programs.ts';
import type { Guess } from '../../kube/assumptions.ts';
import { noSuchFile } from './shell/builtins.ts';
import { ImageFilesystem, resolvePath } from './shell/image-filesystem.ts';
import type { Millis } from '../clock.ts';

/**
 * Files put into a running container from outside (kubectl exec), by path: when they appeared
 * and went, counted from the run's start.
 */
export type OutsideFiles = Record<string, { createdAt: Millis; removedAt?: Millis }>;

const KINDS: Array<[ProbeKind, string]> = [['startup', 'startupProbe'], ['readiness', 'readinessProbe'], ['liveness', 'livenessProbe']];

/** What the probes of a container find, and what kubespec took to be true to say so. */
export interface ProbeFindings {
  /** Per probe kind, its outcome over the run, where kubespec knows it (absent: it passes). */
  health: Partial<Record<ProbeKind, ProbeHealth>>;
  /** Probes taken to pass without knowing (fields relative to the container: `livenessProbe`). */
  guesses: Guess[];
}

/** What the prober needs besides the container: where it connects, and what was written into the container. */
export interface ProbeContext {
  /** The pod's IP (status.podIP), the host of httpGet, tcpSocket and gRPC probes without their own. */
  podIP?: string;
  outsideFiles?: OutsideFiles;
  /** The files of the container's ConfigMap, Secret and downwardAPI volumes (src/kube/volume-files.ts). */
  volumeFiles?: Record<string, string>;
  /** Mount paths of ConfigMap and Secret volumes whose object kubespec read: no other file is inside. */
  filledMounts?: string[];
}

/**
 * What each probe of a container finds, judged from what it points at, where kubespec knows
 * (listeners.ts): an httpGet, tcpSocket or gRPC probe to a port the container does not listen on
 * is refused; an httpGet probe to an image server's path it does not serve gets 404 (nginx for
 * /healthz); a gRPC probe to a server images.yaml describes fails (none of them implements
 * grpc.health.v1); an exec probe that checks a file (`cat`, `test -f`, `ls`) passes while the
 * container's script has created it and not yet removed it. Failures carry the prober's own text
 * (pkg/probe/{http,tcp,grpc,exec}, v1.32). A behavior annotation that speaks of probes wins over
 * all this. Anything else passes, with a guess: kubespec does not know that its target answers.
 */
export function probeHealth(container: any, behavior: ContainerBehavior, images: readonly ImageBehavior[], context: ProbeContext = {}): ProbeFindings {
  const out: ProbeFindings = { health: {}, guesses: [] };
  const annotated = [behavior.readyAfter, behavior.startsAfter, behavior.unhealthyAfter, behavior.healthyAgainAfter].some((t) => t !== undefined);
  if (annotated) return out;
  for (const [kind, field] of KINDS) {
    const spec = container[field];
    if (!spec) continue;
    const found = spec.exec ? execCheck(spec, container, behavior, context, images) : networkCheck(spec, container, behavior, images, context.podIP ?? '');
    if (found.health) out.health[kind] = found.health;
    if (found.unknown) out.guesses.push({ field, assumed: found.assumed ?? 'its target answers', why: found.unknown });
  }
  return out;
}

/** One probe's verdict: its health where known, or why it is not known (it then passes). */
interface Finding {
  health?: ProbeHealth;
  unknown?: string;
  /** What was taken to be true, when not that the target answers (the health then rests on it). */
  assumed?: string;
}

const failing = (message: string): Finding => ({ health: { ...NEVER_PASSES, message } });

/** `host:port` as Go's net.JoinHostPort writes it (an IPv6 address in brackets). */
const joinHostPort = (host: string, port: number) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** A port by number or by the name of one of the container's ports (probe.ResolveContainerPort). */
function resolvePort(port: unknown, container: any): number | undefined {
  if (typeof port === 'number' || /^\d+$/.test(String(port))) return Number(port);
  return (container.ports ?? []).find((p: any) => p.name === port)?.containerPort;
}

/**
 * httpGet, tcpSocket and gRPC probes, in the prober's words when they fail:
 * - tcp.go returns the dialer's error: `dial tcp 10.244.1.5:8081: connect: connection refused`;
 * - http.go returns the client's error for a refused connection (`Get "http://…/healthz": dial
 *   tcp …: connect: connection refused`) and `HTTP probe failed with statuscode: 404` for a
 *   status of 400 or more; the URL is formatURL's (request.go): scheme, host:port, path;
 * - grpc.go dials with WithBlock, which keeps retrying a refused or non-gRPC connection until the
 *   probe's timeout: `timeout: failed to connect service "10.244.1.5:9090" within 1s: context
 *   deadline exceeded`.
 */
function networkCheck(spec: any, container: any, behavior: ContainerBehavior, images: readonly ImageBehavior[], podIP: string): Finding {
  const handler = spec.httpGet ?? spec.tcpSocket ?? spec.grpc;
  if (!handler) return {};
  const port = resolvePort(handler.port, container);
  // A named port the container does not declare: the API validation checks only its syntax
  // (validation.go ValidatePortNumOrName), so the prober's ResolveContainerPort fails with
  // strconv.Atoi's error (pkg/probe/util.go; prober.go runProbe) and the worker throws the result
  // away (prober/worker.go doProbe, v1.32): the probe's initial value stands.
  if (port === undefined) return { health: { okFrom: Infinity, errored: `strconv.Atoi: parsing ${JSON.stringify(String(handler.port))}: invalid syntax` } };
  if (handler.host && handler.host !== podIP) return { unknown: `kubespec does not know what answers at ${joinHostPort(handler.host, port)}` };
  const host = podIP;
  const address = joinHostPort(host, port);
  const path = spec.httpGet ? String(spec.httpGet.path ?? '/') || '/' : '';
  const url = spec.httpGet ? `${String(spec.httpGet.scheme ?? 'HTTP').toLowerCase()}://${address}${path.startsWith('/') ? path : `/${path}`}` : '';
  const refused = `dial tcp ${address}: connect: connection refused`;
  const grpcTimeout = `timeout: failed to connect service "${address}" within ${goDuration((spec.timeoutSeconds ?? 1) * 1000)}: context deadline exceeded`;
  const listener = containerListens(container, behavior, images, port);
  if (!listener.known) return { unknown: listener.guess.why };
  if (!listener.listens) return failing(spec.grpc ? grpcTimeout : spec.httpGet ? `Get "${url}": ${refused}` : refused);
  if (spec.tcpSocket) return {};
  const server = behavior.listens ? undefined : imageServer(container, images);
  if (spec.grpc) return server ? failing(grpcTimeout) : { unknown: `kubespec does not know whether the server on port ${port} implements the gRPC health service` };
  const bare = path.split('?')[0] || '/';
  const run = behavior.listens ? undefined : containerProgram(container, images);
  const status = run?.facts.listens !== undefined ? programStatus(run, bare) : server?.serves ? (server.serves.includes(bare) ? 200 : 404) : undefined;
  if (status === undefined) return { unknown: `kubespec does not know what the server on port ${port} answers for ${path}` };
  // http.go: a status from 200 to 399 is success; 400 and above fails with its code.
  if (status >= 400) return failing(`HTTP probe failed with statuscode: ${status}`);
  return {};
}

/** The probe's command as one line: the script of `sh -c "…"`, else the words. */
const commandLine = (command: string[]) => (command[0]?.endsWith('sh') && command[1] === '-c' ? String(command[2] ?? '') : command.join(' '));

/**
 * Exec probes. exec.go reports a non-zero exit as a failure whose text is the command's combined
 * output alone (the CRI's `command '…' exited with N` stays in the kubelet's log); a timeout is
 * the CRI client's error (ExecProbeTimeout, on by default since v1.20). `true` and `false` are
 * known; a file check is known for a script kubespec read; anything else passes with a guess.
 */
function execCheck(spec: any, container: any, behavior: ContainerBehavior, context: ProbeContext, images: readonly ImageBehavior[]): Finding {
  const command: string[] = (spec.exec.command ?? []).map(String);
  const timedOut = timeoutCheck(command, spec.timeoutSeconds ?? 1);
  if (timedOut) return { health: timedOut };
  const line = commandLine(command).trim();
  const nap = /^sleep\s+(\S+)$/.exec(line);
  if (line === 'true' || line === ':' || (nap && sleepSeconds(nap[1]!) !== undefined)) return {}; // a shorter sleep exits 0
  if (line === 'false') return failing('');
  const scripted = behavior.source.startsWith('command:');
  const checked = fileCheck(line, container, behavior, context, scripted, images);
  if (checked) return checked;
  const client = clientCheck(command, container, behavior, images);
  if (client) return client;
  return { unknown: `kubespec cannot tell what the command "${command.join(' ')}" finds in the container` };
}

/**
 * An exec probe that is a `sleep` at least as long as timeoutSeconds: the runtime gives up on it
 * and the kubelet counts a failure, in the CRI client's words (cri-client remote_runtime.go
 * ExecSync). A shorter sleep passes.
 */
function timeoutCheck(command: string[], timeoutSeconds: number): ProbeHealth | undefined {
  const m = /^\s*sleep\s+(\S+)\s*$/.exec(commandLine(command));
  const seconds = m ? sleepSeconds(m[1]!) : undefined;
  if (seconds === undefined || seconds < timeoutSeconds) return undefined;
  return { ...NEVER_PASSES, message: `command timed out: "${command.join(' ')}" timed out after ${goDuration(timeoutSeconds * 1000)}` };
}

/**
 * `cat F`, `test -f F`, `test -e F`, `[ -f F ]`, `ls F` (or any of them under `sh -c`): passes
 * while F exists, looked up as the container's shell sees it: files written from outside
 * (kubectl exec) and by its script (a script kubespec read), the files of its ConfigMap, Secret
 * and downwardAPI volumes, what the kubelet and the runtime put there, and the image's file list
 * (shell/image-filesystem.ts). A missing file fails with what the tool prints (shell/builtins.ts
 * noSuchFile: busybox's applets in busybox and alpine images, GNU coreutils elsewhere; `test`
 * prints nothing). Where kubespec cannot tell, it says what it took to be true.
 */
function fileCheck(line: string, container: any, behavior: ContainerBehavior, context: ProbeContext, scripted: boolean, images: readonly ImageBehavior[]): Finding | undefined {
  const m = /^(cat|ls|test\s+-[fe]|\[\s+-[fe])\s+(\S+)(?:\s+\])?$/.exec(line);
  if (!m) return undefined;
  const raw = m[2]!;
  const path = resolvePath(container.workingDir ?? '/', raw);
  const busybox = /(^|\/)(busybox|alpine)(:|@|$)/.test(String(container.image ?? ''));
  const tool = m[1]!.split(/\s/)[0]!;
  const message = tool === 'cat' || tool === 'ls' ? noSuchFile(tool, raw, !busybox) : '';
  const file = context.outsideFiles?.[path] ?? context.outsideFiles?.[raw] ?? (scripted ? behavior.files?.[path] : undefined);
  if (file) return { health: { okFrom: file.createdAt, message, ...(file.removedAt !== undefined ? { failFrom: file.removedAt } : {}) } };
  if (context.volumeFiles?.[path] !== undefined) return {};
  const mounts = (container.volumeMounts ?? []).map((v: any) => String(v.mountPath));
  const kind = new ImageFilesystem(imageFacts(container.image ?? '', images).entry?.paths, mounts, () => 0).kind(path);
  // A regular file; a directory for `ls` and `test -e` (cat and -f of a directory fail: not modelled here).
  if (kind === 'file' || (kind === 'dir' && (tool === 'ls' || /-e/.test(m[1]!)))) return {};
  if (kind === 'dir') return undefined;
  // Inside a ConfigMap or Secret volume kubespec read, the volume's keys are all there is.
  const inFilled = (context.filledMounts ?? []).some((d) => path.startsWith(`${d.replace(/\/$/, '')}/`));
  if (kind === 'none' && !scripted) return { unknown: `kubespec does not know whether the program of ${container.image} creates ${path} (the image has none)` };
  if (kind === 'none' || inFilled) return failing(message);
  if (!scripted) return undefined;
  // The script did not write it and kubespec has no list of the image's (or the volume's) files.
  return { ...failing(message), assumed: `${path} does not exist`, unknown: `kubespec does not know the files of ${mounts.some((d: string) => path.startsWith(`${d.replace(/\/$/, '')}/`)) ? 'the volume mounted there' : `the image ${container.image}`}` };
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * An exec probe that runs a client the image ships (images.yaml `programs` with `connects`:
 * `mysqladmin ping`, `mysql -e …`): it reaches the server in its own container through the
 * loopback (or the socket), so it succeeds while that container listens on the port, and, for a
 * client that logs in, while the server accepts its login. Where the listener or the login is not
 * known, it says so (the probe then passes with a guess).
 */
function clientCheck(command: string[], container: any, behavior: ContainerBehavior, images: readonly ImageBehavior[]): Finding | undefined {
  const run = programFor(command, container.image ?? '', images);
  const connects = run?.facts.connects;
  if (!run || !connects) return undefined;
  const host = (connects.hostFlags ?? []).map((f) => flagValue(run.args, f)).find((v) => v !== undefined);
  if (host !== undefined && !LOCAL_HOSTS.has(host)) return { unknown: `kubespec does not know what answers ${run.name} at ${host}` };
  const rawPort = (connects.portFlags ?? []).map((f) => flagValue(run.args, f)).find((v) => v !== undefined);
  const port = rawPort === undefined ? connects.port : Number(rawPort);
  const listener = containerListens(container, behavior, images, port);
  if (!listener.known) return { unknown: listener.guess.why };
  if (!listener.listens) return { unknown: `kubespec does not know what ${run.name} prints when nothing listens on port ${port}` };
  const login = run.facts.login;
  if (!login) return {};
  const env: any[] = container.env ?? [];
  const named = (name: string | undefined) => (name === undefined ? undefined : env.find((e) => e.name === name));
  const serverPassword = named(login.serverPasswordEnv);
  const clientFlag = run.args.some((a) => login.clientPasswordFlags.some((f) => a === f || a.startsWith(f)));
  const clientPassword = named(login.clientPasswordEnv);
  if (!serverPassword) {
    const empty = named(login.emptyPasswordEnv);
    return empty && !clientFlag && !clientPassword ? {} : { unknown: `kubespec does not know whether the server accepts the login of ${run.name}` };
  }
  if (!clientFlag && !clientPassword) return failing(login.refused);
  // The same value, or the same key of the same Secret or ConfigMap: the password the server was given.
  const same = !clientFlag && clientPassword && JSON.stringify(clientPassword.value ?? clientPassword.valueFrom) === JSON.stringify(serverPassword.value ?? serverPassword.valueFrom);
  return same ? {} : { unknown: `kubespec does not know whether the password ${run.name} gives is the server's` };
}
