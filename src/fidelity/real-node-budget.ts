import type { ScenarioRecord } from '../report/scenario-records.ts';
import { kwokWorkersUsed } from './real-node-judging.ts';

/**
 * CI's real-node pass (`fidelity --real-node-quick`): on a real node the @needs-kubelet
 * scenarios wait in real time (back-offs, probes, grace periods), and CI may spend only about ten
 * minutes on the pass. It leaves out what would take longest for least: the scenarios whose pods
 * the simulator placed on more workers than the real nodes play (with one real node they run on
 * KWOK too, and a disagreement there is not judged), and the slowest of the rest, listed here by
 * scenario name with the time they took on the real node. The nightly run (`fidelity` without
 * the option) runs them all.
 */
export const slowOnRealNode: Record<string, string> = {};

/** The records' scenarios the quick pass leaves out, by id, with the reason. */
export function leftOutOfQuickPass(records: readonly ScenarioRecord[], realNodes: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const because = (why: string) => `left out of this run's real-node pass (--real-node-quick, CI's time budget; the nightly run has it): ${why}`;
  for (const r of records) {
    const elsewhere = kwokWorkersUsed(r, realNodes);
    if (elsewhere.length) out[r.id] = because(`the simulator placed its pods on ${elsewhere.join(', ')} too, which are KWOK here`);
    else if (slowOnRealNode[r.name]) out[r.id] = because(slowOnRealNode[r.name]!);
  }
  return out;
}
