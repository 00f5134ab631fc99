import { join } from 'node:path';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import { processEnvironment, type Environment } from '../environment.ts';
import type { Driver, NodeDefinition } from './driver.ts';
import { loadTopology } from '../manifests/topologies.ts';
import { loadImageBehaviors, SimDriver } from './sim/index.ts';
import { LiveDriver } from './live/live-driver.ts';
import { loadLiveContext } from './live/live-context.ts';
import type { KubernetesVersion } from '../kube/kubernetes-versions.ts';

export type ProfileName = 'sim' | 'live';

let imageBehaviors: ReturnType<typeof loadImageBehaviors> | undefined;
let kindTopology: NodeDefinition[] | undefined;

export interface DriverOptions {
  /** The kubeconfig context of a live run. */
  context?: string;
  /** A kubeconfig file to read instead of $KUBECONFIG (a drill's served cluster). */
  kubeconfig?: string;
  /** Check an existing namespace instead of making one per scenario (drill grading). */
  attachNamespace?: string;
  /** The environment a live run reads KUBECONFIG and KUBESPEC_ALLOWED_CONTEXTS from (default: the process's). */
  env?: Environment;
  /** The release the simulator plays (`--kubernetes-version`); a live cluster is what it is. */
  kubernetesVersion?: KubernetesVersion;
}

/** Makes the driver for a profile. */
export function createDriver(profile: ProfileName, options: DriverOptions = {}): Driver {
  if (profile === 'sim') {
    imageBehaviors ??= loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml'));
    // A scenario that names no nodes runs on scenarios/topologies/kind.yaml.
    kindTopology ??= loadTopology('kind', [join(packageRoot, 'scenarios', 'topologies')]);
    return new SimDriver(imageBehaviors, kindTopology, options.kubernetesVersion);
  }
  if (profile === 'live') {
    const kc = loadLiveContext(options.context, options.env ?? processEnvironment(), options.kubeconfig);
    // The driver awaits it on first use; until then a refusal must not count as unhandled.
    kc.catch(() => undefined);
    return new LiveDriver(kc, undefined, { attachNamespace: options.attachNamespace });
  }
  throw new UserError(`unknown profile "${profile}" (use sim or live)`);
}
