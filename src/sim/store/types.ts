/** The shapes every stored object shares. Kind-specific fields stay loosely typed on purpose:
 * the store keeps whatever the API would accept, and each controller reads what it needs. */
export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

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
  /** Who owns which fields (server-side apply); see apply/field-manager.ts. */
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

/** What a client sends: metadata without the fields the server fills in. */
export type ObjectInput = Omit<KubeObject, 'metadata'> & {
  metadata: Partial<ObjectMeta> & { name?: string };
};

/** Identifies one object of a known kind. Cluster-scoped objects have no namespace. */
export interface ObjectKey {
  namespace?: string;
  name: string;
}

export function keyOf(obj: { metadata: { namespace?: string; name: string } }): ObjectKey {
  return { namespace: obj.metadata.namespace, name: obj.metadata.name };
}

export function keyText(key: ObjectKey): string {
  return key.namespace ? `${key.namespace}/${key.name}` : key.name;
}
