import { check, fail, KubespecAssertionError, labelPatch, pass, type StepSpec } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'there are {int} {word} pods labelled {string}',
    example: 'Then there are 4 Running pods labelled "app=api" within 1 minute',
    area: 'pods',
    doc: 'Counts pods matching a label selector in a phase (terminating pods are not counted).',
    eventual: 'optional',
    async run({ args: [count, phase, selector], within }) {
      await check(this.driver, `${count} ${phase} pods labelled ${selector}`, within, async () => {
        const pods = (await this.driver.list('Pod', { labelSelector: selector as string })).filter((p) => !p.metadata.deletionTimestamp);
        const matching = pods.filter((p) => p.status?.phase === phase);
        return matching.length === count ? pass : fail(`found ${matching.length} ${phase} pods labelled ${selector}: ${pods.map((p) => `${p.metadata.name} (${p.status?.phase ?? 'no phase'})`).join(', ') || 'none'}`);
      });
    },
  },
  {
    pattern: 'the pods labelled {string} are {string}',
    example: 'Then the pods labelled "app=web" are "web-0, web-1, web-2"',
    area: 'pods',
    doc: 'The names of the pods matching a label selector (not terminating), in any order.',
    eventual: 'optional',
    async run({ args: [selector, names], within }) {
      const want = String(names).split(',').map((n) => n.trim()).filter(Boolean).sort();
      await check(this.driver, `pods labelled ${selector} to be ${want.join(', ')}`, within, async () => {
        const got = (await this.driver.list('Pod', { labelSelector: selector as string })).filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name).sort();
        return got.join(',') === want.join(',') ? pass : fail(`pods labelled ${selector} are ${got.join(', ') || 'none'}`);
      });
    },
  },
];

/** The oldest pod matching a selector (creation time, then name): how a scenario names a pod with a random name. */
async function oldestPod(world: KubespecWorld, selector: string): Promise<string> {
  const pods = (await world.driver.list('Pod', { labelSelector: selector })).filter((p) => !p.metadata.deletionTimestamp);
  pods.sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || a.metadata.name.localeCompare(b.metadata.name));
  if (!pods[0]) throw new KubespecAssertionError(`no pod labelled ${selector}`);
  return pods[0].metadata.name;
}

steps.push(
  {
    pattern: 'there are {int} {word} pods',
    example: 'Then there are 4 Running pods within 1 minute',
    area: 'pods',
    doc: 'Counts all pods of the scenario in a phase (terminating pods are not counted).',
    eventual: 'optional',
    async run({ args: [count, phase], within }) {
      await check(this.driver, `${count} ${phase} pods`, within, async () => {
        const pods = (await this.driver.list('Pod')).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === phase);
        return pods.length === count ? pass : fail(`found ${pods.length} ${phase} pods: ${pods.map((p) => p.metadata.name).join(', ') || 'none'}`);
      });
    },
  },
  {
    pattern: 'the oldest pod labelled {string} is deleted',
    example: 'When the oldest pod labelled "app=nginx" is deleted',
    area: 'pods',
    doc: 'Deletes the earliest-created pod matching the selector (gracefully).',
    async run({ args: [selector] }) {
      await this.driver.delete({ kind: 'Pod', name: await oldestPod(this, selector as string) }, { propagationPolicy: 'Background' });
    },
  },
  {
    pattern: 'the oldest pod labelled {string} is labelled {string}',
    example: 'When the oldest pod labelled "app=nginx" is labelled "app-"',
    area: 'pods',
    doc: 'kubectl label on the earliest-created pod matching the selector ("key=value" sets, "key-" removes).',
    async run({ args: [selector, labels] }) {
      const name = await oldestPod(this, selector as string);
      await this.driver.patch({ kind: 'Pod', name }, { metadata: { labels: labelPatch(labels as string) } }, 'merge');
    },
  },
);
