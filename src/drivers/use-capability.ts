import type { Driver } from './driver.ts';
import { requireCapability, type Capability } from './capabilities.ts';

/**
 * The driver with a capability's members, once it is known to have it: for a step whose `needs`
 * names the capability this is a formality (the scenario would not have started otherwise); for
 * a team's step that forgot `needs`, the step is skipped with the reason instead of crashing.
 */
export function withCapability(driver: Driver, capability: Capability): Required<Driver> {
  requireCapability(driver, capability);
  return driver as Required<Driver>;
}
