import { stringify } from 'yaml';
import type { NodeDefinition } from '../../drivers/driver.ts';

/** The label kind nodes carry with the topology's node name (kind names them `<cluster>-worker2`). */
export const topologyNameLabel = 'kubespec.io/node-name';

/**
 * A kind cluster config (kind.x-k8s.io/v1alpha4) for a topology: a node per topology node with
 * its role, its labels (plus its topology name), and its taints through kubeadm's
 * nodeRegistration (InitConfiguration for the first control plane, JoinConfiguration for the
 * rest). A control plane that lists taints must list kubeadm's own control-plane taint too, or it
 * loses it. Capacity cannot be set on kind nodes: they report the host's.
 */
export function kindConfig(nodes: NodeDefinition[]): string {
  let firstControlPlane = true;
  const kindNodes = nodes.map((n) => {
    const role = n.role === 'control-plane' ? 'control-plane' : 'worker';
    const taints = [
      ...(role === 'control-plane' ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : []),
      ...(n.taints ?? []),
    ];
    const configuration = role === 'control-plane' && firstControlPlane ? 'InitConfiguration' : 'JoinConfiguration';
    if (role === 'control-plane') firstControlPlane = false;
    const customTaints = (n.taints ?? []).length > 0;
    return {
      role,
      labels: { ...(n.labels ?? {}), [topologyNameLabel]: n.name },
      ...(customTaints
        ? { kubeadmConfigPatches: [stringify({ kind: configuration, nodeRegistration: { taints: taints.map((t) => ({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect })) } })] }
        : {}),
    };
  });
  return stringify({ kind: 'Cluster', apiVersion: 'kind.x-k8s.io/v1alpha4', nodes: kindNodes });
}
