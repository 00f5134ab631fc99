import type { KubeObject } from '../drivers/driver.ts';
import { imageServer, type ImageBehavior } from '../sim/kubelet/container-behavior.ts';
import type { Reachability } from './reachability.ts';

/**
 * Whether a container reaches a port on localhost: every container of a pod shares the pod's
 * network namespace, so the port is open when some container of the pod listens there — one
 * that declares it as a containerPort, or whose image's server listens on it (images.yaml).
 * NetworkPolicies do not apply to loopback traffic.
 */
export function reachLocalhost(pod: KubeObject, from: string, port: number, images: readonly ImageBehavior[]): Reachability {
  const containers: any[] = [...(pod.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always'), ...(pod.spec?.containers ?? [])];
  if (!containers.some((c) => c.name === from)) return { reachable: false, reason: `pod "${pod.metadata.name}" has no container "${from}"` };
  const listener = containers.find((c) => (c.ports ?? []).some((p: any) => p.containerPort === port && (p.protocol ?? 'TCP') === 'TCP')
    || (imageServer(c, images)?.listens ?? []).includes(port));
  if (!listener) return { reachable: false, reason: `no container of pod "${pod.metadata.name}" listens on ${port} (connection refused)` };
  return { reachable: true, reason: `container "${listener.name}" listens on ${port} in the pod's network namespace` };
}
