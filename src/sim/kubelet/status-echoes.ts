import type { KubeObject, ObjectKey } from '../store/types.ts';
import { keyText } from '../store/types.ts';
import type { WatchEvent } from '../store/watch.ts';

/**
 * Tells apart, in the kubelet's Pod watch, the echoes of the status its own pod syncs post, so
 * that they start no sync.
 *
 * Upstream, a Pod update that changes only the status is no UPDATE but a RECONCILE
 * (K@1.37.2 pkg/kubelet/config/config.go:366-382 checkAndUpdatePod; podsDifferSemantically at
 * :349-358 compares spec, labels, annotations, deletionTimestamp and deletionGracePeriodSeconds).
 * HandlePodReconcile (pkg/kubelet/kubelet.go:3168-3259) syncs such a pod only when its Ready
 * condition disagrees with its readiness gates (status.NeedToReconcilePodReadiness,
 * pkg/kubelet/status/status_manager.go:1530-1541); otherwise only the status manager looks, and
 * it re-posts the kubelet's status only when the API's differs from what it last posted
 * (needsReconcile, status_manager.go:1362-1392, every syncPeriod of 10 s, :215).
 *
 * So the echo of the kubelet's own post is the one status change upstream never acts on: it is
 * what the status manager has. Those are skipped here, and only those. A status someone else
 * writes (a DisruptionTarget condition, the node lifecycle controller's Ready=False, the pod GC's
 * Failed, a readiness gate's condition) still syncs the pod: the simulated kubelet has no status
 * manager of its own, and its sync is what re-posts the status it owns, merged with the others'
 * conditions, as needsReconcile does within 10 s upstream; a readiness gate's condition arrives
 * that way too, so HandlePodReconcile's one sync is kept (its check is false for the kubelet's own
 * post: the Ready condition it posted is the one it generated from those gates). A status posted
 * outside a sync (a postStart hook's kill, an eviction) syncs too, as the PLEG event of that change
 * does upstream.
 */
export class StatusEchoes {
  /** The pod whose sync is running, by key text. */
  private syncing: string | undefined;
  /** The pod, as read, whose status that sync is posting right now. */
  private posting: KubeObject | undefined;

  /** Runs one pod's sync: the status it posts meanwhile is its own. */
  sync<T>(key: ObjectKey, run: () => T): T {
    this.syncing = keyText(key);
    try {
      return run();
    } finally {
      this.syncing = undefined;
    }
  }

  /**
   * Posts the status of `pod` (as read) with `write`, a status-only write over it. The watch event
   * it causes, delivered while `write` runs, is an echo if the post comes from that pod's own sync.
   */
  post<T>(pod: KubeObject, write: () => T): T {
    if (this.syncing !== keyText(pod.metadata)) return write();
    this.posting = pod;
    try {
      return write();
    } finally {
      this.posting = undefined;
    }
  }

  /**
   * Whether a Pod watch event is the echo of a post from the pod's own sync: no sync follows. The
   * change must be over the version the post was made on, so that a write some other watcher might
   * make in turn, while the post's event is being delivered, is not taken for it.
   */
  isEcho(e: WatchEvent): boolean {
    const p = this.posting;
    return p !== undefined && e.type === 'MODIFIED' && e.object.metadata.uid === p.metadata.uid
      && e.old?.metadata.resourceVersion === p.metadata.resourceVersion;
  }
}
