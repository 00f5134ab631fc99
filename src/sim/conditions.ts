/**
 * Replaces the condition of the same type in a status list. The writer states the whole
 * condition: a reason or message it leaves out is gone (the kubelet's Ready condition has none
 * once the containers are ready: GeneratePodReadyCondition). lastTransitionTime moves only when
 * the condition's status changes, as every Kubernetes component does it.
 *
 * A lastProbeTime nobody set is left out rather than written as the JSON null of Go's zero time:
 * the store's decoder drops a null field (decodeInPlace), so what is stored is the same, but a
 * null the store deletes leaves every stored condition a slow dictionary-mode object, and a writer
 * comparing the status it built with the stored one (the kubelet's writeStatus) never finds them
 * equal. A writer that wants the null stored (the binding subresource, whose status is not
 * decoded) passes `lastProbeTime: null` itself.
 */
export function upsertCondition(conditions: any[] | undefined, next: { type: string; status: string; lastTransitionTime: string; [k: string]: unknown }): any[] {
  const list = [...(conditions ?? [])];
  const i = list.findIndex((c) => c.type === next.type);
  const probe = i >= 0 ? list[i].lastProbeTime ?? null : null;
  // A condition with a lastProbeTime lists it first.
  const condition = (extra: object) => (probe !== null || next.lastProbeTime !== undefined ? { lastProbeTime: probe, ...next, ...extra } : { ...next, ...extra });
  if (i < 0) return [...list, condition({})];
  const keepTime = list[i].status === next.status;
  list[i] = condition(keepTime ? { lastTransitionTime: list[i].lastTransitionTime } : {});
  return list;
}
