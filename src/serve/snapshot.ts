import { parseAllDocuments, stringify } from 'yaml';
import { kindInfo, type KubeObject, type NodeSpec, type SimCluster } from '../sim/index.ts';
import { UserError } from '../errors.ts';

/** Kinds that controllers rebuild from the objects a person created, so a snapshot leaves them out. */
const derivedKinds = new Set(['Event', 'Endpoints', 'EndpointSlice', 'ControllerRevision', 'Lease']);

/**
 * A prepared cluster as YAML: the nodes and the objects a person made (no Events, no objects
 * owned by a controller, no status or server-set metadata). Loading it into a fresh simulator
 * rebuilds the rest, the way re-applying manifests to a new cluster does.
 */
export function saveSnapshot(cluster: SimCluster): string {
  const items = cluster.store.listAll()
    .filter((o) => !derivedKinds.has(o.kind) && !o.metadata.ownerReferences?.length && o.metadata.labels?.['kubernetes.io/bootstrapping'] !== 'rbac-defaults')
    .map(strip);
  return stringify({ apiVersion: 'v1', kind: 'List', items });
}

function strip(o: KubeObject): object {
  const { uid, resourceVersion, creationTimestamp, generation, deletionTimestamp, deletionGracePeriodSeconds, managedFields, ...metadata } = o.metadata as any;
  const { status, ...rest } = o;
  // A node's capacity is what its kubelet reports; keep it so the node comes back the same size.
  return { ...rest, metadata, ...(o.kind === 'Node' ? { status: { capacity: status?.capacity } } : {}) };
}

/**
 * Loads a snapshot (a List, or any multi-document YAML of objects) into a fresh cluster: Nodes
 * register as kubelets would, other objects are created in order; objects that already exist
 * (the default namespaces, bootstrap roles) are left as they are.
 */
export function loadSnapshot(cluster: SimCluster, text: string, file: string): number {
  const docs = parseAllDocuments(text);
  const objects: KubeObject[] = [];
  for (const doc of docs) {
    if (doc.errors.length) {
      const e = doc.errors[0]!;
      throw new UserError(`${file}:${e.linePos?.[0].line ?? '?'}: ${e.message.split('\n')[0]}`);
    }
    const value = doc.toJS();
    if (!value) continue;
    if (value.kind === 'List' || value.kind?.endsWith('List')) objects.push(...(value.items ?? []));
    else objects.push(value);
  }
  const order = (o: KubeObject) => (o.kind === 'Namespace' ? 0 : o.kind === 'Node' ? 1 : 2);
  let loaded = 0;
  for (const obj of [...objects].sort((a, b) => order(a) - order(b))) {
    if (!obj?.kind || !obj.metadata?.name) throw new UserError(`${file}: every object needs kind and metadata.name (found ${JSON.stringify(obj).slice(0, 80)})`);
    if (obj.kind === 'Node') {
      if (!cluster.store.get('Node', { name: obj.metadata.name })) cluster.addNode(nodeSpecOf(obj));
    } else if (!cluster.store.get(obj.kind, { namespace: kindInfo(obj.kind)?.namespaced ? obj.metadata.namespace ?? 'default' : undefined, name: obj.metadata.name })) {
      try {
        cluster.store.create(obj);
      } catch (e) {
        throw new UserError(`${file}: ${obj.kind} "${obj.metadata.name}": ${(e as Error).message}`);
      }
    } else continue;
    loaded++;
  }
  cluster.clock.settle();
  return loaded;
}

function nodeSpecOf(node: KubeObject): NodeSpec {
  const labels = { ...(node.metadata.labels ?? {}) };
  const controlPlane = 'node-role.kubernetes.io/control-plane' in labels;
  const taints = (node.spec?.taints ?? []).filter((t: any) => t.key !== 'node-role.kubernetes.io/control-plane');
  return { name: node.metadata.name, role: controlPlane ? 'control-plane' : 'worker', labels, taints, ...(node.status?.capacity ? { capacity: node.status.capacity } : {}), ...(node.spec?.unschedulable ? { unschedulable: true } : {}) };
}
