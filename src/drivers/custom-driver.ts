import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { UserError } from '../errors.ts';
import type { Driver } from './driver.ts';

/** What a driver module's factory is given: the run's choices. */
export interface DriverFactoryOptions {
  profile: 'sim' | 'live';
  seed: number;
  context?: string;
  projectRoot: string;
}

export type DriverFactory = (options: DriverFactoryOptions) => Driver;

/** The methods the steps call; a module's driver must have every one (see driver.ts). */
const required: Array<keyof Driver> = [
  'setup', 'teardown', 'namespace', 'addNodes', 'failNode', 'recoverNode', 'containerEnv', 'containerFiles', 'installAddOn', 'setNetworkPlugin', 'autoscaleNodeGroup',
  'removeNodes', 'apply', 'get', 'list', 'evict', 'patch', 'setResourceUsage', 'scale', 'delete', 'waitFor', 'elapse', 'elapsed', 'timeline', 'events', 'snapshot',
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
      checked = true;
    }
    return driver;
  };
}
