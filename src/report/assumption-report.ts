import { describeAssumption, type Assumption } from '../kube/assumptions.ts';

/** The file a scenario's assumptions are attached as; the run summary and fidelity read it back. */
export const ASSUMPTIONS_ATTACHMENT = 'assumptions.txt';

/** The attachment's text: a line per assumption. */
export function assumptionsText(assumptions: readonly Assumption[]): string {
  return assumptions.map((a) => `${describeAssumption(a)}\n`).join('');
}

/**
 * `--strict`: a verdict that rests on something the simulator assumed is not a verdict. The
 * scenario fails naming each assumption, so the author can give the simulator the fact it lacked
 * (a `kubespec.io/behavior.<container>` annotation, an image it knows) or run it on a cluster.
 */
export class StrictAssumptionError extends Error {
  constructor(assumptions: readonly Assumption[]) {
    super(`--strict: this scenario rests on ${assumptions.length} assumption${assumptions.length === 1 ? '' : 's'} of the simulator:\n${assumptions.map((a) => `  - ${describeAssumption(a)}`).join('\n')}\nTell the simulator what the container does (annotation kubespec.io/behavior.<container>, see README "Assumptions"), or run without --strict.`);
    this.name = 'StrictAssumptionError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** "4 scenarios rest on 7 assumptions (see report)", from each scenario's attachment text. */
export function assumptionSummary(perScenario: readonly string[]): string | undefined {
  const counts = perScenario.map((text) => text.split('\n').filter(Boolean).length).filter((n) => n > 0);
  if (counts.length === 0) return undefined;
  const total = counts.reduce((a, b) => a + b, 0);
  return `${counts.length} scenario${counts.length === 1 ? '' : 's'} rest${counts.length === 1 ? 's' : ''} on ${total} assumption${total === 1 ? '' : 's'} of the simulator (see ${ASSUMPTIONS_ATTACHMENT} in the report; --strict fails those a scenario does not check)`;
}
