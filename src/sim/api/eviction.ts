import type { Clock } from '../clock.ts';
import { rfc3339 } from '../clock.ts';
import { upsertCondition } from '../conditions.ts';
import { isPodReady } from '../pod-status.ts';
import { ApiError, notFound } from '../../kube/api-errors.ts';
import { thaw } from '../store/freeze.ts';
import { LabelSelector } from '../../kube/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';

/**
 * The Eviction subresource (pkg/registry/core/pod/storage/eviction.go): a pod covered by a
 * PodDisruptionBudget is deleted only while the budget allows a disruption; the budget's
 * disruptionsAllowed goes down and the pod is noted in disruptedPods until the controller sees
 * it gone. A refused eviction is 429 with the API server's message and cause.
 */
export function evictPod(store: ObjectStore, clock: Clock, namespace: string, name: string): void {
  const pod = store.get('Pod', { namespace, name });
  if (!pod) throw notFound('pods', name);
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  if (finished || pod.metadata.deletionTimestamp) {
    store.delete('Pod', { namespace, name });
    return;
  }
  const pdbs = store.list('PodDisruptionBudget', { namespace }).filter((b) => LabelSelector.fromSpec(b.spec.selector).matches(pod.metadata.labels));
  if (pdbs.length > 1) {
    throw new ApiError('InternalError', 500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  }
  const pdb = pdbs[0];
  if (pdb) {
    const s = pdb.status ?? {};
    // IfHealthyBudget (the default unhealthyPodEvictionPolicy): an unready pod may go while the budget is met.
    const unreadyAllowed = !isPodReady(pod) && (s.currentHealthy ?? 0) >= (s.desiredHealthy ?? 0) && pdb.spec.unhealthyPodEvictionPolicy !== 'AlwaysAllow';
    const always = !isPodReady(pod) && pdb.spec.unhealthyPodEvictionPolicy === 'AlwaysAllow';
    if (!unreadyAllowed && !always) {
      if ((s.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
        throw new ApiError('TooManyRequests', 429, "Cannot evict pod as it would violate the pod's disruption budget.", [`The disruption budget ${pdb.metadata.name} is still being processed by the server.`]);
      }
      if ((s.disruptionsAllowed ?? 0) === 0) {
        throw new ApiError('TooManyRequests', 429, "Cannot evict pod as it would violate the pod's disruption budget.", [
          `The disruption budget ${pdb.metadata.name} needs ${s.desiredHealthy ?? 0} healthy pods and has ${s.currentHealthy ?? 0} currently`,
        ]);
      }
      const next = thaw(pdb);
      next.status.disruptionsAllowed = s.disruptionsAllowed - 1;
      next.status.disruptedPods = { ...(s.disruptedPods ?? {}), [name]: rfc3339(clock.now()) };
      store.updateStatus(next);
    }
  }
  const status = thaw(pod.status ?? {});
  status.conditions = upsertCondition(status.conditions, {
    type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: rfc3339(clock.now()),
  });
  store.updateStatus({ ...pod, status });
  store.delete('Pod', { namespace, name });
}
