import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import type { Driver } from './driver.ts';
import { loadImageBehaviors, SimDriver } from './sim/index.ts';

export type ProfileName = 'sim' | 'live';

let imageBehaviors: ReturnType<typeof loadImageBehaviors> | undefined;

/** Makes the driver for a profile. */
export function createDriver(profile: ProfileName): Driver {
  if (profile === 'sim') {
    imageBehaviors ??= loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml'));
    return new SimDriver(imageBehaviors);
  }
  throw new UserError(`the "${profile}" profile needs the live driver, which is not built yet (issue "The live driver"); run with --profile sim`);
}
