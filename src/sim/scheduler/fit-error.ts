import type { Status } from './framework.ts';
import { behaviour, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';

/**
 * FitError.Error() of kube-scheduler (reference/scheduling.md §4): a histogram of reasons,
 * "<count> <reason>" sorted as plain strings, then the preemption dry run's own message.
 */
export function fitErrorMessage(nodeCount: number, statuses: ReadonlyMap<string, Status>, postFilter?: string): string {
  const histogram = reasonHistogram(statuses.values());
  // postFilter: undefined = no victims anywhere (explain per node); '' = preemption found room
  // and said nothing (before 1.37); else what it said (preemptionSuccessMessage).
  const preemption = postFilter ?? preemptionMessage(nodeCount, statuses);
  return `0/${nodeCount} nodes are available: ${histogram}.${preemption ? ` preemption: ${preemption}` : ''}`;
}

function reasonHistogram(statuses: Iterable<Status>): string {
  const counts = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([reason, n]) => `${n} ${reason}`).sort().join(', ');
}

/**
 * The preemption dry run's verdict per node when it found no victim set: nodes rejected for
 * reasons preemption cannot fix are "not helpful"; the others had no victims that would help.
 */
function preemptionMessage(nodeCount: number, statuses: ReadonlyMap<string, Status>): string {
  let unresolvable = 0;
  for (const s of statuses.values()) if (s.code === 'UnschedulableAndUnresolvable') unresolvable++;
  const parts: string[] = [];
  if (unresolvable > 0) parts.push(`${unresolvable} Preemption is not helpful for scheduling`);
  if (nodeCount - unresolvable > 0) parts.push(`${nodeCount - unresolvable} No preemption victims found for incoming pod`);
  return `0/${nodeCount} nodes are available: ${parts.sort().join(', ')}.`;
}

/**
 * What DefaultPreemption says when it found victims (scheduler.preemption.successMessage): nothing
 * before 1.37, so the message ends after the histogram; from 1.37 "found a potential placement
 * for pod on node X, preempting N victims". '' stands for nothing, as fitErrorMessage reads it.
 */
export function preemptionSuccessMessage(version: KubernetesRelease, node: string, victims: number): string {
  const text = behaviour(version, 'scheduler.preemption.successMessage').value;
  return text === null ? '' : text.replace('%NODE', node).replace('%COUNT', String(victims));
}
