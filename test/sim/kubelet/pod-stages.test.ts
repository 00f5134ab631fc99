import { defaultKubernetesVersion, parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VirtualClock } from '../../../src/sim/clock.ts';
import type { ContainerRuntime, PodRuntime } from '../../../src/sim/kubelet/pod-runtime.ts';
import { PHASE_RULES, POD_STAGES, type ActionName, type PodStage, type StageName } from '../../../src/sim/kubelet/pod-stages.ts';
import { CONDITIONS, PHASE_CONDITIONS, type StageContext } from '../../../src/sim/kubelet/stage-conditions.ts';
import { PLACEHOLDER_NAMES, render, StageEngine, templateText, UnknownStageError, type StageHost } from '../../../src/sim/kubelet/stage-engine.ts';

const stages: readonly PodStage[] = POD_STAGES;

test('every stage has a unique name and cites the upstream code it copies', () => {
  const names = stages.map((s) => s.name);
  assert.deepEqual(names.filter((n, i) => names.indexOf(n) !== i), []);
  for (const s of stages) assert.match(s.source, /pkg\/kubelet\/|containerd|reference\/kubelet\.md/, `${s.name}: source "${s.source}"`);
});

test('every condition and placeholder the table names exists', () => {
  for (const s of stages) {
    for (const c of s.when) assert.ok(c in CONDITIONS, `${s.name}: unknown condition ${c}`);
    for (const e of s.next) {
      if ('event' in e && e.onlyIf !== undefined) assert.ok(e.onlyIf in CONDITIONS, `${s.name}: unknown condition ${e.onlyIf}`);
      const templates = 'event' in e ? [e.event[2]] : 'waiting' in e ? [e.message] : 'failPod' in e ? [e.failPod.message] : [];
      // A versioned text is checked in each release's wording.
      for (const t of templates.flatMap((x) => ['1.32', '1.35', '1.36', '1.37'].map((v) => templateText(x, parseKubernetesVersion(v))))) {
        for (const [, name] of t.matchAll(/\{(\w+)\}/g)) assert.ok(PLACEHOLDER_NAMES.includes(name!), `${s.name}: unknown placeholder {${name}} in "${t}"`);
      }
    }
  }
});

test('within a group no stage hides behind one that always applies, and a chained group exists', () => {
  const groups = new Set(stages.map((s) => s.group));
  for (const group of groups) {
    const members = stages.filter((s) => s.group === group);
    const catchAll = members.findIndex((s) => s.when.length === 0);
    assert.ok(catchAll === -1 || catchAll === members.length - 1, `${group}: ${members[catchAll + 1]?.name} comes after the unconditional ${members[catchAll]?.name}`);
  }
  for (const s of stages) for (const e of s.next) if ('then' in e) assert.ok(groups.has(e.then), `${s.name}: then ${e.then} has no stages`);
});

/** A host that records events and action calls. */
function recordingHost(clock: VirtualClock) {
  const log: string[] = [];
  const actions = new Proxy({} as Record<ActionName, (x: StageContext) => void>, {
    get: (_, name) => () => { log.push(`call ${String(name)}`); },
  });
  const host: StageHost = {
    clock,
    version: defaultKubernetesVersion(),
    event: (_pod, type, reason, message) => log.push(`event ${type} ${reason} ${message}`),
    current: () => true,
    failPod: (_x, reason, message) => log.push(`failPod ${reason} ${message}`),
    podCondition: (_x, c) => log.push(`condition ${c.type} ${c.reason} ${c.message}`),
    actions,
  };
  return { host, log };
}

function crashedContainer(over: Partial<ContainerRuntime> = {}): ContainerRuntime {
  return {
    name: 'app', image: 'busybox:1.36', init: false, sidecar: false, behavior: { exitCode: 1, runsFor: 2000 } as any,
    state: 'running', waitingReason: 'ContainerCreating', restartCount: 1, pulled: true, startedAt: 5_000, ...over,
  };
}

function contextFor(c: ContainerRuntime, now: number, facts: StageContext['facts'] = {}): StageContext {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u1' }, spec: { containers: [{ name: 'app' }] } } as any;
  const rt = { uid: 'u1', sandboxReadyAt: 1000, podIP: '10.244.0.2', startTime: 0, containers: [c], terminating: false, outagesSeen: 0 } as PodRuntime;
  return { pod, rt, c, now, facts };
}

test('an exit inside a live back-off entry: terminated, then CrashLoopBackOff with upstream texts, then Backoff.Next', () => {
  const clock = new VirtualClock();
  const { host, log } = recordingHost(clock);
  const c = crashedContainer({ backoff: 10_000, backoffUpdatedAt: 5_000 });
  const stage = new StageEngine(host).step('running-container', contextFor(c, 7_000, { exitAt: 7_000 }));
  assert.equal(stage?.name, 'exited');
  assert.equal(c.state, 'terminated');
  assert.equal(c.exitCode, 1);
  assert.equal(c.terminatedReason, 'Error');
  assert.equal(c.startAt, 17_000);
  assert.equal(c.waitingReason, 'CrashLoopBackOff');
  assert.equal(c.waitingMessage, 'back-off 10s restarting failed container=app pod=p_default(u1)');
  assert.deepEqual(log, ['event Warning BackOff Back-off restarting failed container app in pod p_default(u1)', 'call advanceBackOff']);
});

