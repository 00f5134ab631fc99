import type { Driver } from '../drivers/driver.ts';
import { KubespecAssertionError } from '../assertions/errors.ts';

/**
 * The earliest-created pod matching a selector that is not terminating (ties: the name). How a
 * scenario points at one pod of a workload whose pod names are random.
 */
export async function oldestPodName(driver: Driver, selector: string): Promise<string> {
  const pods = (await driver.list('Pod', { labelSelector: selector })).filter((p) => !p.metadata.deletionTimestamp);
  pods.sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || a.metadata.name.localeCompare(b.metadata.name));
  if (!pods[0]) throw new KubespecAssertionError(`no pod labelled ${selector}`);
  return pods[0].metadata.name;
}
