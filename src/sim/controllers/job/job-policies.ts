import type { KubeObject } from '../../store/types.ts';

/**
 * podFailurePolicy (reference/workloads.md §5): rules in order, the first match decides;
 * no match counts the failure. Matches on container exit codes or pod conditions.
 */
export function podFailurePolicyVerdict(job: KubeObject, pod: KubeObject): { action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex'; message?: string } {
  const rules: any[] = job.spec.podFailurePolicy?.rules ?? [];
  for (const [i, rule] of rules.entries()) {
    if (rule.onExitCodes) {
      const statuses: any[] = (pod.status?.containerStatuses ?? []).filter((s: any) => !rule.onExitCodes.containerName || s.name === rule.onExitCodes.containerName);
      for (const s of statuses) {
        const code = s.state?.terminated?.exitCode;
        if (code === undefined || code === 0) continue;
        const listed = (rule.onExitCodes.values as number[]).includes(code);
        if (rule.onExitCodes.operator === 'In' ? listed : !listed) {
          return { action: rule.action, message: `Container ${s.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${code} matching ${rule.action} rule at index ${i}` };
        }
      }
    }
    if (rule.onPodConditions) {
      const hit = (rule.onPodConditions as any[]).some((pc) => (pod.status?.conditions ?? []).some((c: any) => c.type === pc.type && c.status === (pc.status ?? 'True')));
      if (hit) return { action: rule.action, message: `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition matching ${rule.action} rule at index ${i}` };
    }
  }
  return { action: 'Count' };
}

/**
 * Indexes as the Job controller writes completedIndexes and failedIndexes: runs of three or more
 * as a range, a run of two as two indexes ("0-2,4,5,7"; orderedIntervals.String in
 * pkg/controller/job/indexed_job_utils.go, K@1.32.13 to K@1.37.2 alike).
 */
export function formatIndexes(indexes: number[]): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}${j === i + 1 ? ',' : '-'}${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
