import { assertOrder, check, fail, pass, type StepSpec } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'pod {string} is deleted before pod {string}',
    example: 'Then pod "web-2" is deleted before pod "web-1"',
    area: 'pods',
    doc: 'Both pods are deleted (gone from the API), the first one first. Waits up to 5 minutes for the order to be decided.',
    eventual: 'always',
    defaultWithin: 5 * 60_000,
    async run({ args: [a, b], within }) {
      await assertOrder(this, 'Pod', a as string, b as string, 'deleted', within!);
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
