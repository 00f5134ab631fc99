/**
 * The shapes every object the API server stores shares (ObjectMeta, OwnerReference): vocabulary
 * for the simulator's store, the live driver and the assertions alike. Kind-specific fields stay
 * loosely typed on purpose: the store keeps whatever the API would accept, and each reader takes
 * what it needs.
 */

/** A link to the object's owner (the garbage collector follows it). */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** An object's metadata as the server fills it in (uid, resourceVersion, creationTimestamp are set). */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  generateName?: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  creationTimestamp: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  /** Who owns which fields (server-side apply); see src/sim/store/apply/field-manager.ts. */
  managedFields?: unknown[];
}

/** A stored object. `spec` and `status` are per kind; `[k]` covers data, rules and the like. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [field: string]: any;
}
