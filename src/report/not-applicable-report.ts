/**
 * The attachment a scenario carries when its driver lacks a capability one of its steps needs, or
 * when its version tags exclude the run's Kubernetes version.
 */
export const NOT_APPLICABLE_ATTACHMENT = 'not-applicable.txt';

/**
 * The run's closing lines for scenarios that did not run because the driver cannot do what a
 * step needs or the run's Kubernetes version is not theirs: how many, and each scenario with its
 * reason, so a skipped count is never silent.
 */
export function notApplicableSummary(perScenario: ReadonlyArray<{ scenario: string; reason: string }>): string | undefined {
  if (perScenario.length === 0) return undefined;
  const n = perScenario.length;
  const head = `${n} scenario${n === 1 ? ' was' : 's were'} not applicable on this driver or version and did not run:`;
  return [head, ...perScenario.map(({ scenario, reason }) => `  ${scenario}: ${reason}`)].join('\n');
}
