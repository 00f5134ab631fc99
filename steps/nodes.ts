import { check, drain, expectRefusal, fail, KubespecAssertionError, oldestPodName, parseTaint, pass, setCordoned, updateFromFresh, UserError, type StepSpec, withCapability } from '../src/step-kit.ts';
import type { NodeFault } from '../src/drivers/driver.ts';
import type { KubespecWorld } from '../support/world.ts';

const DRAIN_TIMEOUT = 5 * 60_000;

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'node {string} is cordoned',
    example: 'When node "worker-1" is cordoned',
    area: 'nodes',
    doc: 'kubectl cordon: no new pods are scheduled there; running pods stay.',
    footprint: () => ({ alone: 'cordons a shared node' }),
    async run({ args: [node] }) {
      await setCordoned(this.driver, node as string, true);
    },
  },
  {
    pattern: 'node {string} is uncordoned',
    example: 'When node "worker-1" is uncordoned',
    area: 'nodes',
    doc: 'kubectl uncordon.',
    footprint: () => ({ alone: 'uncordons a shared node' }),
    async run({ args: [node] }) {
      await setCordoned(this.driver, node as string, false);
    },
  },
  {
    pattern: 'node {string} is drained',
    example: 'When node "worker-1" is drained',
    area: 'nodes',
    doc: 'kubectl drain --ignore-daemonsets: cordon, then evict (respecting PodDisruptionBudgets) and wait until the pods are gone; 5 minutes unless `within`.',
    eventual: 'always',
    defaultWithin: DRAIN_TIMEOUT,
    footprint: () => ({ alone: 'drains a shared node' }),
    async run({ args: [node], within }) {
      await drain(this.driver, node as string, within!);
    },
  },
  {
    pattern: 'node {string} cannot be drained within {duration}',
    example: 'Then node "worker-1" cannot be drained within 1 minute',
    area: 'nodes',
    doc: 'A drain that must fail, for example because a PodDisruptionBudget allows no disruption.',
    footprint: () => ({ alone: 'drains a shared node' }),
    async run({ args: [node, within] }) {
      try {
        await drain(this.driver, node as string, within as number);
      } catch (e) {
        if (e instanceof KubespecAssertionError) {
          this.log((e as Error).message);
          return;
        }
        throw e;
      }
      throw new KubespecAssertionError(`node "${node}" was drained, but the drain was expected to be blocked`);
    },
  },
  {
    pattern: 'pod {string} is evicted',
    example: 'When pod "web-0" is evicted',
    area: 'nodes',
    doc: 'The Eviction API (what drain uses); fails if a PodDisruptionBudget refuses.',
    async run({ args: [pod] }) {
      await this.driver.evict(pod as string);
    },
  },
  {
    pattern: 'evicting pod {string} is refused with {string}',
    example: 'Then evicting pod "web-0" is refused with "Cannot evict pod as it would violate the pod\'s disruption budget."',
    area: 'nodes',
    doc: 'The Eviction API refuses, and its message contains the text.',
    async run({ args: [pod, expected] }) {
      await expectRefusal('the eviction', expected as string, () => this.driver.evict(pod as string));
    },
  },
];

steps.push(
  {
    pattern: 'the oldest pod labelled {string} is evicted',
    example: 'When the oldest pod labelled "app=api" is evicted',
    area: 'nodes',
    doc: 'The Eviction API on the earliest-created pod matching the selector.',
    async run({ args: [selector] }) {
      await this.driver.evict(await oldestPodName(this.driver, selector as string));
    },
  },
  {
    pattern: 'evicting the oldest pod labelled {string} is refused with {string}',
    example: 'Then evicting the oldest pod labelled "app=api" is refused with "disruption budget"',
    area: 'nodes',
    doc: 'The Eviction API refuses for the earliest-created running pod matching the selector.',
    async run({ args: [selector, expected] }) {
      const name = await oldestPodName(this.driver, selector as string);
      await expectRefusal('the eviction', expected as string, () => this.driver.evict(name));
    },
  },
  {
    pattern: 'no pod labelled {string} runs on node {string}',
    example: 'Then no pod labelled "app=api" runs on node "worker-1"',
    area: 'nodes',
    doc: 'No pod matching the selector (terminating ones aside) is bound to the node.',
    eventual: 'optional',
    async run({ args: [selector, node], within }) {
      await check(this.driver, `no pod labelled ${selector} on node "${node}"`, within, async () => {
        const pods = (await this.driver.list('Pod', { labelSelector: selector as string })).filter((p) => !p.metadata.deletionTimestamp && p.spec?.nodeName === node);
        return pods.length ? fail(`pods labelled ${selector} on node "${node}": ${pods.map((p) => p.metadata.name).join(', ')}`) : pass;
      });
    },
  },
);


