import { check, describeMismatches, describePeak, fail, KubespecAssertionError, labelPatch, oldestPodName, partialMatch, pass, peakOverlap, stateIntervals, UserError, type StepSpec } from '../src/step-kit.ts';
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
      await this.driver.delete({ kind: 'Pod', name: await oldestPodName(this.driver, selector as string) }, { propagationPolicy: 'Background' });
    },
  },
  {
    pattern: 'the oldest pod labelled {string} is labelled {string}',
    example: 'When the oldest pod labelled "app=nginx" is labelled "app-"',
    area: 'pods',
    doc: 'kubectl label on the earliest-created pod matching the selector ("key=value" sets, "key-" removes).',
    async run({ args: [selector, labels] }) {
      const name = await oldestPodName(this.driver, selector as string);
      await this.driver.patch({ kind: 'Pod', name }, { metadata: { labels: labelPatch(labels as string) } }, 'merge');
    },
  },
);

steps.push(
  {
    pattern: 'at most {int} pod(s) labelled {string} was/were {word} at the same time',
    example: 'Then at most 1 pod labelled "app=agent" was unready at the same time',
    area: 'pods',
    doc: 'An invariant read from the timeline, over the time since the latest When step began: the state is terminating or unready.',
    async run({ args: [most, selector, state] }) {
      if (state !== 'terminating' && state !== 'unready') throw new UserError(`"${state}" is not a pod state for this check (use terminating or unready)`);
      const peak = peakOverlap(stateIntervals(this.driver.timeline(), selector as string, state, this.driver.elapsed(), this.actionStartedAt));
      if (peak.count > (most as number)) throw new KubespecAssertionError(describePeak(selector as string, state, peak));
    },
  },
  {
    pattern: 'the oldest pod labelled {string} matches:',
    example: 'Then the oldest pod labelled "app=agent" matches:\n  """yaml\n  spec:\n    tolerations: [...]\n  """',
    area: 'pods',
    doc: 'Partial match (as "{kind} {string} matches:") against the earliest-created pod matching the selector.',
    eventual: 'optional',
    async run({ args: [selector], docString, within }) {
      const expected = this.yamlFrom(docString);
      await check(this.driver, `the oldest pod labelled ${selector} to match`, within, async () => {
        const name = await oldestPodName(this.driver, selector as string).catch((e: Error) => e);
        if (name instanceof Error) return fail(name.message);
        const mismatches = partialMatch(expected, await this.driver.get({ kind: 'Pod', name }));
        return mismatches.length ? fail(describeMismatches(`pod "${name}"`, mismatches)) : pass;
      });
    },
  },
);
