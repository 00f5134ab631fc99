import { ok, unschedulable, type CycleContext, type FilterPlugin } from '../framework.ts';
import type { KubeObject } from '../../store/types.ts';
import { memoByObject } from '../../../kube/memo.ts';
import { behaviour, type KubernetesRelease } from '../../../kube/kubernetes-versions.ts';

export const NAME = 'NodePorts';
export const reasonNodePorts = "node(s) didn't have free ports for the requested pod ports";

interface HostPort { port: number; protocol: string; ip: string }

const hostPortsOf = (containers: any[]): HostPort[] => containers
  .flatMap((c: any) => c.ports ?? [])
  .filter((p: any) => p.hostPort > 0)
  .map((p: any) => ({ port: p.hostPort, protocol: p.protocol || 'TCP', ip: p.hostIP || '0.0.0.0' }));

/** K@1.32 node_ports.go getContainerPorts and types.go updateUsedPorts: regular containers only. */
const containerHostPorts = memoByObject((pod: KubeObject) => hostPortsOf(pod.spec?.containers ?? []));

/**
 * K@1.33.13/K@1.34.4 pkg/scheduler/util/utils.go GetHostPorts: sidecars (restartPolicy Always) run
 * for the pod's whole life, so their hostPorts count too; other init containers' never do.
 */
const containerAndSidecarHostPorts = memoByObject((pod: KubeObject) => hostPortsOf([
  ...(pod.spec?.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always'),
  ...(pod.spec?.containers ?? []),
]));

/** The hostPorts a pod holds on its node, as the release's scheduler counts them. */
export function hostPorts(version: Pick<KubernetesRelease, 'minor'>, pod: KubeObject): HostPort[] {
  return behaviour(version, 'scheduler.nodePorts.restartableInitContainers').value ? containerAndSidecarHostPorts(pod) : containerHostPorts(pod);
}

interface State { wanted: HostPort[]; version: KubernetesRelease }

/** A hostPort (port, protocol, host IP; 0.0.0.0 overlaps every IP) already taken on the node rejects it. */
export const nodePorts = {
  name: NAME,
  prepare: (pod: KubeObject, ctx: CycleContext): State => ({ wanted: hostPorts(ctx.version, pod), version: ctx.version }),
  skipsFilter: (_pod: KubeObject, state: State) => state.wanted.length === 0,
  filter(_pod, info, state: State) {
    if (state.wanted.length === 0) return ok();
    const used = info.pods.flatMap((p) => hostPorts(state.version, p));
    const clash = state.wanted.some((w) => used.some((u) => u.port === w.port && u.protocol === w.protocol && (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0')));
    return clash ? unschedulable(reasonNodePorts) : ok();
  },
} satisfies FilterPlugin;