/** The ways a node can be cut off from the control plane, one step each (node-health.ts). */
const nodeFaults: Array<{ pattern: string; fault: NodeFault; doc: string }> = [
  {
    pattern: 'node {string} fails',
    fault: 'power-off',
    doc: 'The node loses power: its containers die and its heartbeats stop; after 50s it is NotReady (Unknown) and tainted unreachable, and its pods leave after their tolerationSeconds (300s by default). When it recovers it boots: pods still bound to it start again from a new sandbox, each running container counted as a restart (last state Unknown, exit code 255); restartPolicy Never pods fail. Simulator only.',
  },
  {
    pattern: 'node {string} is partitioned from the control plane',
    fault: 'partition',
    doc: 'The network between the node and the API server is cut: the control plane sees what it sees for a failed node, while the kubelet keeps running its pods; when the partition heals it reports their state and stops the pods deleted meanwhile. Simulator only.',
  },
  {
    pattern: 'the kubelet on node {string} stops',
    fault: 'kubelet-stop',
    doc: 'The kubelet process stops: heartbeats end as for a failed node, containers keep running unattended, and a container that exits is not restarted (nor probed) until the kubelet starts again. Simulator only.',
  },
];

steps.push(
  ...nodeFaults.map(({ pattern, fault, doc }): StepSpec<KubespecWorld> => ({
    pattern,
    example: `When ${pattern.replace('{string}', '"worker-2"')}`,
    area: 'nodes',
    doc,
    needs: ['node-faults'],
    footprint: () => ({ alone: 'cuts a shared node off' }),
    async run({ args: [node] }) {
      await withCapability(this.driver, 'node-faults').failNode(node as string, fault);
    },
  })),
  {
    pattern: 'node {string} recovers',
    example: 'When node "worker-2" recovers',
    area: 'nodes',
    doc: 'Ends the node\'s outage (it boots, the partition heals or the kubelet starts): the kubelet posts Ready, the node lifecycle controller removes the unreachable taints, and the kubelet catches up with its pods.',
    needs: ['node-faults'],
    footprint: () => ({ alone: 'brings a shared node back' }),
    async run({ args: [node] }) {
      await withCapability(this.driver, 'node-faults').recoverNode(node as string);
    },
  },
  {
    pattern: 'node {string} is tainted {string}',
    example: 'When node "worker-3" is tainted "critical=true:NoExecute"',
    area: 'nodes',
    doc: 'kubectl taint nodes <node> key=value:Effect (several separated by commas).',
    footprint: () => ({ alone: 'taints a shared node' }),
    async run({ args: [node, text] }) {
      const added = String(text).split(',').map((t) => parseTaint(t.trim(), node as string));
      await updateFromFresh(this.driver, { kind: 'Node', name: node as string }, (current) => {
        const kept = (current.spec?.taints ?? []).filter((t: any) => !added.some((a) => a.key === t.key && a.effect === t.effect));
        return { spec: { taints: [...kept, ...added] } };
      }, `node "${node}"`);
    },
  },
  {
    pattern: 'node {string} is untainted {string}',
    example: 'When node "worker-3" is untainted "critical:NoExecute"',
    area: 'nodes',
    doc: 'kubectl taint nodes <node> key:Effect- (removes the taint).',
    footprint: () => ({ alone: 'untaints a shared node' }),
    async run({ args: [node, text] }) {
      const [key = '', effect] = String(text).replace(/-$/, '').split(':');
      await updateFromFresh(this.driver, { kind: 'Node', name: node as string }, (current) => {
        const left = (current.spec?.taints ?? []).filter((t: any) => !(t.key === key.split('=')[0] && (!effect || t.effect === effect)));
        return { spec: { taints: left.length ? left : null } };
      }, `node "${node}"`);
    },
  },
);

