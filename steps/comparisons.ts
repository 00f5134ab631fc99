import { check, countBound, fail, ownedBy, pass, type BoundWord, type CountBound, type Driver, type StepSpec, type Verdict } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/**
 * Counts compared with a number: "at least N", "at most N", "more than N", "fewer than N" (the
 * `{bound}` parameter) beside the exact steps, for ready replicas, pods, endpoints, restarts and
 * events. The looks are shared with the over-time steps (steps/over-time.ts).
 */

/** status.readyReplicas against the bound; `exactly` also wants status.replicas and a current status, as "has N ready replicas". */
export function readyReplicasLook(driver: Driver, kind: string, name: string, bound: CountBound): () => Promise<Verdict> {
  const subject = `${kind} "${name}"`;
  return async () => {
    const obj = await driver.get({ kind, name });
    if (!obj) return fail(`${subject} not found`);
    const s = obj.status ?? {};
    const ready = s.readyReplicas ?? 0;
    const current = (s.observedGeneration ?? 0) >= (obj.metadata.generation ?? 0);
    const ok = bound.word === 'exactly' ? current && (s.replicas ?? 0) === bound.n && ready === bound.n : bound.holds(ready);
    return ok ? pass : fail(`${subject} has ${ready} ready of ${s.replicas ?? 0} replicas (observedGeneration ${s.observedGeneration ?? 0}, generation ${obj.metadata.generation ?? 0}), not ${bound.text}`);
  };
}

/** Endpoints with condition ready=true in the Service's EndpointSlices, against the bound. */
export function readyEndpointsLook(driver: Driver, service: string, bound: CountBound): () => Promise<Verdict> {
  return async () => {
    const slices = await driver.list('EndpointSlice', { labelSelector: `kubernetes.io/service-name=${service}` });
    const all = slices.flatMap((s) => s.endpoints ?? []);
    const ready = all.filter((e: any) => e.conditions?.ready).length;
    return bound.holds(ready) ? pass : fail(`service "${service}" has ${ready} ready endpoints (${all.length} in total), not ${bound.text}`);
  };
}

