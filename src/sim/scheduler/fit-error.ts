import type { Status } from './framework.ts';
import { behaviour, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';

/**
 * FitError.Error() of kube-scheduler (reference/scheduling.md §4): a histogram of reasons,
 * "<count> <reason>" sorted as plain strings, then the preemption dry run's own message.
 */
export function fitErrorMessage(version: KubernetesRelease, nodeCount: number, statuses: ReadonlyMap<string, Status>, postFilter?: { found: string } | { refused: string }): string {
  const histogram = reasonHistogram(statuses.values());
  // postFilter: none = no victims anywhere (explain per node); found = preemption found room and
  // said that ('' before 1.37, preemptionSuccessMessage), which ends the PostFilter plugins;
  // refused = preemption may not run for this pod.
  if (postFilter && 'found' in postFilter) return `0/${nodeCount} nodes are available: ${histogram}.${postFilter.found ? ` preemption: ${postFilter.found}` : ''}`;
  const preemption = postFilter?.refused ?? preemptionMessage(nodeCount, statuses);
  return `0/${nodeCount} nodes are available: ${histogram}. ${refusedPostFilters(version)}preemption: ${preemption}`;
}

/**
 * What the PostFilter plugins before DefaultPreemption said when none made room, joined with ", "
 * (RunPostFilterPlugins): on 1.34-1.36 DynamicResources, in the default profile since DRA went GA,
 * says "no new claims to deallocate" for every pod; from 1.37 it says nothing
 * (scheduler.postFilter.dynamicResourcesReason).
 */
export function refusedPostFilters(version: KubernetesRelease): string {
  const reason = behaviour(version, 'scheduler.postFilter.dynamicResourcesReason').value;
  return reason ? `${reason}, ` : '';
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
