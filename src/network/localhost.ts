import type { KubeObject } from '../drivers/driver.ts';
import type { ListenerLookup } from './listeners.ts';
import type { Reachability } from './reachability.ts';

/**
 * Whether a container reaches a port on localhost: every container of a pod shares the pod's
 * network namespace, so the port is open when something in the pod listens there (`listeners`:
 * a declared containerPort alone proves nothing, the API calls it informational). NetworkPolicies
 * do not apply to loopback traffic.
 */
export function reachLocalhost(pod: KubeObject, from: string, port: number, listeners: ListenerLookup): Reachability {
  const containers: any[] = [...(pod.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always'), ...(pod.spec?.containers ?? [])];
  if (!containers.some((c) => c.name === from)) return { reachable: false, reason: `pod "${pod.metadata.name}" has no container "${from}"` };
  const l = listeners(pod, port);
  if (!l.listens) return { reachable: false, reason: `nothing in pod "${pod.metadata.name}" listens on ${port}, so the connection is refused (${l.reason})` };
  return { reachable: true, reason: `${l.reason}, in the pod's network namespace`, ...(l.assumed?.length ? { assumed: l.assumed } : {}) };
}
