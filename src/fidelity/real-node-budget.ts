import type { ScenarioRecord } from '../report/scenario-records.ts';

/**
 * The @needs-kubelet scenarios CI's real-node pass leaves out (`fidelity --real-node-quick`):
 * on a real node they wait in real time (back-offs, probes, grace periods), and CI may spend
 * only about ten minutes on the pass. By scenario name, each with why; the nightly run
 * (`fidelity` without the option) runs them all.
 */
export const slowOnRealNode: Record<string, string> = {};

/** The records' scenarios that the quick pass leaves out, by id, with the reason. */
export function leftOutOfQuickPass(records: readonly ScenarioRecord[]): Record<string, string> {
  return Object.fromEntries(records.filter((r) => slowOnRealNode[r.name]).map((r) => [r.id, `left out of this run's real-node pass (--real-node-quick, CI's time budget; the nightly run has it): ${slowOnRealNode[r.name]}`]));
}
