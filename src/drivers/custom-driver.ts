import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors.ts';
import type { Driver } from './driver.ts';
import { allCapabilities, unbackedCapabilities } from './capabilities.ts';

/** What a driver module's factory is given: the run's choices. */
export interface DriverFactoryOptions {
  profile: 'sim' | 'live';
  seed: number;
  context?: string;
  projectRoot: string;
}

export type DriverFactory = (options: DriverFactoryOptions) => Driver;

/** The core every driver has (see driver.ts); the rest comes with the capabilities it declares. */
const required: Array<keyof Driver> = [
  'setup', 'teardown', 'namespace', 'addNodes', 'containerEnv', 'containerFiles',
  'apply', 'get', 'list', 'evict', 'patch', 'scale', 'delete', 'waitFor', 'elapse', 'elapsed', 'timeline', 'events', 'snapshot',
];

/**
 * A team's own driver, named by module path (`kubespec run --driver ./drivers/my-cluster.mjs` or
 * `"driver"` in kubespec.config.json). The module exports `createDriver(options)` (or a default
 * function) returning a Driver; the first driver it makes is checked for every method, so a
 * missing one is reported by name before any scenario runs.
 */
export async function loadDriverModule(path: string): Promise<DriverFactory> {
  if (!existsSync(path)) throw new UserError(`driver module "${path}" does not exist`);
  let mod: Record<string, unknown>;
  try {
    mod = await import(pathToFileURL(path).href);
  } catch (e) {
    throw new UserError(`driver module "${path}" could not be loaded: ${(e as Error).message}`);
  }
  const factory = (mod.createDriver ?? mod.default) as DriverFactory | undefined;
  if (typeof factory !== 'function') throw new UserError(`driver module "${path}" must export a function createDriver(options) (or a default one) that returns a Driver`);
  let checked = false;
  return (options) => {
    const driver = factory(options);
    if (!checked) {
      const missing = required.filter((m) => typeof (driver as unknown as Record<string, unknown>)?.[m] !== 'function' && m !== 'name');
      if (missing.length) throw new UserError(`driver module "${path}": the driver lacks ${missing.join(', ')} (the Driver interface, src/drivers/driver.ts)`);
      if (!(driver.capabilities instanceof Set)) throw new UserError(`driver module "${path}": the driver must declare its capabilities, a Set of ${allCapabilities.join(', ')} (an empty Set for the core only)`);
      const unknown = [...driver.capabilities].filter((c) => !allCapabilities.includes(c));
      if (unknown.length) throw new UserError(`driver module "${path}": unknown capabilities ${unknown.join(', ')} (known: ${allCapabilities.join(', ')})`);
      const unbacked = unbackedCapabilities(driver);
      if (unbacked.length) throw new UserError(`driver module "${path}": the driver declares capabilities without their methods: ${unbacked.join(', ')}`);
      checked = true;
    }
    return driver;
  };
}
