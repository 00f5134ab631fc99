import { parseQuantity } from '../../kube/quantity.ts';
import type { KubeObject, NodeDefinition } from '../driver.ts';

/**
 * Nodes of a live cluster are shared: what a scenario changes on them (labels, taints, cordon)
 * is put back when it ends. These compute the merge patches for both directions.
 */

/** The merge patch giving an existing node the labels and taints a scenario's node table asks for. */
export function nodeDefinitionPatch(definition: NodeDefinition, current: KubeObject): object | undefined {
  const labels = definition.labels ?? {};
  const wanted = definition.taints ?? [];
  const taints = current.spec?.taints ?? [];
  const missingTaints = wanted.filter((w) => !taints.some((t: any) => t.key === w.key && t.effect === w.effect && (t.value ?? '') === (w.value ?? '')));
  const changedLabels = Object.entries(labels).filter(([k, v]) => current.metadata.labels?.[k] !== v);
  if (!changedLabels.length && !missingTaints.length) return undefined;
  return {
    ...(changedLabels.length ? { metadata: { labels: Object.fromEntries(changedLabels) } } : {}),
    ...(missingTaints.length ? { spec: { taints: [...taints.filter((t: any) => !missingTaints.some((w) => w.key === t.key && w.effect === t.effect)), ...missingTaints] } } : {}),
  };
}

/** The merge patch that puts a node's labels, taints and schedulability back as they were. */
export function restoreNodePatch(original: KubeObject, current: KubeObject): object | undefined {
  const before = original.metadata.labels ?? {};
  const now = current.metadata.labels ?? {};
  const labels: Record<string, string | null> = {};
  for (const k of Object.keys(now)) if (!(k in before)) labels[k] = null;
  for (const [k, v] of Object.entries(before)) if (now[k] !== v) labels[k] = v;
  const taintsChanged = JSON.stringify(original.spec?.taints ?? []) !== JSON.stringify(current.spec?.taints ?? []);
  const cordonChanged = Boolean(original.spec?.unschedulable) !== Boolean(current.spec?.unschedulable);
  if (!Object.keys(labels).length && !taintsChanged && !cordonChanged) return undefined;
  return {
    ...(Object.keys(labels).length ? { metadata: { labels } } : {}),
    spec: {
      ...(taintsChanged ? { taints: original.spec?.taints ?? null } : {}),
      ...(cordonChanged ? { unschedulable: original.spec?.unschedulable ?? null } : {}),
    },
  };
}

/**
 * Capacity a scenario's node table asks for that the live node does not have (a kubelet reports
 * capacity; nobody else can change it), as "cpu 2 (the node has 4)"; empty when it matches.
 */
export function capacityMismatches(definition: NodeDefinition, current: KubeObject): string[] {
  const actual = current.status?.allocatable ?? current.status?.capacity ?? {};
  return Object.entries(definition.capacity ?? {})
    .filter(([resource, quantity]) => actual[resource] === undefined || parseQuantity(actual[resource]) !== parseQuantity(quantity))
    .map(([resource, quantity]) => `${resource} ${quantity} (the node has ${actual[resource] ?? 'none'})`);
}

/** The taint that fences off workers a scenario's cluster does not have (see LiveDriver.addNodes). */
export const notInScenario = { key: 'kubespec.io/not-in-scenario', value: 'true', effect: 'NoSchedule' };

/**
 * The annotation of a fenced worker naming the scenarios (their namespaces, comma-separated) that
 * hold the fence: scenarios of a parallel live run that want the same workers share one fence,
 * and it is lifted when the last of them lets go.
 */
export const FENCE_HOLDERS = 'kubespec.io/fenced-for';

function holdersOf(node: KubeObject): string[] {
  return (node.metadata.annotations?.[FENCE_HOLDERS] ?? '').split(',').filter(Boolean);
}

function withHolders(node: KubeObject, holders: string[]): KubeObject {
  const { [FENCE_HOLDERS]: _, ...others } = node.metadata.annotations ?? {};
  const annotations = holders.length ? { ...others, [FENCE_HOLDERS]: holders.join(',') } : others;
  const kept = (node.spec?.taints ?? []).filter((t: any) => t.key !== notInScenario.key);
  const taints = holders.length ? [...kept, notInScenario] : kept;
  // Empty lists and maps are left out, as the API server stores them.
  const { annotations: _a, ...metadata } = node.metadata;
  const { taints: _t, ...spec } = node.spec ?? {};
  return {
    ...node,
    metadata: { ...metadata, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { ...spec, ...(taints.length ? { taints } : {}) },
  };
}

/** The node fenced for `holder` too: one taint, whoever else holds it. Undefined when it already is. */
export function fenceHeldBy(node: KubeObject, holder: string): KubeObject | undefined {
  const holders = holdersOf(node);
  const tainted = (node.spec?.taints ?? []).some((t: any) => t.key === notInScenario.key);
  return holders.includes(holder) && tainted ? undefined : withHolders(node, [...holders.filter((h) => h !== holder), holder]);
}

/** The node with `holder`'s hold let go: the taint goes with the last holder. Undefined when it held none. */
export function fenceReleasedBy(node: KubeObject, holder: string): KubeObject | undefined {
  const holders = holdersOf(node);
  return holders.includes(holder) ? withHolders(node, holders.filter((h) => h !== holder)) : undefined;
}
