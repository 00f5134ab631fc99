import { countBound, describeMismatches, fail, holdsThroughout, partialMatch, pass, type BoundWord, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';
import { readyEndpointsLook, readyReplicasLook } from './comparisons.ts';
import { steps as objectSteps } from './objects.ts';
import { steps as podSteps } from './pods.ts';
import { steps as workloadSteps } from './workloads.ts';

/**
 * Conditions that hold over a period ("stays Running for 2 minutes"): checked at every moment the
 * driver observes (each change in the simulator's virtual time; each watch event on a live
 * cluster), failing with the moment and state it broke; and "still …", readability aliases of
 * checks made now.
 */

const podPhase = (world: KubespecWorld, name: string, phase: string) => async () => {
  const pod = await world.driver.get({ kind: 'Pod', name });
  if (!pod) return fail(`pod "${name}" not found`);
  const actual = pod.status?.phase ?? '(no phase yet)';
  return actual === phase ? pass : fail(`pod "${name}" is ${actual}, not ${phase}`);
};

const podReady = (world: KubespecWorld, name: string) => async () => {
  const pod = await world.driver.get({ kind: 'Pod', name });
  if (!pod) return fail(`pod "${name}" not found`);
  const c = (pod.status?.conditions ?? []).find((x: any) => x.type === 'Ready');
  return c?.status === 'True' ? pass : fail(`pod "${name}" is not ready${c?.reason ? ` (${c.reason})` : ''}${c?.message ? `: ${c.message}` : ''}`);
};

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'pod {string} stays/remains {phase} for {duration}',
    example: 'Then pod "web-0" stays Running for 2 minutes',
    area: 'time',
    doc: "The pod's status.phase is the given phase now and at every moment observed for that long (virtual time on the simulator); fails at the first moment it is not, saying when and what it was.",
    async run({ args: [name, phase, ms] }) {
      await holdsThroughout(this.driver, `pod "${name}" to stay ${phase}`, ms as number, podPhase(this, name as string, phase as string));
    },
  },
  {
    pattern: 'pod {string} stays/remains ready for {duration}',
    example: 'Then pod "web-0" stays ready for 1 minute',
    area: 'time',
    doc: 'The pod condition Ready is True now and at every moment observed for that long.',
    async run({ args: [name, ms] }) {
      await holdsThroughout(this.driver, `pod "${name}" to stay ready`, ms as number, podReady(this, name as string));
    },
  },
  {
    pattern: '{kind} {string} keeps {int} ready replica(s) for {duration}',
    example: 'Then Deployment "web" keeps 3 ready replicas for 5 minutes',
    area: 'time',
    doc: 'As "has N ready replicas" (status.replicas and status.readyReplicas both N, for the current generation) now and at every moment observed for that long.',
    precheck: ({ args: [, , n] }) => void countBound('exactly', n as number, 'ready replicas'),
    async run({ args: [kind, name, n, ms] }) {
      const b = countBound('exactly', n as number, 'ready replicas');
      await holdsThroughout(this.driver, `${kind} "${name}" to keep ${n} ready replicas`, ms as number, readyReplicasLook(this.driver, kind as string, name as string, b));
    },
  },
  {
    pattern: '{kind} {string} keeps {bound} {int} ready replica(s) for {duration}',
    example: 'Then Deployment "web" keeps at least 2 ready replicas for 3 minutes',
    area: 'time',
    doc: 'status.readyReplicas compared with N (at least, at most, more than, fewer than) now and at every moment observed for that long: what a rollout or a disruption must not break.',
    precheck: ({ args: [, , word, n] }) => void countBound(word as BoundWord, n as number, 'ready replicas'),
    async run({ args: [kind, name, word, n, ms] }) {
      const b = countBound(word as BoundWord, n as number, 'ready replicas');
      await holdsThroughout(this.driver, `${kind} "${name}" to keep ${b.text} ready replicas`, ms as number, readyReplicasLook(this.driver, kind as string, name as string, b));
    },
  },
  {
    pattern: 'service {string} keeps {bound} {int} ready endpoint(s) for {duration}',
    example: 'Then service "web" keeps at least 1 ready endpoint for 2 minutes',
    area: 'time',
    doc: "The Service's ready endpoints (EndpointSlices, condition ready=true) compared with N now and at every moment observed for that long: no moment without a backend.",
    precheck: ({ args: [, word, n] }) => void countBound(word as BoundWord, n as number, 'ready endpoints'),
    async run({ args: [svc, word, n, ms] }) {
      const b = countBound(word as BoundWord, n as number, 'ready endpoints');
      await holdsThroughout(this.driver, `service "${svc}" to keep ${b.text} ready endpoints`, ms as number, readyEndpointsLook(this.driver, svc as string, b));
    },
  },
  {
    pattern: '{kind} {string} keeps matching for {duration}:',
    example: 'Then ConfigMap "settings" keeps matching for 10 minutes:\n  """yaml\n  data: {level: debug}\n  """',
    area: 'time',
    doc: 'As "{kind} {string} matches:" (a partial match of the YAML) now and at every moment observed for that long.',
    async run({ args: [kind, name, ms], docString }) {
      const expected = this.yamlFrom(docString);
      const subject = `${kind} "${name}"`;
      await holdsThroughout(this.driver, `${subject} to keep matching`, ms as number, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${subject} not found`);
        const mismatches = partialMatch(expected, obj);
        return mismatches.length === 0 ? pass : fail(describeMismatches(subject, mismatches));
      });
    },
  },
];

/** "still …": the check of an existing step, made now (no `within`), worded for a Then after a change. */
function still(base: readonly StepSpec<KubespecWorld>[], pattern: string, alias: string, example: string): StepSpec<KubespecWorld> {
  const spec = base.find((s) => s.pattern === pattern);
  if (!spec) throw new Error(`no step "${pattern}" to alias`);
  return { pattern: alias, example, area: spec.area, doc: `As "${pattern}", checked now: reads better after a change that should not have touched it.`, run: spec.run, ...(spec.precheck ? { precheck: spec.precheck } : {}), ...(spec.judgedByModel ? { judgedByModel: spec.judgedByModel } : {}) };
}

steps.push(
  still(podSteps, 'pod {string} is {phase}', 'pod {string} is still {phase}', 'Then pod "web-0" is still Running'),
  still(podSteps, 'pod {string} is ready', 'pod {string} is still ready', 'Then pod "web-0" is still ready'),
  still(workloadSteps, '{kind} {string} has {int} ready replica(s)', '(the ){kind} {string} still has {int} ready replica(s)', 'Then the Deployment "web" still has 3 ready replicas'),
  still(objectSteps, '{kind} {string} exists', '{kind} {string} still exists', 'Then PersistentVolumeClaim "data-web-0" still exists'),
  still(objectSteps, '{kind} {string} matches:', '{kind} {string} still matches:', 'Then ConfigMap "settings" still matches:\n  """yaml\n  data: {level: debug}\n  """'),
);
