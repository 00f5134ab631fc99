import type { Plugin } from './framework.ts';
import { balancedAllocation } from './plugins/balanced-allocation.ts';
import { nodeAffinity } from './plugins/node-affinity.ts';
import { nodeName } from './plugins/node-name.ts';
import { nodeResourcesFit } from './plugins/node-resources-fit.ts';
import { nodeUnschedulable } from './plugins/node-unschedulable.ts';
import { taintToleration } from './plugins/taint-toleration.ts';
import { interPodAffinity } from './plugins/inter-pod-affinity.ts';
import { nodePorts } from './plugins/node-ports.ts';
import { podTopologySpread } from './plugins/pod-topology-spread.ts';
import { volumeBinding } from './plugins/volume-binding.ts';
import { volumeRestrictions } from './plugins/volume-restrictions.ts';

/** Every plugin the simulator has, by its kube-scheduler name. Adding a plugin is one line. */
export const registry: ReadonlyMap<string, Plugin> = new Map<string, Plugin>(
  [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit, volumeRestrictions, volumeBinding, podTopologySpread, interPodAffinity, balancedAllocation].map((p) => [p.name, p]),
);

/** A scheduler profile: plugins in filter order, and score weights. Data, not code. */
export interface Profile {
  schedulerName: string;
  /** 0 = adaptive (the default); see feasibleNodesToFind. */
  percentageOfNodesToScore?: number;
  plugins: string[];
  weights: Record<string, number>;
  /** pluginConfig: args by plugin name (e.g. PodTopologySpread's defaultConstraints). */
  pluginArgs?: Record<string, any>;
}

/**
 * v1.32's default profile (reference/scheduling.md §2), restricted to the plugins built so far;
 * VolumeRestrictions has its ReadWriteOncePod half; NodeVolumeLimits and VolumeZone are still to come (DefaultPreemption is
 * built into the scheduler's PostFilter); ImageLocality is left out (it scores 0 without image sizes).
 */
export const defaultProfile: Profile = {
  schedulerName: 'default-scheduler',
  plugins: ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'VolumeRestrictions', 'VolumeBinding', 'PodTopologySpread', 'InterPodAffinity', 'NodeResourcesBalancedAllocation'],
  weights: { TaintToleration: 3, NodeAffinity: 2, NodeResourcesFit: 1, PodTopologySpread: 2, InterPodAffinity: 2, NodeResourcesBalancedAllocation: 1 },
};
