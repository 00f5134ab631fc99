import { createHash } from 'node:crypto';
import type { Millis } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import type { ObjectLookup } from '../../kube/volume-files.ts';

/**
 * When a pod's ConfigMap and Secret volumes show a change (reference: kubelet v1.32). The
 * volume manager writes their files when the pod's worker syncs it: at the start, and then every
 * resync interval (pod_workers.go completeWork: `wait.Jitter(resyncInterval, 0.5)`, with
 * resyncInterval the KubeletConfiguration's syncFrequency, 1m by default), not when the object
 * changes: the kubelet does not sync a pod for a ConfigMap update. So a change shows 0 to 90 s
 * after it was made. The simulator keeps, per pod, the objects as of its last sync (`VolumeView`),
 * and looks again at the next one, whose jitter is derived from the pod's uid and the sync's
 * number, so a run replays the same.
 */
export interface VolumeView {
  /** The ConfigMaps and Secrets the pod's volumes name, as of the last sync (undefined: absent then). */
  sources: Map<string, KubeObject | undefined>;
  syncs: number;
  nextSyncAt: Millis;
  /** When a source was first seen changed since the view (a ConfigMap change reaches the kubelet at once by its watch). */
  staleSince?: Millis;
}

export const RESYNC_INTERVAL: Millis = 60_000;
const JITTER_FACTOR = 0.5;

/**
 * `ConfigMap/name` and `Secret/name` of the pod's configMap and secret volumes: the ones whose
 * files the simulator shows (volume-files.ts; a projected volume's files are not shown, so every
 * pod's kube-api-access volume costs nothing here).
 */
export function volumeSources(pod: KubeObject): string[] {
  const out = new Set<string>();
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap?.name) out.add(`ConfigMap/${v.configMap.name}`);
    if (v.secret?.secretName) out.add(`Secret/${v.secret.secretName}`);
  }
  return [...out];
}

/** The view after a sync at `now`: the objects as they are, the next sync a jittered interval later. */
export function syncedView(pod: KubeObject, lookup: ObjectLookup, now: Millis, previous?: VolumeView): VolumeView {
  const syncs = (previous?.syncs ?? 0) + 1;
  const sources = new Map(volumeSources(pod).map((key) => {
    const [kind, name] = key.split('/') as ['ConfigMap' | 'Secret', string];
    return [key, lookup(kind, name)];
  }));
  return { sources, syncs, nextSyncAt: now + jittered(podKey(pod), syncs) };
}

/**
 * The view at `now`: every periodic sync due by then has happened, each showing the objects if
 * they had changed before it (`staleSince`, the time the change was first seen). A view that
 * missed a source (a volume that could not be mounted yet) is taken again at once: the mount is
 * retried until it works.
 */
export function viewAt(view: VolumeView | undefined, pod: KubeObject, lookup: ObjectLookup, now: Millis): VolumeView {
  if (!view || [...view.sources.values()].some((o) => o === undefined)) return syncedView(pod, lookup, now, view);
  let current = view;
  if (current.staleSince === undefined && viewIsStale(current, lookup)) current = { ...current, staleSince: now };
  while (current.nextSyncAt <= now) {
    const at = current.nextSyncAt;
    current = current.staleSince !== undefined && current.staleSince <= at
      ? syncedView(pod, lookup, at, current)
      : { ...current, syncs: current.syncs + 1, nextSyncAt: at + jittered(podKey(pod), current.syncs + 1) };
  }
  return current;
}

/** Whether an object the view holds has changed since (the next sync will show it). */
export function viewIsStale(view: VolumeView, lookup: ObjectLookup): boolean {
  for (const [key, seen] of view.sources) {
    const [kind, name] = key.split('/') as ['ConfigMap' | 'Secret', string];
    if (lookup(kind, name)?.metadata.resourceVersion !== seen?.metadata.resourceVersion) return true;
  }
  return false;
}

/** A lookup that answers the view's objects as of its sync, anything else from `fallback`. */
export function viewLookup(view: VolumeView, fallback: ObjectLookup): ObjectLookup {
  return (kind, name) => {
    const key = `${kind}/${name}`;
    return view.sources.has(key) ? view.sources.get(key) : fallback(kind, name);
  };
}

const podKey = (pod: KubeObject): string => String(pod.metadata.uid ?? pod.metadata.name);

/** `wait.Jitter(RESYNC_INTERVAL, 0.5)`: the interval plus up to half of it, a fraction fixed by the pod and the sync. */
function jittered(podKey: string, sync: number): Millis {
  const fraction = createHash('sha256').update(`${podKey}/${sync}`).digest().readUInt32BE(0) / 2 ** 32;
  return Math.round(RESYNC_INTERVAL * (1 + JITTER_FACTOR * fraction));
}
