import { createHash } from 'node:crypto';
import type { Clock } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import type { Controller, ReconcileResult, WatchSpec } from '../controllers/controller.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectInput, ObjectKey } from '../store/types.ts';

/** Marks a mirror pod; its value is the static pod's config hash (kubetypes.ConfigMirrorAnnotationKey). */
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/** A Pod manifest as a file holds it: a name is all it must have. */
export type StaticPodManifest = ObjectInput & { metadata: { name: string } };

/** One manifest in a node's staticPodPath. */
interface StaticPod {
  manifest: StaticPodManifest;
  hash: string;
}

/**
 * The files in each node's staticPodPath (/etc/kubernetes/manifests on kubeadm nodes), and what
 * the kubelet makes of them: it runs each pod itself, never scheduled, and keeps a read-only
 * mirror pod in the API named `<name>-<node>`, owned by the Node, annotated with the manifest's
 * hash. A deleted mirror comes back (the static pod never stopped); a changed manifest is a new
 * pod (new hash, new mirror); a removed manifest stops the pod and its mirror goes.
 */
export class StaticPods implements Controller {
  readonly name = 'StaticPodMirrors';
  private readonly byNode = new Map<string, Map<string, StaticPod>>();

  constructor(private readonly store: ObjectStore, private readonly clock: Clock) {}

  watches(): WatchSpec[] {
    return [
      { kind: 'Node', keys: (e) => [{ name: e.object.metadata.name }] },
      { kind: 'Pod', keys: (e) => (isMirror(e.object) && e.object.spec?.nodeName ? [{ name: e.object.spec.nodeName }] : []) },
    ];
  }

  /** Places (or replaces) a manifest in the node's staticPodPath. */
  place(node: string, manifest: StaticPodManifest): void {
    const pods = this.byNode.get(node) ?? new Map<string, StaticPod>();
    this.byNode.set(node, pods);
    const hash = createHash('sha256').update(`${node}\n${JSON.stringify(manifest)}`).digest('hex').slice(0, 32);
    pods.set(manifest.metadata.name, { manifest, hash });
  }

  /** Removes a manifest; false when there was none of that name. */
  remove(node: string, name: string): boolean {
    return this.byNode.get(node)?.delete(name) ?? false;
  }

  /** Whether the node still has a manifest with this hash. */
  hasManifest(node: string, hash: string): boolean {
    return [...(this.byNode.get(node)?.values() ?? [])].some((s) => s.hash === hash);
  }

  /** Whether this mirror pod still stands for a manifest on its node (so deleting it must not stop the pod). */
  isCurrentMirror(pod: KubeObject): boolean {
    const hash = pod.metadata.annotations?.[MIRROR_ANNOTATION];
    return hash !== undefined && this.hasManifest(pod.spec?.nodeName as string, hash);
  }

  /** The node's mirror pods match its manifests: missing ones created, stale ones deleted. */
  reconcile(key: ObjectKey): ReconcileResult {
    const node = this.store.get('Node', { name: key.name });
    const wanted = [...(this.byNode.get(key.name)?.values() ?? [])];
    const mirrors = this.store.list('Pod').filter((p) => isMirror(p) && p.spec?.nodeName === key.name);
    for (const mirror of mirrors) {
      if (mirror.metadata.deletionTimestamp) continue;
      const current = wanted.find((s) => s.hash === mirror.metadata.annotations?.[MIRROR_ANNOTATION]);
      if (!current || !node) this.store.delete('Pod', mirror.metadata);
    }
    if (!node) return {};
    for (const s of wanted) {
      const name = `${s.manifest.metadata.name}-${key.name.toLowerCase()}`;
      const namespace = s.manifest.metadata.namespace ?? 'default';
      const existing = this.store.get('Pod', { namespace, name });
      if (existing) continue;
      this.store.create(mirrorPod(s, node, name, namespace, rfc3339(this.clock.now())));
    }
    return {};
  }
}

function isMirror(pod: KubeObject): boolean {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;
}

function mirrorPod(s: StaticPod, node: KubeObject, name: string, namespace: string, seen: string): ObjectInput {
  const m = structuredClone(s.manifest) as any;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...m.metadata,
      name,
      namespace,
      annotations: {
        ...(m.metadata.annotations ?? {}),
        'kubernetes.io/config.hash': s.hash,
        [MIRROR_ANNOTATION]: s.hash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid!, controller: true }],
    },
    spec: {
      ...m.spec,
      nodeName: node.metadata.name,
      // The kubelet's file source tolerates every NoExecute taint, so a static pod is never evicted.
      tolerations: [...(m.spec?.tolerations ?? []), { operator: 'Exists', effect: 'NoExecute' }],
    },
  };
}
