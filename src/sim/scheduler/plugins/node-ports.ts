import { ok, unschedulable, type FilterPlugin } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';
import { memoByObject } from '../../../kube/memo.ts';

export const NAME = 'NodePorts';
export const reasonNodePorts = "node(s) didn't have free ports for the requested pod ports";

const hostPorts = memoByObject(computeHostPorts);

function computeHostPorts(pod: KubeObject): Array<{ port: number; protocol: string; ip: string }> {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]
    .flatMap((c: any) => c.ports ?? [])
    .filter((p: any) => p.hostPort)
    .map((p: any) => ({ port: p.hostPort, protocol: p.protocol ?? 'TCP', ip: p.hostIP || '0.0.0.0' }));
}

/** A hostPort (port, protocol, host IP; 0.0.0.0 overlaps every IP) already taken on the node rejects it. */
export const nodePorts = {
  name: NAME,
  skipsFilter: (pod: KubeObject) => hostPorts(pod).length === 0,
  filter(pod, info) {
    const wanted = hostPorts(pod);
    if (wanted.length === 0) return ok();
    const used = info.pods.flatMap(hostPorts);
    const clash = wanted.some((w) => used.some((u) => u.port === w.port && u.protocol === w.protocol && (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0')));
    return clash ? unschedulable(reasonNodePorts) : ok();
  },
} satisfies FilterPlugin;
