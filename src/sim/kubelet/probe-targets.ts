import { imageServer, sleepSeconds, type ContainerBehavior, type ImageBehavior } from './container-behavior.ts';
import { goDuration } from '../go-duration.ts';
import { NEVER_PASSES, type ProbeHealth, type ProbeKind } from './probes.ts';
import type { Millis } from '../clock.ts';

/**
 * Files put into a running container from outside (kubectl exec), by path: when they appeared
 * and went, counted from the run's start.
 */
export type OutsideFiles = Record<string, { createdAt: Millis; removedAt?: Millis }>;

const KINDS: Array<[ProbeKind, string]> = [['startup', 'startupProbe'], ['readiness', 'readinessProbe'], ['liveness', 'livenessProbe']];

/**
 * What each probe of a container finds, judged from what it points at, where kubespec knows:
 * an httpGet or tcpSocket probe against an image whose server is described in images.yaml
 * fails for good on a port it does not listen on, and an httpGet one on a path it does not
 * serve (nginx answers 404 for /live); a shell script kubespec read listens on nothing; an exec probe that checks a file (`cat`, `test -f`,
 * `ls`) passes while the container's script has created it and not yet removed it. A behavior
 * annotation that speaks of probes wins over all this; anything else passes (undefined here).
 */
export function probeHealth(container: any, behavior: ContainerBehavior, images: readonly ImageBehavior[], outsideFiles: OutsideFiles = {}): Partial<Record<ProbeKind, ProbeHealth>> {
  const annotated = [behavior.readyAfter, behavior.startsAfter, behavior.unhealthyAfter, behavior.healthyAgainAfter].some((t) => t !== undefined);
  if (annotated) return {};
  const server = imageServer(container, images);
  const out: Partial<Record<ProbeKind, ProbeHealth>> = {};
  for (const [kind, field] of KINDS) {
    const spec = container[field];
    if (!spec) continue;
    // A script kubespec read (sleep, echo, touch, ...) opens no port, and its files are known;
    // an unknown program's ports and files are not.
    const scripted = behavior.source.startsWith('command:');
    const network = spec.httpGet || spec.tcpSocket || spec.grpc;
    const h = spec.exec ? timeoutCheck(spec.exec.command ?? [], spec.timeoutSeconds ?? 1) ?? (scripted ? fileCheck(spec.exec.command ?? [], behavior, outsideFiles) : undefined)
      : network && scripted ? NEVER_PASSES
      : server ? serverCheck(spec, container, server) : undefined;
    if (h) out[kind] = h;
  }
  return out;
}

function serverCheck(spec: any, container: any, server: ImageBehavior): ProbeHealth | undefined {
  const handler = spec.httpGet ?? spec.tcpSocket;
  if (!handler) return undefined;
  const port = typeof handler.port === 'number' || /^\d+$/.test(String(handler.port)) ? Number(handler.port)
    : (container.ports ?? []).find((p: any) => p.name === handler.port)?.containerPort;
  if (port === undefined || !server.listens!.includes(port)) return NEVER_PASSES;
  const path = String(spec.httpGet?.path ?? '/').split('?')[0] || '/';
  if (spec.httpGet && server.serves && !server.serves.includes(path)) return NEVER_PASSES;
  return undefined;
}

/** The probe's command as one line: the script of `sh -c "…"`, else the words. */
const commandLine = (command: string[]) => (command[0]?.endsWith('sh') && command[1] === '-c' ? String(command[2] ?? '') : command.join(' '));

/**
 * An exec probe that is a `sleep` at least as long as timeoutSeconds: the runtime gives up on it
 * (ExecProbeTimeout, on by default since v1.20) and the kubelet counts a failure, in the CRI
 * client's words. A shorter sleep passes.
 */
function timeoutCheck(command: string[], timeoutSeconds: number): ProbeHealth | undefined {
  const m = /^\s*sleep\s+(\S+)\s*$/.exec(commandLine(command));
  const seconds = m ? sleepSeconds(m[1]!) : undefined;
  if (seconds === undefined || seconds < timeoutSeconds) return undefined;
  return { ...NEVER_PASSES, message: `command timed out: "${command.join(' ')}" timed out after ${goDuration(timeoutSeconds * 1000)}` };
}

/** `cat F`, `test -f F`, `test -e F`, `ls F`, or any of them under `sh -c`. */
function fileCheck(command: string[], behavior: ContainerBehavior, outsideFiles: OutsideFiles): ProbeHealth | undefined {
  const m = /^\s*(?:cat|ls|test\s+-[fe]|\[\s+-[fe])\s+(\S+)(?:\s+\])?\s*$/.exec(commandLine(command));
  if (!m) return undefined;
  const file = outsideFiles[m[1]!] ?? behavior.files?.[m[1]!];
  if (!file) return NEVER_PASSES;
  return { okFrom: file.createdAt, ...(file.removedAt !== undefined ? { failFrom: file.removedAt } : {}) };
}
