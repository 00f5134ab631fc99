import { check, fail, LabelSelector, pass, reachNodePort, reachService, readClusterView, KubespecAssertionError, type ClusterView, type StepSpec, type ServiceConnection } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';
import { listenersFor, noteAssumed } from '../support/listeners.ts';
import { endpointsWithoutContainers, judgedByModel, observed, probesOrWhyNot, type TrafficStep } from '../support/traffic-probes.ts';

/** A pod's connection to a Service port, worked out from the cluster's objects. */
async function connect(world: KubespecWorld, from: string, to: string, port: number): Promise<{ c: ServiceConnection; sticky: boolean }> {
  const view = await readClusterView(world.driver);
  const ns = world.driver.namespace();
  const client = view.pods.find((p) => p.metadata.name === from && p.metadata.namespace === ns);
  const service = view.services.find((s) => s.metadata.name === to && s.metadata.namespace === ns);
  if (!client) throw new KubespecAssertionError(`pod "${from}" not found`);
  if (!service) throw new KubespecAssertionError(`service "${to}" not found`);
  return { c: reachService(view, client, service, port), sticky: service.spec?.sessionAffinity === 'ClientIP' };
}

/**
 * The steps about where connections land keep the model on every cluster: the client sees only
 * that a connection opened, not which endpoint or port kube-proxy chose; only the backends could
 * say (agnhost's serve-hostname would), and the scenarios' backends are nginx.
 */
const WHICH_ENDPOINT = 'the kube-proxy model (which endpoint and port a connection lands on is not visible from the client)';

/** How the NodePort steps observe: a connection to the node's address, from inside the cluster. */
const NODE_PORT_CONNECTION = "a TCP connection (agnhost connect) from a probe pod to the node's InternalIP";

const nodePortAnswers: StepSpec<KubespecWorld> & TrafficStep = {
  pattern: 'node {string} answers on port {int} for service {string}',
  example: 'Then node "worker-2" answers on port 30080 for service "web"',
  area: 'networking',
  judgedByModel: 'the kube-proxy NodePort model',
  observesTraffic: NODE_PORT_CONNECTION,
  doc: 'A connection from outside to the node\'s port reaches a ready endpoint, where something listens on the target port, of the Service owning that node port (any node with externalTrafficPolicy Cluster; only nodes with a local endpoint with Local). On a live node that runs containers, with every endpoint on such nodes, a real connection to the node\'s InternalIP decides, and the node port must be the Service\'s.',
  eventual: 'optional',
  async run({ args: [node, port, svc], within }) {
    await check(this.driver, `node "${node}" to answer on port ${port}`, within, async () => {
      const view = await readClusterView(this.driver);
      const seen = await observeNodePort(this, nodePortAnswers, view, node as string, port as number);
      if (seen) {
        if (!seen.connected) return fail(`node "${node}" does not answer on port ${port}: ${seen.said}`);
        return seen.service === svc ? pass : fail(`port ${port} of node "${node}" belongs to ${seen.service ? `service "${seen.service}"` : 'no Service'} (${seen.said})`);
      }
      const c = reachNodePort(view, node as string, port as number, undefined, listenersFor());
      noteAssumed(this.driver, c);
      if (!c.reachable) return fail(`node "${node}" does not answer on port ${port}: ${c.reason}`);
      return c.service === svc ? pass : fail(`port ${port} of node "${node}" belongs to service "${c.service}"`);
    });
  },
};

const nodePortSilent: StepSpec<KubespecWorld> & TrafficStep = {
  pattern: 'node {string} does not answer on port {int}',
  example: 'Then node "worker-3" does not answer on port 30080',
  area: 'networking',
  judgedByModel: 'the kube-proxy NodePort model',
  observesTraffic: NODE_PORT_CONNECTION,
  doc: 'No endpoint takes a connection to the node\'s port (no Service owns it, no ready endpoint, Local traffic policy and none on this node, or nothing listens on the target port). On a live node that runs containers, with every endpoint on such nodes, a real connection to the node\'s InternalIP decides.',
  async run({ args: [node, port] }) {
    const view = await readClusterView(this.driver);
    const seen = await observeNodePort(this, nodePortSilent, view, node as string, port as number);
    if (seen) {
      if (seen.connected) throw new KubespecAssertionError(`node "${node}" answers on port ${port}: ${seen.said}`);
      return;
    }
    const c = reachNodePort(view, node as string, port as number, undefined, listenersFor());
    noteAssumed(this.driver, c);
    if (c.reachable) throw new KubespecAssertionError(`node "${node}" answers on port ${port}: ${c.reason}, reaching ${c.targets.map((t) => t.name).join(', ')}`);
  },
};

/**
 * A real connection to the node's InternalIP on the port, from the probe pod; undefined, with
 * the reason noted, where the node runs no kube-proxy of its own (KWOK) or the owning Service has
 * endpoints a connection would meet nothing at.
 */
