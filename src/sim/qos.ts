import type { KubeObject } from './store/types.ts';

/** QoS class from cpu and memory requests and limits (kubelet.md §8). */
export function qosClass(pod: KubeObject): string {
  const containers = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) any = true;
      const effectiveRequest = req[r] ?? lim[r];
      if (lim[r] === undefined || String(effectiveRequest) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
