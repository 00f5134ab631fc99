import type { KubeObject, Transition } from './driver.ts';

function ready(pod: KubeObject | undefined): boolean {
  return (pod?.status?.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
}

/**
 * The lifecycle transitions between two versions of a pod, in the order they happen. Shared
 * by every driver so the simulator's and a live cluster's timelines read the same.
 */
export function podTransitions(type: 'ADDED' | 'MODIFIED' | 'DELETED', old: KubeObject | undefined, pod: KubeObject): Array<{ transition: Transition; detail?: string }> {
  if (type === 'DELETED') return [{ transition: 'deleted' }];
  const out: Array<{ transition: Transition; detail?: string }> = [];
  if (type === 'ADDED') out.push({ transition: 'created' });
  if (!old?.spec?.nodeName && pod.spec?.nodeName) out.push({ transition: 'scheduled', detail: pod.spec.nodeName });
  const phase = pod.status?.phase;
  if (phase !== old?.status?.phase) {
    if (phase === 'Running') out.push({ transition: 'running' });
    if (phase === 'Succeeded') out.push({ transition: 'succeeded' });
    if (phase === 'Failed') out.push({ transition: 'failed' });
  }
  if (ready(pod) && !ready(old)) out.push({ transition: 'ready' });
  if (!ready(pod) && ready(old)) out.push({ transition: 'not-ready' });
  if (pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp) out.push({ transition: 'terminating' });
  return out;
}
