import type { KubeObject } from './driver.ts';

/**
 * Waits for a namespace to come to rest, the same way on every driver: look, let `stepMs` pass,
 * look again, until the objects' resourceVersions are unchanged for `quietSteps` looks in a row,
 * or `maxMs` has passed. "Passing" is the driver's own time (virtual on the simulator).
 */
export async function settleBy(
  look: () => Promise<KubeObject[]>,
  pass: (ms: number) => Promise<void>,
  { stepMs, quietSteps, maxMs }: { stepMs: number; quietSteps: number; maxMs: number },
): Promise<void> {
  let last = versions(await look());
  let quiet = 0;
  for (let waited = 0; waited < maxMs && quiet < quietSteps; waited += stepMs) {
    await pass(stepMs);
    const now = versions(await look());
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
}

/** The objects' identities and versions, in a stable order. */
function versions(objects: KubeObject[]): string {
  return objects.map((o) => `${o.kind}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort().join(',');
}
