import { check, fail, pass, statefulSetManifest, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'a StatefulSet {string} with {int} replica(s)',
    example: 'Given a StatefulSet "web" with 3 replicas',
    area: 'workloads',
    doc: 'Applies a StatefulSet running nginx with a headless Service of the same name, labelled app=<name>.',
    async run({ args: [name, replicas] }) {
      const manifests = statefulSetManifest(name as string, replicas as number);
      this.applied.push(...manifests);
      await this.driver.apply(manifests);
    },
  },
  {
    pattern: '{kind} {string} is scaled to {int}',
    example: 'When StatefulSet "web" is scaled to 1',
    area: 'workloads',
    doc: 'Sets spec.replicas through the scale subresource.',
    async run({ args: [kind, name, replicas] }) {
      await this.driver.scale({ kind: kind as string, name: name as string }, replicas as number);
    },
  },
  {
    pattern: '{kind} {string} has {int} ready replica(s)',
    example: 'Then StatefulSet "web" has 3 ready replicas within 2 minutes',
    area: 'workloads',
    doc: 'status.replicas and status.readyReplicas both equal N, for the current generation.',
    eventual: 'optional',
    async run({ args: [kind, name, count], within }) {
      const n = count as number;
      const subject = `${kind} "${name}"`;
      await check(this.driver, `${subject} to have ${n} ready replicas`, within, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${subject} not found`);
        const s = obj.status ?? {};
        const current = (s.observedGeneration ?? 0) >= (obj.metadata.generation ?? 0);
        if (current && (s.replicas ?? 0) === n && (s.readyReplicas ?? 0) === n) return pass;
        return fail(`${subject} has ${s.readyReplicas ?? 0} ready of ${s.replicas ?? 0} replicas (observedGeneration ${s.observedGeneration ?? 0}, generation ${obj.metadata.generation ?? 0})`);
      });
    },
  },
];
