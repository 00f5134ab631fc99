import type { ClusterView, KubeObject, TrafficProbes } from '../src/step-kit.ts';
import type { KubespecWorld } from './world.ts';

/** What a step that observes traffic where it can is (its StepSpec's fields, for the report's lines). */
export interface TrafficStep {
  pattern: string;
  judgedByModel: string;
  observesTraffic: string;
}

/**
 * The traffic probes this step can use now, or why it cannot: the driver has no data plane (the
 * simulator), or no node of the cluster runs containers, or the probe pod did not start.
 */
export async function probesOrWhyNot(world: KubespecWorld): Promise<TrafficProbes | string> {
  const probes = await world.driver.trafficProbes?.();
  if (!probes) return world.driver.name === 'sim' ? 'the simulator sends no traffic' : `the ${world.driver.name} driver sends no traffic`;
  return 'unavailable' in probes ? probes.unavailable : probes;
}

/**
 * Records that the model gave this step's verdict, and why. `observableElsewhere`: on a cluster
 * whose nodes run containers it would have observed (no probes here); the step is then listed
 * in the traffic probes attachment too, which sends its scenario to a fidelity run's real-node
 * pass. A reason in the scenario's own objects (NetworkPolicy in play) holds on any cluster and
 * sends it nowhere.
 */
export function judgedByModel(world: KubespecWorld, step: TrafficStep, why: string, observableElsewhere: boolean): void {
  world.modelJudged.add(`${at(world)}${step.pattern}: judged by ${step.judgedByModel} (${why})`);
  if (observableElsewhere) world.trafficProbed.add(`${at(world)}${step.pattern}: judged by ${step.judgedByModel}: ${why}`);
}

/** Records that the step observed the cluster: how, and from where. */
export function observed(world: KubespecWorld, step: TrafficStep, from: string): void {
  world.trafficProbed.add(`${at(world)}${step.pattern}: observed by ${step.observesTraffic}, here from ${from}`);
}

function at(world: KubespecWorld): string {
  return world.place ? `${world.place.uri}:${world.place.line} ` : '';
}

/**
 * The NetworkPolicies of the given namespaces: where any exists, a connection's fate depends on
 * the CNI plugin enforcing them, which a live cluster does not tell; the steps observe only
 * between nodes that say they enforce them (unguardedNodes), else keep the NetworkPolicy model.
 */
export function policiesIn(view: ClusterView, namespaces: ReadonlyArray<string | undefined>): KubeObject[] {
  return view.policies.filter((p) => namespaces.includes(p.metadata.namespace));
}

export function policyReason(policies: readonly KubeObject[]): string {
  const names = policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
  return `NetworkPolicy ${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''} in play`;
}

/**
 * The pods of a connection whose node does not say it enforces NetworkPolicy (the client's for
 * egress rules, the target's or every ready endpoint's for ingress), in words; empty when all do.
 */
export function unguardedNodes(view: ClusterView, probes: TrafficProbes, client: KubeObject, dest: KubeObject, target: 'service' | 'pod'): string[] {
  const guarded = (node: string | undefined) => node !== undefined && probes.nodesEnforcingNetworkPolicy.includes(node);
  const pods = target === 'pod'
    ? [{ name: client.metadata.name, node: client.spec?.nodeName }, { name: dest.metadata.name, node: dest.spec?.nodeName }]
    : [{ name: client.metadata.name, node: client.spec?.nodeName }, ...readyEndpoints(view, dest).map((e) => ({ name: e.targetRef?.name ?? e.addresses?.[0] ?? 'an endpoint', node: e.nodeName }))];
  return pods.filter((p) => !guarded(p.node)).map((p) => `pod ${p.name} is on ${p.node ?? 'no node'}, which does not say it enforces NetworkPolicy`);
}

/**
 * The ready endpoints of a Service that a connection would meet nothing at: pods on nodes where
 * no container runs (KWOK), and addresses outside the cluster (Endpoints written by hand, which
 * scenarios make up). kube-proxy may send any connection there, so the Service's traffic cannot
 * be observed for real.
 */
export function endpointsWithoutContainers(view: ClusterView, service: KubeObject, probes: TrafficProbes): string[] {
  return readyEndpoints(view, service)
    .filter((e) => !(e.nodeName && probes.nodesRunningContainers.includes(e.nodeName)))
    .map((e) => (e.nodeName ? `pod ${e.targetRef?.name ?? e.addresses?.[0]} on ${e.nodeName}, which runs no container` : `${e.addresses?.[0] ?? 'an address'}, outside the cluster`));
}

type SliceEndpoint = { addresses?: string[]; nodeName?: string; targetRef?: { kind?: string; name: string }; conditions?: { ready?: boolean } };

function readyEndpoints(view: ClusterView, service: KubeObject): SliceEndpoint[] {
  const slices = view.slices.filter((s) => s.metadata.namespace === service.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name);
  return slices.flatMap((s) => (s.endpoints ?? []) as SliceEndpoint[]).filter((e) => e.conditions?.ready !== false);
}
