import { check, fail, pass, type StepSpec } from '../src/index.ts';
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
