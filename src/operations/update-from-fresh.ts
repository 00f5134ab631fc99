import type { Driver, KubeObject, ObjectRef } from '../drivers/driver.ts';
import { KubespecAssertionError } from '../assertions/errors.ts';

const ATTEMPTS = 5;

/**
 * Read-modify-write with optimistic concurrency, as client-go's RetryOnConflict: the merge patch
 * carries the resourceVersion that was read, so a write by someone else in between (the node
 * lifecycle controller adding a taint) is a 409 Conflict instead of being overwritten, and the
 * change is made again from a fresh read.
 */
export async function updateFromFresh(driver: Driver, ref: ObjectRef, change: (current: KubeObject) => object, what = `${ref.kind} "${ref.name}"`): Promise<KubeObject> {
  for (let attempt = 1; ; attempt++) {
    const current = await driver.get(ref);
    if (!current) throw new KubespecAssertionError(`${what} not found`);
    const patch = change(current) as { metadata?: object };
    try {
      return await driver.patch(ref, { ...patch, metadata: { ...patch.metadata, resourceVersion: current.metadata.resourceVersion } }, 'merge');
    } catch (e) {
      if ((e as { code?: number }).code !== 409 || attempt >= ATTEMPTS) throw e;
    }
  }
}
