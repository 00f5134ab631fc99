import type { Assumption, Guess } from '../../kube/assumptions.ts';
import { behaviorOf, imageFacts, imageServer, type ContainerBehavior, type ImageBehavior } from './container-behavior.ts';
import { containerProgram, programPorts } from './image-programs.ts';

/**
 * Whether a container's process listens on a TCP port, as far as kubespec knows. `containerPort`
 * proves nothing: the API documents it as informational ("Not specifying a port here DOES NOT
 * prevent that port from being exposed", staging/src/k8s.io/api/core/v1/types.go, ContainerPort);
 * what listens is the program's business.
 */
export type ListenerVerdict =
  | { known: true; listens: boolean; because: string }
  /** Nothing says: the caller assumes it listens and records `guess` (field relative to the container). */
  | { known: false; guess: Guess };

/**
 * Where the facts come from, in order: the behavior annotation's `listens on 8080`; the image's
 * server (images.yaml `listens`, when the container runs the image's own command); a script
 * kubespec read (`sleep`, `echo`, `touch`: none of them opens a port) or an image's default
 * command that is not a server (busybox's `sh`); anything else is unknown.
 */
export function containerListens(container: any, behavior: ContainerBehavior, images: readonly ImageBehavior[], port: number): ListenerVerdict {
  if (behavior.listens) return { known: true, listens: behavior.listens.includes(port), because: `its behavior annotation says it listens on ${behavior.listens.join(' and ')}` };
  const server = imageServer(container, images);
  const field = container.command !== undefined ? 'command' : container.args !== undefined ? 'args' : 'image';
  const run = containerProgram(container, images);
  const ports = run ? programPorts(run) : undefined;
  if (ports && 'unknown' in ports) return { known: false, guess: { field, assumed: `it listens on port ${port}`, why: ports.unknown } };
  if (server && run) return { known: true, listens: server.listens!.includes(port), because: `${run.name} (${run.repository}) listens on ${server.listens!.length ? server.listens!.join(' and ') : 'no port'}` };
  if (server) return { known: true, listens: server.listens!.includes(port), because: `the image "${container.image}" listens on ${server.listens!.join(' and ')}` };
  if (behavior.source.startsWith('command:')) return { known: true, listens: false, because: `its command "${behavior.source.slice('command: '.length)}" opens no port` };
  const unknownPorts = behavior.source.startsWith('image default') ? imageFacts(container.image ?? '', images).entry?.listensUnknown : undefined;
  if (unknownPorts) return { known: false, guess: { field, assumed: `it listens on port ${port}`, why: unknownPorts } };
  // The image's own command, as images.yaml describes it; args replace its CMD, so then nothing is known.
  if (behavior.source.startsWith('image default') && container.args === undefined) return { known: true, listens: false, because: `the image "${container.image}" runs no server` };
  const argv = [...(container.command ?? []), ...(container.args ?? [])];
  const what = field === 'image' ? `the image "${container.image}"` : `the command "${argv.join(' ')}"`;
  return { known: false, guess: { field, assumed: `it listens on port ${port}`, why: `kubespec does not know whether ${what} listens on port ${port}` } };
}

/** A pod's answer for one port: which container listens, or why none does, and what was assumed. */
export interface PodListener {
  listens: boolean;
  reason: string;
  /** Guesses against the pod (fields `spec.containers[name]....`), when the answer rests on them. */
  guesses?: Guess[];
}

/**
 * Whether anything in a pod listens on a TCP port: its containers share the pod's network
 * namespace, so any app container or native sidecar (an init container with restartPolicy
 * Always) may be the listener. A container kubespec knows to listen answers yes; when every
 * container is known not to, nothing listens; otherwise the first unknown container is assumed
 * to listen, with a guess. A behavior annotation that does not parse counts as unknown.
 */
export function podListens(pod: any, port: number, images: readonly ImageBehavior[]): PodListener {
  const sidecars = (pod.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always').map((c: any) => ({ c, list: 'initContainers' }));
  const containers: Array<{ c: any; list: string }> = [...sidecars, ...(pod.spec?.containers ?? []).map((c: any) => ({ c, list: 'containers' }))];
  let unknown: { c: any; list: string; guess: Guess } | undefined;
  const refusals: string[] = [];
  for (const { c, list } of containers) {
    let behavior: ContainerBehavior;
    try {
      behavior = behaviorOf(c, pod.metadata?.annotations, images, pod);
    } catch {
      behavior = { exitCode: 0, ignoresSigterm: false, source: 'unreadable annotation' };
    }
    const v = containerListens(c, behavior, images, port);
    if (v.known && v.listens) return { listens: true, reason: `container "${c.name}" listens on ${port}: ${v.because}` };
    if (v.known) refusals.push(`container "${c.name}": ${v.because}`);
    else unknown ??= { c, list, guess: v.guess };
  }
  if (unknown) {
    const guess = { ...unknown.guess, field: `spec.${unknown.list}[${unknown.c.name}].${unknown.guess.field}` };
    // The simulated control plane's own static pods are fixtures, not the scenario's input (as in the kubelet's assumeFor).
    const fixture = pod.metadata?.namespace === 'kube-system' && pod.metadata?.labels?.tier === 'control-plane';
    return { listens: true, reason: `container "${unknown.c.name}" is assumed to listen on ${port}`, ...(fixture ? {} : { guesses: [guess] }) };
  }
  return { listens: false, reason: refusals.join('; ') || 'it has no containers' };
}

/**
 * podListens for the network models (src/network/listeners.ts ListenerLookup): the guesses come
 * back as assumptions about the pod, for the driver to record.
 */
export function podListenerFacts(images: readonly ImageBehavior[]): (pod: any, port: number) => { listens: boolean; reason: string; assumed?: Assumption[] } {
  return (pod, port) => {
    const { guesses, ...rest } = podListens(pod, port, images);
    return guesses ? { ...rest, assumed: guesses.map((g) => ({ object: `Pod ${pod.metadata?.namespace}/${pod.metadata?.name}`, ...g })) } : rest;
  };
}
