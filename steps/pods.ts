import { assertOrder, check, fail, KubespecAssertionError, inCidr, pass, reachLocalhost, type StepSpec, type Transition } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';
import { listenersFor, noteAssumed } from '../support/listeners.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'pod {string} is {transition} before pod {string}',
    example: 'Then pod "web-2" is deleted before pod "web-1"',
    area: 'pods',
    doc: 'Both pods reach the transition (created, scheduled, running, ready, terminating, deleted), the first one first. Waits up to 5 minutes for the order to be decided.',
    eventual: 'always',
    defaultWithin: 5 * 60_000,
    async run({ args: [a, transition, b], within }) {
      const t = transition as Transition;
      await assertOrder(this, { kind: 'Pod', name: a as string, transition: t }, { kind: 'Pod', name: b as string, transition: t }, within!);
    },
  },
  {
    pattern: 'pod {string} is {transition} after pod {string} is {transition}',
    example: 'Then pod "web-1" is created after pod "web-0" is ready',
    area: 'pods',
    doc: 'The second milestone comes first in the observed order. Waits up to 5 minutes for both.',
    eventual: 'always',
    defaultWithin: 5 * 60_000,
    async run({ args: [a, ta, b, tb], within }) {
      await assertOrder(this, { kind: 'Pod', name: b as string, transition: tb as Transition }, { kind: 'Pod', name: a as string, transition: ta as Transition }, within!);
    },
  },
  {
    pattern: 'pod {string} is {phase}',
    example: 'Then pod "web-0" is Running',
    area: 'pods',
    doc: 'The pod exists and its status.phase is the given phase (Pending, Running, Succeeded, Failed).',
    eventual: 'optional',
    async run({ args: [name, phase], within }) {
      await check(this.driver, `pod "${name}" to be ${phase}`, within, async () => {
        const pod = await this.driver.get({ kind: 'Pod', name: name as string });
        if (!pod) return fail(`pod "${name}" not found`);
        const actual = pod.status?.phase ?? '(no phase yet)';
        return actual === phase ? pass : fail(`pod "${name}" is ${actual}, not ${phase}`);
      });
    },
  },
];

steps.push({
  pattern: 'pod {string} is ready',
  example: 'Then pod "web" is ready within 30s',
  area: 'pods',
  doc: 'The pod condition Ready is True.',
  eventual: 'optional',
  async run({ args: [name], within }) {
    await check(this.driver, `pod "${name}" to be ready`, within, async () => {
      const pod = await this.driver.get({ kind: 'Pod', name: name as string });
      if (!pod) return fail(`pod "${name}" not found`);
      const c = (pod.status?.conditions ?? []).find((x: any) => x.type === 'Ready');
      return c?.status === 'True' ? pass : fail(`pod "${name}" is not ready${c?.message ? `: ${c.message}` : ''}`);
    });
  },
});

steps.push({
  pattern: 'the pods labelled {string} have addresses of their own',
  example: 'Then the pods labelled "app=web" have addresses of their own',
  area: 'pods',
  doc: "Each pod has one IP (status.podIP, the only entry of status.podIPs), from its node's pod CIDR where the node has one, that no other running pod and no node has: the pod network, not the node's (hostNetwork pods aside).",
  async run({ args: [selector] }) {
    const pods = (await this.driver.list('Pod', { labelSelector: selector as string })).filter((p) => p.status?.podIP);
    if (pods.length === 0) throw new KubespecAssertionError(`no pod labelled ${selector} has an IP`);
    const others = (await this.driver.list('Pod', { allNamespaces: true })).filter((p) => p.status?.phase === 'Running' && !p.spec?.hostNetwork && p.status?.podIP);
    const nodes = await this.driver.list('Node');
    const nodeIps = new Set(nodes.flatMap((n) => (n.status?.addresses ?? []).map((a: any) => a.address as string)));
    for (const pod of pods) {
      const ip = pod.status.podIP as string;
      const ips = (pod.status.podIPs ?? []).map((p: any) => p.ip);
      if (ips.length !== 1 || ips[0] !== ip) throw new KubespecAssertionError(`pod "${pod.metadata.name}" has podIP ${ip} and podIPs ${JSON.stringify(ips)}`);
      if (nodeIps.has(ip)) throw new KubespecAssertionError(`pod "${pod.metadata.name}" has ${ip}, a node's address`);
      // The CNI hands out addresses from the pod CIDR of the pod's node, where the node has one.
      const cidr = nodes.find((n) => n.metadata.name === pod.spec?.nodeName)?.spec?.podCIDR as string | undefined;
      if (cidr && !inCidr(ip, cidr)) throw new KubespecAssertionError(`pod "${pod.metadata.name}" has ${ip}, outside its node's pod CIDR ${cidr}`);
      const twin = others.find((o) => o.status.podIP === ip && o.metadata.uid !== pod.metadata.uid);
      if (twin) throw new KubespecAssertionError(`pods "${pod.metadata.name}" and "${twin.metadata.name}" both have ${ip}`);
    }
  },
});

steps.push({
  pattern: 'pod {string} comes back with a new address after it is deleted',
  example: 'When pod "web-0" comes back with a new address after it is deleted',
  area: 'pods',
  doc: "Deletes the pod and waits (2 minutes by default) for its controller to recreate it under the same name: a new pod (new uid), Running, with a different IP. A StatefulSet's pods keep their names; their addresses are new.",
  eventual: 'always',
  defaultWithin: 2 * 60_000,
  async run({ args: [name], within }) {
    const before = await this.driver.get({ kind: 'Pod', name: name as string });
    if (!before?.status?.podIP) throw new KubespecAssertionError(`pod "${name}" has no address to compare with`);
    await this.driver.delete({ kind: 'Pod', name: name as string });
    await check(this.driver, `pod "${name}" to come back with a new address`, within, async () => {
      const after = await this.driver.get({ kind: 'Pod', name: name as string });
      if (!after || after.metadata.uid === before.metadata.uid) return fail(`pod "${name}" has not been recreated yet`);
      if (after.status?.phase !== 'Running' || !after.status?.podIP) return fail(`the new pod "${name}" is ${after.status?.phase ?? 'not yet running'}`);
      return after.status.podIP !== before.status.podIP ? pass : fail(`the new pod "${name}" has the old address ${after.status.podIP}`);
    });
  },
});

steps.push({
  pattern: 'container {string} of pod {string} reaches localhost port {int}',
  example: 'Then container "app" of pod "ambassador" reaches localhost port 6379',
  area: 'pods',
  judgedByModel: "the pod's shared network namespace model",
  doc: "Containers of a pod share its network namespace: the port is open on localhost when a container of the pod listens there (its image's server, or a behavior annotation `listens on N`; a declared containerPort alone proves nothing; an unknown program is assumed to listen, recorded on the simulator). Answered from the objects.",
  async run({ args: [container, pod, port] }) {
    const obj = await this.driver.get({ kind: 'Pod', name: pod as string });
    if (!obj) throw new KubespecAssertionError(`pod "${pod}" not found`);
    const r = reachLocalhost(obj, container as string, port as number, listenersFor());
    noteAssumed(this.driver, r);
    if (!r.reachable) throw new KubespecAssertionError(`container "${container}" of pod "${pod}" cannot reach localhost:${port}: ${r.reason}`);
  },
});

