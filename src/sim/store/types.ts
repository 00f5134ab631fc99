// The shapes of a stored object are Kubernetes vocabulary (src/kube/object.ts), shared with the
// live driver and the assertions; the store's own types build on them.
import type { KubeObject, ObjectMeta } from '../../kube/object.ts';
export type { KubeObject, ObjectMeta, OwnerReference } from '../../kube/object.ts';

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