steps.push({
  pattern: 'node {string} has no taints',
  example: 'Then node "worker-2" has no taints within 30s',
  area: 'nodes',
  doc: 'spec.taints is empty.',
  eventual: 'optional',
  async run({ args: [node], within }) {
    await check(this.driver, `node "${node}" to have no taints`, within, async () => {
      const n = await this.driver.get({ kind: 'Node', name: node as string });
      const taints: any[] = n?.spec?.taints ?? [];
      return taints.length === 0 ? pass : fail(`node "${node}" has taints ${taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join(', ')}`);
    });
  },
});

steps.push({
  pattern: '{int} pod(s) labelled {string} run(s) on node {string}',
  example: 'Then 2 pods labelled "app=api" run on node "worker-1"',
  area: 'nodes',
  doc: 'Counts the pods matching the selector (terminating ones aside) bound to the node.',
  eventual: 'optional',
  async run({ args: [count, selector, node], within }) {
    await check(this.driver, `${count} pods labelled ${selector} on node "${node}"`, within, async () => {
      const pods = (await this.driver.list('Pod', { labelSelector: selector as string })).filter((p) => !p.metadata.deletionTimestamp && p.spec?.nodeName === node);
      return pods.length === count ? pass : fail(`${pods.length} pods labelled ${selector} on node "${node}": ${pods.map((p) => p.metadata.name).join(', ') || 'none'}`);
    });
  },
});

/** Hands a static pod change to the driver, or skips the scenario on a driver that cannot make it. */

steps.push(
  {
    pattern: 'the following static pod manifest is placed on node {string}:',
    example: 'Given the following static pod manifest is placed on node "worker-1":\n  """yaml\n  apiVersion: v1\n  kind: Pod\n  metadata: {name: static-web}\n  spec:\n    containers: [{name: web, image: nginx:1.27}]\n  """',
    area: 'nodes',
    doc: "Writes the Pod manifest into the node's staticPodPath (replacing one of that name): that node's kubelet runs it without the scheduler, and keeps a mirror pod `<name>-<node>` in the API. Simulator only.",
    needs: ['static-pods'],
    footprint: () => ({ alone: 'runs a static pod on a shared node' }),
    async run({ args: [node], docString }) {
      const manifests = this.manifestsFrom(docString);
      if (manifests.length !== 1) throw new UserError(`${this.place?.uri}:${this.place?.line}: a static pod manifest is one Pod`);
      await withCapability(this.driver, 'static-pods').placeStaticPod(node as string, manifests[0]!);
    },
  },
  {
    pattern: 'the static pod manifest {string} is removed from node {string}',
    example: 'When the static pod manifest "static-web" is removed from node "worker-1"',
    area: 'nodes',
    doc: "Deletes the manifest from the node's staticPodPath: the kubelet stops the pod and its mirror pod goes. Simulator only.",
    needs: ['static-pods'],
    footprint: () => ({ alone: 'removes a static pod from a shared node' }),
    async run({ args: [name, node] }) {
      await withCapability(this.driver, 'static-pods').removeStaticPod(node as string, name as string);
    },
  },
);

steps.push({
  pattern: 'a cluster autoscaler manages node group {string} of {int} to {int} nodes',
  example: 'Given a cluster autoscaler manages node group "pool" of 1 to 5 nodes',
  area: 'nodes',
  doc: "A node group of kind-sized workers (<group>-1, -2, ...) starting at its min size, with a simulated Cluster Autoscaler: Unschedulable pods that fit a new node add nodes (ready after 60s), nodes under 50 % requested for 10 minutes whose pods can move are drained and removed. Simulator only.",
  needs: ['node-autoscaling'],
  async run({ args: [name, min, max] }) {
    if ((min as number) < 0 || (max as number) < (min as number)) throw new UserError(`node group "${name}": min ${min} and max ${max} must satisfy 0 ≤ min ≤ max`);
    await withCapability(this.driver, 'node-autoscaling').autoscaleNodeGroup({ name: name as string, min: min as number, max: max as number });
  },
});