async function observeNodePort(world: KubespecWorld, step: TrafficStep, view: ClusterView, nodeName: string, port: number): Promise<{ connected: boolean; service?: string; said: string } | undefined> {
  const probes = await probesOrWhyNot(world);
  if (typeof probes === 'string') return void judgedByModel(world, step, probes, true);
  if (!probes.nodesRunningContainers.includes(nodeName)) return void judgedByModel(world, step, `node "${nodeName}" runs no container, nor the kube-proxy that would answer there`, true);
  const owner = view.services.find((s) => (s.spec?.ports ?? []).some((p: { nodePort?: number }) => p.nodePort === port));
  const nowhere = owner ? endpointsWithoutContainers(view, owner, probes) : [];
  if (nowhere.length) return void judgedByModel(world, step, `service "${owner!.metadata.name}" has endpoints a connection would meet nothing at: ${nowhere.join('; ')}`, true);
  const node = await world.driver.get({ kind: 'Node', name: nodeName });
  const address = (node?.status?.addresses ?? []).find((a: { type: string }) => a.type === 'InternalIP')?.address as string | undefined;
  if (!address) return void judgedByModel(world, step, `node "${nodeName}" has no InternalIP to connect to`, true);
  const c = await probes.connect(address, port);
  observed(world, step, c.from);
  return { connected: c.connected, ...(owner ? { service: owner.metadata.name } : {}), said: `from ${c.from}, a connection to ${address}:${port} ${c.connected ? 'opened' : `failed: ${c.failure}${c.text && c.text !== c.failure ? ` (${c.text})` : ''}`}` };
}

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'pods labelled {string} get {int}% of the connections from pod {string} to service {string} on port {int}',
    example: 'Then pods labelled "track=canary" get 10% of the connections from pod "client" to service "web" on port 80',
    area: 'networking',
    judgedByModel: WHICH_ENDPOINT,
    doc: "kube-proxy (iptables mode) picks among the ready endpoints with equal probability, so a set of pods gets its share of the endpoints (rounded to a whole percent): a canary without a mesh is weighted by replica counts.",
    eventual: 'optional',
    async run({ args: [selector, percent, from, to, port], within }) {
      const wanted = LabelSelector.parse(selector as string);
      await check(this.driver, `pods labelled ${selector} to get ${percent}% of the connections`, within, async () => {
        const { c, sticky } = await connect(this, from as string, to as string, port as number);
        if (sticky) return fail('sessionAffinity ClientIP keeps each client on one endpoint, so there is no share to speak of');
        if (!c.targets.length) return fail(c.reason);
        const pods = (await this.driver.list('Pod')).filter((p) => wanted.matches(p.metadata.labels));
        const matching = c.targets.filter((t) => pods.some((p) => p.metadata.name === t.name)).length;
        const share = Math.round((100 * matching) / c.targets.length);
        return share === percent ? pass : fail(`they get ${share}% (${matching} of ${c.targets.length} endpoints)`);
      });
    },
  },
  {
    pattern: 'a connection from pod {string} to service {string} on port {int} arrives at port {int}',
    example: 'Then a connection from pod "client" to service "web" on port 80 arrives at port 8080',
    area: 'networking',
    judgedByModel: WHICH_ENDPOINT,
    doc: "kube-proxy forwards the Service port to the endpoints' target port: every endpoint the connection may land on listens there.",
    eventual: 'optional',
    async run({ args: [from, to, port, target], within }) {
      await check(this.driver, `pod "${from}" to reach service "${to}" port ${port} at port ${target}`, within, async () => {
        const { c } = await connect(this, from as string, to as string, port as number);
        if (!c.reachable) return fail(`pod "${from}" cannot reach service "${to}" on port ${port}: ${c.reason}`);
        const elsewhere = c.targets.filter((t) => t.port !== target);
        return elsewhere.length ? fail(`connections arrive at ${elsewhere.map((t) => `${t.name}:${t.port}`).join(', ')}`) : pass;
      });
    },
  },
  {
    pattern: 'connections from pod {string} to service {string} on port {int} reach {int} different pod(s)',
    example: 'Then connections from pod "client" to service "web" on port 80 reach 3 different pods',
    area: 'networking',
    judgedByModel: WHICH_ENDPOINT,
    doc: "Repeated connections are spread over every ready, allowed endpoint; with sessionAffinity ClientIP they all keep to the one the first landed on.",
    eventual: 'optional',
    async run({ args: [from, to, port, count], within }) {
      await check(this.driver, `connections from pod "${from}" to service "${to}" to reach ${count} pods`, within, async () => {
        const { c, sticky } = await connect(this, from as string, to as string, port as number);
        const reached = sticky ? Math.min(1, c.targets.length) : c.targets.length;
        if (reached === count) return pass;
        return fail(`they reach ${reached} (${c.targets.map((t) => t.name).join(', ') || c.reason}${sticky ? '; sessionAffinity ClientIP keeps a client on one' : ''})`);
      });
    },
  },
  nodePortAnswers,
  nodePortSilent,
  {
    pattern: 'service {string} is reachable only from inside the cluster',
    example: 'Then service "myapp" is reachable only from inside the cluster',
    area: 'networking',
    judgedByModel: 'the kube-proxy model',
    doc: 'A ClusterIP (or headless) Service has no node port and no load balancer: its virtual IP is routed only by the nodes\' kube-proxy, for pods and nodes.',
    async run({ args: [name] }) {
      const svc = await this.driver.get({ kind: 'Service', name: name as string });
      if (!svc) throw new KubespecAssertionError(`service "${name}" not found`);
      const nodePorts = (svc.spec?.ports ?? []).filter((p: any) => p.nodePort).map((p: any) => p.nodePort);
      const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname);
      if (nodePorts.length || lb.length || svc.spec?.externalIPs?.length) {
        throw new KubespecAssertionError(`service "${name}" (${svc.spec?.type}) is reachable from outside${nodePorts.length ? ` on node ports ${nodePorts.join(', ')}` : ''}${lb.length ? ` at ${lb.join(', ')}` : ''}${svc.spec?.externalIPs?.length ? ` at external IPs ${svc.spec.externalIPs.join(', ')}` : ''}`);
      }
    },
  },
];
