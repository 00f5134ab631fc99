/**
 * Replaces the condition of the same type in a status list. The writer states the whole
 * condition: a reason or message it leaves out is gone (the kubelet's Ready condition has none
 * once the containers are ready: GeneratePodReadyCondition). lastTransitionTime moves only when
 * the condition's status changes, as every Kubernetes component does it.
 */
export function upsertCondition(conditions: any[] | undefined, next: { type: string; status: string; lastTransitionTime: string; [k: string]: unknown }): any[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  if (i < 0) return [...list, { lastProbeTime: null, ...next }];
  const keepTime = list[i].status === next.status;
  list[i] = { lastProbeTime: list[i].lastProbeTime ?? null, ...next, ...(keepTime ? { lastTransitionTime: list[i].lastTransitionTime } : {}) };
  return list;
}
