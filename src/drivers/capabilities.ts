import { UnsupportedError } from './errors.ts';

/**
 * What a driver may be able to do beyond the core every cluster offers (apply, get, list, patch,
 * delete, scale, evict, events, exec, waiting and time passing). A driver declares its
 * capabilities; a step that needs one says so (StepSpec `needs`), and a scenario with such a step
 * is reported as not applicable on a driver without it before the scenario starts, rather than
 * failing or being skipped half-way.
 */
export const capabilities = {
  'node-faults': { does: 'fail and recover nodes (power loss, network partition, stopped kubelet)', methods: ['failNode', 'recoverNode'] },
  'node-removal': { does: 'remove nodes from the cluster', methods: ['removeNodes'] },
  'api-faults': { does: 'make the API server refuse writes or drop the controllers\' watches', methods: ['injectApiFault'] },
  'static-pods': { does: "write and remove a node's static pod manifests", methods: ['placeStaticPod', 'removeStaticPod'] },
  'scheduler-configuration': { does: 'restart kube-scheduler with a KubeSchedulerConfiguration', methods: ['configureScheduler'] },
  'add-ons': { does: 'install add-ons (metrics-server, cert-manager, Reloader, Istio, the VPA, a load-balancer provider)', methods: ['installAddOn'] },
  'node-autoscaling': { does: 'add node groups that a Cluster Autoscaler scales', methods: ['autoscaleNodeGroup'] },
  'network-plugin': { does: "choose the cluster's CNI plugin", methods: ['setNetworkPlugin'] },
  'usage-injection': { does: 'make pods report a chosen resource usage to the metrics API', methods: ['setResourceUsage'] },
  kubectl: { does: 'run the real kubectl against the cluster', methods: ['kubectl'] },
  helm: { does: 'run the real Helm against the cluster', methods: ['helm'] },
  assumptions: { does: 'say what it took to be true without knowing (the simulator\'s guesses)', methods: ['assumptions', 'assume'] },
} as const satisfies Record<string, { does: string; methods: readonly string[] }>;

export type Capability = keyof typeof capabilities;

export const allCapabilities = Object.keys(capabilities) as Capability[];

/** Something that declares what it can do (a driver). */
export interface Capable {
  readonly name: string;
  readonly capabilities: ReadonlySet<Capability>;
  readonly lacking?: Partial<Record<Capability, string>>;
}

/** Why a scenario cannot run on a driver: the capability, what it is for, and the step that needs it. */
export function notApplicableReason(driver: Capable, capability: Capability, step: string): string {
  const why = driver.lacking?.[capability];
  return `not applicable on the ${driver.name} driver: "${step}" needs to ${capabilities[capability].does} (capability ${capability})${why ? `; ${why}` : ''}`;
}

/**
 * For code that reaches a capability without the pre-scenario check (a team's step that did
 * not declare `needs`): the same refusal, as an UnsupportedError that skips the step.
 */
export function requireCapability(driver: Capable, capability: Capability): void {
  if (!driver.capabilities.has(capability)) {
    const why = driver.lacking?.[capability];
    throw new UnsupportedError(`the ${driver.name} driver cannot ${capabilities[capability].does} (capability ${capability})${why ? `: ${why}` : ''}`);
  }
}

/** The capabilities a driver object declares but lacks the methods of (a team's driver module). */
export function unbackedCapabilities(driver: Capable): string[] {
  const missing: string[] = [];
  for (const c of driver.capabilities) {
    for (const m of capabilities[c]?.methods ?? []) {
      if (typeof (driver as unknown as Record<string, unknown>)[m] !== 'function') missing.push(`${m} (for ${c})`);
    }
  }
  return missing;
}