const bound = (word: unknown, n: unknown, subject: string) => countBound(word as BoundWord, n as number, subject);
/** The count a step form states: `has N …` (exactly) or `has at least N …` (its bound word first). */
const boundOf = (form: 'exactly' | 'bound', args: unknown[], subject: string) => (form === 'exactly' ? countBound('exactly', args[2] as number, subject) : bound(args[2], args[3], subject));

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: '{kind} {string} has {bound} {int} ready replica(s)',
    example: 'Then Deployment "web" has at least 2 ready replicas within 1 minute',
    area: 'workloads',
    doc: 'status.readyReplicas compared with N: at least, at most, more than, fewer than (whatever status.replicas is).',
    eventual: 'optional',
    precheck: ({ args: [, , word, n] }) => void bound(word, n, 'ready replicas'),
    async run({ args: [kind, name, word, n], within }) {
      const b = bound(word, n, 'ready replicas');
      await check(this.driver, `${kind} "${name}" to have ${b.text} ready replicas`, within, readyReplicasLook(this.driver, kind as string, name as string, b));
    },
  },
  {
    pattern: 'there are {bound} {int} {word} pods labelled {string}',
    example: 'Then there are at most 3 Running pods labelled "app=api"',
    area: 'pods',
    doc: 'Counts pods matching a label selector in a phase (terminating pods are not counted) and compares the count with N.',
    eventual: 'optional',
    precheck: ({ args: [word, n, phase] }) => void bound(word, n, `${phase} pods`),
    async run({ args: [word, n, phase, selector], within }) {
      const b = bound(word, n, `${phase} pods`);
      await check(this.driver, `${b.text} ${phase} pods labelled ${selector}`, within, async () => {
        const pods = (await this.driver.list('Pod', { labelSelector: selector as string })).filter((p) => !p.metadata.deletionTimestamp);
        const matching = pods.filter((p) => p.status?.phase === phase);
        return b.holds(matching.length) ? pass : fail(`found ${matching.length} ${phase} pods labelled ${selector}, not ${b.text}: ${pods.map((p) => `${p.metadata.name} (${p.status?.phase ?? 'no phase'})`).join(', ') || 'none'}`);
      });
    },
  },
  ...(['exactly', 'bound'] as const).map((form): StepSpec<KubespecWorld> => ({
    pattern: form === 'exactly' ? '{kind} {string} has {int} pod(s)' : '{kind} {string} has {bound} {int} pod(s)',
    example: form === 'exactly' ? 'Then Job "pi" has 1 pod' : 'Then DaemonSet "agent" has at least 3 pods within 1 minute',
    area: 'workloads',
    doc: 'Counts the pods the object owns (through ownerReferences; a Deployment\'s through its ReplicaSets, a CronJob\'s through its Jobs), terminating ones aside.',
    eventual: 'optional',
    precheck: ({ args }) => void (boundOf(form, args, 'pods')),
    async run({ args, within }) {
      const [kind, name] = args as [string, string];
      const b = boundOf(form, args, 'pods');
      await check(this.driver, `${kind} "${name}" to have ${b.text} pods`, within, async () => {
        const owner = await this.driver.get({ kind, name });
        if (!owner) return fail(`${kind} "${name}" not found`);
        const pods = (await ownedBy(this.driver, 'Pod', owner)).objects;
        return b.holds(pods.length) ? pass : fail(`${kind} "${name}" has ${pods.length} pods, not ${b.text}: ${pods.map((p) => p.metadata.name).join(', ') || 'none'}`);
      });
    },
  })),
  {
    pattern: 'the pods of {kind} {string} are {phase}',
    example: 'Then the pods of Job "shards" are Succeeded within 2 minutes',
    area: 'workloads',
    doc: "Every pod the object owns (through ownerReferences, as \"has N pods\" counts them; terminating ones aside) is in the phase, and there is at least one.",
    eventual: 'optional',
    async run({ args: [kind, name, phase], within }) {
      await check(this.driver, `the pods of ${kind} "${name}" to be ${phase}`, within, async () => {
        const owner = await this.driver.get({ kind: kind as string, name: name as string });
        if (!owner) return fail(`${kind} "${name}" not found`);
        const pods = (await ownedBy(this.driver, 'Pod', owner)).objects;
        const other = pods.filter((p) => p.status?.phase !== phase);
        if (pods.length === 0) return fail(`${kind} "${name}" has no pods`);
        return other.length === 0 ? pass : fail(`not ${phase}: ${other.map((p) => `${p.metadata.name} (${p.status?.phase ?? 'no phase'})`).join(', ')}`);
      });
    },
  },
  {
    pattern: 'service {string} has {bound} {int} ready endpoint(s)',
    example: 'Then service "web" has at least 1 ready endpoint',
    area: 'networking',
    doc: 'Counts endpoints with condition ready=true in the EndpointSlices of the Service and compares the count with N.',
    eventual: 'optional',
    precheck: ({ args: [, word, n] }) => void bound(word, n, 'ready endpoints'),
    async run({ args: [svc, word, n], within }) {
      const b = bound(word, n, 'ready endpoints');
      await check(this.driver, `service "${svc}" to have ${b.text} ready endpoints`, within, readyEndpointsLook(this.driver, svc as string, b));
    },
  },
  ...(['exactly', 'bound'] as const).map((form): StepSpec<KubespecWorld> => ({
    pattern: form === 'exactly' ? 'pod {string} has restarted {int} time(s)' : 'pod {string} has restarted {bound} {int} time(s)',
    example: form === 'exactly' ? 'Then pod "web-0" has restarted 2 times within 2 minutes' : 'Then pod "web-0" has restarted at most 1 time',
    area: 'pods',
    doc: "The restartCount of the pod's containers and init containers, summed (kubectl's RESTARTS column), compared with N.",
    eventual: 'optional',
    precheck: ({ args }) => void (form === 'exactly' ? countBound('exactly', args[1] as number, 'restarts') : bound(args[1], args[2], 'restarts')),
    async run({ args, within }) {
      const name = args[0] as string;
      const b = form === 'exactly' ? countBound('exactly', args[1] as number, 'restarts') : bound(args[1], args[2], 'restarts');
      await check(this.driver, `pod "${name}" to have restarted ${b.text} times`, within, async () => {
        const pod = await this.driver.get({ kind: 'Pod', name });
        if (!pod) return fail(`pod "${name}" not found`);
        const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
        const restarts = statuses.reduce((sum: number, c: any) => sum + (c.restartCount ?? 0), 0);
        return b.holds(restarts) ? pass : fail(`pod "${name}" has restarted ${restarts} times (${statuses.map((c: any) => `${c.name}: ${c.restartCount ?? 0}`).join(', ') || 'no container statuses'}), not ${b.text}`);
      });
    },
  })),
  ...(['exactly', 'bound'] as const).map((form): StepSpec<KubespecWorld> => ({
    pattern: form === 'exactly' ? '{kind} {string} has {int} {word} event(s)' : '{kind} {string} has {bound} {int} {word} event(s)',
    example: form === 'exactly' ? 'Then pod "web-0" has 1 Scheduled event' : 'Then pod "crash" has at least 3 BackOff events within 5 minutes',
    area: 'events',
    doc: 'Counts the events about the object with that reason, as kubectl describe shows them (an event repeated 5 times, count 5, counts 5), and compares the count with N.',
    eventual: 'optional',
    precheck: ({ args }) => void (boundOf(form, args, 'events')),
    async run({ args, within }) {
      const [kind, name] = args as [string, string];
      const b = boundOf(form, args, 'events');
      const reason = (form === 'exactly' ? args[3] : args[4]) as string;
      await check(this.driver, `${kind} "${name}" to have ${b.text} ${reason} events`, within, async () => {
        const about = (await this.driver.events()).filter((e) => e.involvedObject?.kind === kind && e.involvedObject?.name === name);
        const count = about.filter((e) => e.reason === reason).reduce((sum: number, e: any) => sum + (e.series?.count ?? e.count ?? 1), 0);
        return b.holds(count) ? pass : fail(`${kind} "${name}" has ${count} ${reason} events, not ${b.text}; its events: ${about.map((e: any) => `${e.reason}${(e.count ?? 1) > 1 ? ` (x${e.count})` : ''}`).join(', ') || 'none'}`);
      });
    },
  })),
];
