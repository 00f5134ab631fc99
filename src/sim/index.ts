/**
 * The simulator's public surface: what drivers and the served API may use. Everything else in
 * src/sim is internal.
 */
export { SimCluster, DEFAULT_EPOCH, type ClusterOptions } from './cluster.ts';
export { VirtualClock, rfc3339, type Clock, type Millis } from './clock.ts';
export type { NodeSpec } from './nodes.ts';
export type { ImageBehavior } from './kubelet/container-behavior.ts';
export { ApiError, notFound, qualifiedResource } from '../kube/api-errors.ts';
export { checkApplyTypes } from './store/apply-type-check.ts';
export { applyConfiguration, type Writer } from './store/apply/field-manager.ts';
export { LabelSelector, podSelectorSpec } from '../kube/label-selector.ts';
export { knownKinds, kindInfo, canonicalKind, apiGroupOf, type KindInfo } from '../kube/kinds.ts';
export type { KubeObject, ObjectInput, ObjectKey } from './store/types.ts';
export type { WatchEvent } from './store/watch.ts';
export type { DeleteOptions, WriteOptions } from './store/object-store.ts';
export { parseQuantity } from '../kube/quantity.ts';
export { strategicMerge, jsonMerge } from './store/strategic-merge.ts';
export { describeAssumption, type Assumption, type Guess } from '../kube/assumptions.ts';
export { addOnDefinitions } from './addons/crds.ts';
