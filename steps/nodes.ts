import { drain, expectRefusal, KubespecAssertionError, oldestPodName, setCordoned, type StepSpec } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

const DRAIN_TIMEOUT = 5 * 60_000;

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'node {string} is cordoned',
    example: 'When node "worker-1" is cordoned',
    area: 'nodes',
    doc: 'kubectl cordon: no new pods are scheduled there; running pods stay.',
    async run({ args: [node] }) {
      await setCordoned(this.driver, node as string, true);
    },
  },
  {
    pattern: 'node {string} is uncordoned',
    example: 'When node "worker-1" is uncordoned',
    area: 'nodes',
    doc: 'kubectl uncordon.',
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
    async run({ args: [node], within }) {
      await drain(this.driver, node as string, within!);
    },
  },
  {
    pattern: 'node {string} cannot be drained within {duration}',
    example: 'Then node "worker-1" cannot be drained within 1 minute',
    area: 'nodes',
    doc: 'A drain that must fail, for example because a PodDisruptionBudget allows no disruption.',
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
    async run({ args: [selector, node] }) {
      const pods = (await this.driver.list('Pod', { labelSelector: selector as string })).filter((p) => !p.metadata.deletionTimestamp && p.spec?.nodeName === node);
      if (pods.length) throw new KubespecAssertionError(`pods labelled ${selector} on node "${node}": ${pods.map((p) => p.metadata.name).join(', ')}`);
    },
  },
);