test('a first exit (no entry yet) restarts at once; restartPolicy Never leaves it terminated', () => {
  const clock = new VirtualClock();
  const { host, log } = recordingHost(clock);
  const engine = new StageEngine(host);
  const first = crashedContainer({ restartCount: 0 });
  engine.step('running-container', contextFor(first, 7_000, { exitAt: 7_000 }));
  assert.equal(first.startAt, 7_000);
  assert.deepEqual(log, ['call advanceBackOff']);
  const never = crashedContainer();
  const x = contextFor(never, 7_000, { exitAt: 7_000 });
  x.pod.spec.restartPolicy = 'Never';
  engine.step('running-container', x);
  assert.equal(never.state, 'terminated');
  assert.equal(never.startAt, undefined);
});

test('the OOM killer: 137 OOMKilled, whatever the process would have exited with', () => {
  const { host } = recordingHost(new VirtualClock());
  const c = crashedContainer({ oomAt: 6_000, behavior: { exitCode: 0 } as any });
  assert.equal(new StageEngine(host).step('running-container', contextFor(c, 6_000, { exitAt: 6_000 }))?.name, 'oom-killed');
  assert.equal(c.exitCode, 137);
  assert.equal(c.terminatedReason, 'OOMKilled');
});

test('firing a stage the table does not have fails, naming the stages it has', () => {
  const { host } = recordingHost(new VirtualClock());
  const engine = new StageEngine(host);
  assert.throws(() => engine.fire('no-such-stage' as StageName, contextFor(crashedContainer(), 0)), (e: Error) => e instanceof UnknownStageError && /no pod stage named "no-such-stage" \(pod-stages\.ts has network-not-ready, /.test(e.message));
});

test('a stage whose conditions do not hold is not applied when fired', () => {
  const { host, log } = recordingHost(new VirtualClock());
  const c = crashedContainer({ state: 'waiting' });
  assert.equal(new StageEngine(host).fire('killed-by-kubelet', contextFor(c, 0, { at: 0 })), undefined);
  assert.equal(c.state, 'waiting');
  assert.deepEqual(log, []);
});

test('a template with a placeholder no one fills fails loudly', () => {
  assert.throws(() => render('Back-off {nonsense}', contextFor(crashedContainer(), 0), defaultKubernetesVersion()), /template "Back-off \{nonsense\}": no value for \{nonsense\}/);
  assert.equal(render('Started container {container}', contextFor(crashedContainer(), 0), defaultKubernetesVersion()), 'Started container app');
});

test('a text that changed between minors is rendered as the simulated release writes it', () => {
  const x = contextFor(crashedContainer(), 0);
  assert.equal(render({ versioned: 'kubelet.event.startedContainer' }, x, parseKubernetesVersion('1.32')), 'Started container app');
  assert.equal(render({ versioned: 'kubelet.event.startedContainer' }, x, parseKubernetesVersion('1.37')), 'Container started');
  assert.equal(render({ versioned: 'kubelet.event.createdContainer' }, x, parseKubernetesVersion('1.32')), 'Created container: app');
});

test('the phase rules: each cites getPhase or the kill path, names known conditions, and ends in the one catch-all (Pending)', () => {
  for (const r of PHASE_RULES) {
    assert.match(r.source, /pkg\/kubelet\//);
    for (const c of r.when) assert.ok(c in PHASE_CONDITIONS, `phase ${r.phase}: unknown condition ${c}`);
  }
  assert.deepEqual(PHASE_RULES.filter((r) => r.when.length === 0).map((r) => r.phase), ['Pending']);
  assert.equal(PHASE_RULES.at(-1)!.when.length, 0);
});

test('node-pressure eviction: failed, DisruptionTarget, the Evicted event, then the status, in that order', () => {
  const { host, log } = recordingHost(new VirtualClock());
  const x = contextFor(crashedContainer(), 8_001, { message: 'The node was low on resource: memory. ' });
  delete x.c;
  assert.equal(new StageEngine(host).fire('evicted-for-node-pressure', x)?.name, 'evicted-for-node-pressure');
  assert.deepEqual(log, [
    'failPod Evicted The node was low on resource: memory. ',
    'condition DisruptionTarget TerminationByKubelet The node was low on resource: memory. ',
    'event Warning Evicted The node was low on resource: memory. ',
    'call writeStatus',
  ]);
});

test('a probe failure is reported only while its run goes on and its timeline still has it', () => {
  const { host, log } = recordingHost(new VirtualClock());
  const engine = new StageEngine(host);
  const c = crashedContainer({ probes: { failures: [{ kind: 'liveness', at: 20_000 }] } as any });
  const facts = { at: 5_000, probe: 'liveness', probeMessage: "cat: can't open '/tmp/healthy': No such file or directory" };
  assert.equal(engine.fire('probe-failed', contextFor(c, 20_000, { ...facts }))?.name, 'probe-failed');
  assert.deepEqual(log, ["event Warning Unhealthy Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"]);
  assert.equal(engine.fire('probe-failed', contextFor(c, 25_000, { ...facts })), undefined, 'no failure at 25s in the timeline');
  assert.equal(engine.fire('probe-failed', contextFor(crashedContainer({ ...c, startedAt: 30_000 }), 20_000, { ...facts })), undefined, 'another run');
  assert.equal(log.length, 1);
});
