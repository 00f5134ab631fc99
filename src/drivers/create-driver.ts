import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import type { Driver, NodeDefinition } from './driver.ts';
import { loadTopology } from '../manifests/topologies.ts';
import { loadImageBehaviors, SimDriver } from './sim/index.ts';

export type ProfileName = 'sim' | 'live';

let imageBehaviors: ReturnType<typeof loadImageBehaviors> | undefined;
let kindTopology: NodeDefinition[] | undefined;

/** Makes the driver for a profile. */
export function createDriver(profile: ProfileName): Driver {
  if (profile === 'sim') {
    imageBehaviors ??= loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml'));
    // A scenario that names no nodes runs on scenarios/topologies/kind.yaml.
    kindTopology ??= loadTopology('kind', [join(packageRoot, 'scenarios', 'topologies')]);
    return new SimDriver(imageBehaviors, kindTopology);
  }
  throw new UserError(`the "${profile}" profile needs the live driver, which is not built yet (issue "The live driver"); run with --profile sim`);
}
