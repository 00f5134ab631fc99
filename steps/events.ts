import { check, fail, KubespecAssertionError, pass, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: '{kind} {string} has a {word} event saying {string}',
    example: 'Then pod "big" has a FailedScheduling event saying "0/4 nodes are available: 3 Insufficient cpu"',
    area: 'events',
    doc: 'An event about the object with that reason whose message contains the text; in a pod\'s event, `<pod IP>` stands for the pod\'s current status.podIP (probe failures name it).',
    eventual: 'optional',
    async run({ args: [kind, name, reason, text], within }) {
      await check(this.driver, `a ${reason} event for ${kind} "${name}"`, within, async () => {
        const events = (await this.driver.events()).filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name);
        const withReason = events.filter((e) => e.reason === reason);
        const ip = kind === 'Pod' && String(text).includes('<pod IP>') ? (await this.driver.get({ kind: 'Pod', name: name as string }))?.status?.podIP : undefined;
        const wanted = ip ? String(text).replaceAll('<pod IP>', ip) : (text as string);
        if (withReason.some((e) => String(e.message).includes(wanted))) return pass;
        const seen = (withReason.length ? withReason : events).map((e) => `${e.reason}: ${e.message}`);
        return fail(`no ${reason} event for ${kind} "${name}" saying "${wanted}"; events: ${seen.join(' | ') || 'none'}`);
      });
    },
  },
  {
    pattern: 'pod {string} runs on node {string}',
    example: 'Then pod "gpu-job" runs on node "gpu-1"',
    area: 'pods',
    doc: 'The pod is bound to the node (spec.nodeName).',
    eventual: 'optional',
    async run({ args: [name, node], within }) {
      await check(this.driver, `pod "${name}" on node "${node}"`, within, async () => {
        const pod = await this.driver.get({ kind: 'Pod', name: name as string });
        if (!pod) return fail(`pod "${name}" not found`);
        return pod.spec?.nodeName === node ? pass : fail(`pod "${name}" is ${pod.spec?.nodeName ? `on node "${pod.spec.nodeName}"` : 'not scheduled'}`);
      });
    },
  },
];

steps.push({
  pattern: 'pod {string} was preempted',
  example: 'Then pod "low" was preempted',
  area: 'events',
  doc: 'The scheduler recorded a Preempted event for the pod (it may be gone by now).',
  async run({ args: [name] }) {
    const events = (await this.driver.events()).filter((e) => e.involvedObject?.kind === 'Pod' && e.involvedObject?.name === name && e.reason === 'Preempted');
    if (events.length === 0) throw new KubespecAssertionError(`no Preempted event for pod "${name}"`);
  },
});
