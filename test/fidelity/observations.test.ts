import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringify } from 'yaml';
import { eventDifferences, stateDifferences, transitionDifferences } from '../../src/fidelity/observations.ts';

test('events compare by type, reason and kind, without the kubelet reasons KWOK never reports', () => {
  const sim = 'Normal\tScheduled\tPod/web-0\tSuccessfully assigned\nNormal\tPulled\tPod/web-0\tpulled\nNormal\tSuccessfulCreate\tStatefulSet/web\tcreate Pod web-0\n';
  const real = 'Normal\tScheduled\tPod/web-0\tSuccessfully assigned\nWarning\tFailedCreate\tStatefulSet/web\tx\n';
  assert.deepEqual(eventDifferences(sim, real), [
    'event only on the simulator: Normal SuccessfulCreate on StatefulSet',
    'event only on the reference cluster: Warning FailedCreate on StatefulSet',
  ]);
});

test('pod lifecycles compare per normalised name, ignoring what happens between terminating and deleted', () => {
  const sim = '0s  pod web-b7k2x  created\n1s  pod web-b7k2x  scheduled\n5s  pod web-b7k2x  terminating\n6s  pod web-b7k2x  succeeded\n7s  pod web-b7k2x  deleted\n';
  const same = '0s  pod web-xz2k4  created\n2s  pod web-xz2k4  scheduled\n9s  pod web-xz2k4  terminating\n9s  pod web-xz2k4  deleted\n';
  assert.deepEqual(transitionDifferences(sim, same), []);
  const different = '0s  pod web-xz2k4  created\n';
  assert.deepEqual(transitionDifferences(sim, different), ['pod web-<random> lifecycle: simulator created → scheduled → terminating → deleted, reference created']);
});

test('final objects compare after normalising uids, times, IPs, namespaces and kubelet-only pod fields', () => {
  const pod = (ns: string, ip: string, extra: object) => ({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web-0', namespace: ns, uid: ns, resourceVersion: ip, creationTimestamp: '2026-01-01T00:00:00Z', ownerReferences: [{ kind: 'StatefulSet', name: 'web', uid: ns }] },
    spec: { nodeName: 'worker-1', enableServiceLinks: true },
    status: { podIP: ip, hostIPs: [{ ip }], conditions: [{ type: 'PodReadyToStartContainers', status: 'True' }], ...extra },
  });
  const sim = stringify(pod('default', '10.244.1.2', { qosClass: 'BestEffort' }));
  const real = stringify(pod('ks-x-1a2b3c', '10.0.0.7', { qosClass: 'Burstable' }));
  assert.deepEqual(stateDifferences(sim, real), ['Pod/web-0 status.qosClass: simulator "BestEffort", reference "Burstable"']);
  assert.deepEqual(stateDifferences(sim + '---\n' + stringify({ kind: 'Service', metadata: { name: 'kubernetes' } }), sim), []);
  assert.deepEqual(stateDifferences(sim, sim + '---\n' + stringify({ kind: 'ConfigMap', metadata: { name: 'kube-root-ca.crt' }, data: { 'ca.crt': '-----BEGIN CERTIFICATE-----\nx' } })),
    ['ConfigMap/kube-root-ca.crt only on the reference cluster']);
});

test('objects whose names normalise alike compare as a group, and hashes inside texts normalise', () => {
  const rs = (hash: string, ready: number) => ({ kind: 'ReplicaSet', metadata: { name: `web-${hash}` }, status: { readyReplicas: ready, message: `ReplicaSet "web-${hash}" has successfully progressed.` } });
  const sim = [rs('5d8f7c9b6d', 3), rs('7b9c4d5f68', 0)].map((o) => stringify(o)).join('---\n');
  const real = [rs('6c4f7d8b9z', 0), rs('68b7f9c4d2', 3)].map((o) => stringify(o)).join('---\n');
  assert.deepEqual(stateDifferences(sim, real), []);
  assert.deepEqual(stateDifferences(sim, stringify(rs('6c4f7d8b9z', 2))), [
    'ReplicaSet/web-<hash>: 2 on the simulator, 1 on the reference cluster',
    'ReplicaSet/web-<hash> status.readyReplicas: simulator 3, reference 2',
  ]);
});

test('a lifecycle that only got less far in what the kubelet reports is timing; one that was not scheduled is not', () => {
  const sim = '0s  pod api-v1  created\n0s  pod api-v1  scheduled\n';
  const ref = '0s  pod api-v1  created\n0s  pod api-v1  scheduled\n1s  pod api-v1  running\n1s  pod api-v1  ready\n';
  assert.deepEqual(transitionDifferences(sim, ref), []);
  assert.deepEqual(transitionDifferences('0s  pod api-v1  created\n', ref), ['pod api-v1 lifecycle: simulator created, reference created → scheduled → running → ready']);
  assert.deepEqual(transitionDifferences(`${ref}2s  pod api-v1  failed\n`, ref), ['pod api-v1 lifecycle: simulator created → scheduled → failed, reference created → scheduled → running → ready']);
});

test('which node the scheduler picked is not compared, how pods spread over nodes is; endpoint order and slice generations are not', () => {
  const pod = (name: string, node: string) => ({ kind: 'Pod', metadata: { name }, spec: { nodeName: node } });
  const yaml = (...objects: object[]) => objects.map((o) => stringify(o)).join('---\n');
  assert.deepEqual(stateDifferences(yaml(pod('web-5d8f7c9b6d-x2k9p', 'worker-1'), pod('web-5d8f7c9b6d-b7k2x', 'worker-2')), yaml(pod('web-6c4f7d8b9z-pwbl8', 'worker-3'), pod('web-6c4f7d8b9z-76jrr', 'worker-1'))), []);
  assert.deepEqual(stateDifferences(yaml(pod('web-5d8f7c9b6d-x2k9p', 'worker-1'), pod('web-5d8f7c9b6d-b7k2x', 'worker-1')), yaml(pod('web-6c4f7d8b9z-pwbl8', 'worker-3'), pod('web-6c4f7d8b9z-76jrr', 'worker-1'))),
    ['Pod/web-<hash>-<random> pods per node: simulator [2], reference [1,1]']);
  const slice = (generation: number, names: string[]) => ({ kind: 'EndpointSlice', metadata: { name: 'web-x2k9p', generation }, endpoints: names.map((n) => ({ targetRef: { name: n } })) });
  assert.deepEqual(stateDifferences(yaml(slice(3, ['web-0', 'web-1'])), yaml(slice(2, ['web-1', 'web-0']))), []);
});

test('a pod both sides left at different points of its start compares only what the control plane wrote', () => {
  const pod = (phase: string, ready: string, qosClass: string) => ({ kind: 'Pod', metadata: { name: 'solo' }, status: { phase, qosClass, podIP: '10.0.0.1', conditions: [{ type: 'PodScheduled', status: 'True' }, { type: 'Ready', status: ready }] } });
  assert.deepEqual(stateDifferences(stringify(pod('Pending', 'False', 'BestEffort')), stringify(pod('Running', 'True', 'BestEffort'))), []);
  assert.deepEqual(stateDifferences(stringify(pod('Pending', 'False', 'BestEffort')), stringify(pod('Running', 'True', 'Burstable'))), ['Pod/solo status.qosClass: simulator "BestEffort", reference "Burstable"']);
  // An outcome is not timing: a pod that failed on the simulator is a difference.
  assert.deepEqual(stateDifferences(stringify(pod('Failed', 'False', 'BestEffort')), stringify(pod('Running', 'True', 'BestEffort'))).slice(0, 2),
    ['Pod/solo status.phase: simulator "Failed", reference "Running"', 'Pod/solo status.conditions[type=Ready].status: simulator "False", reference "True"']);
});

test("the live driver's fenced nodes leave the scheduler's message as the scenario's own cluster would word it", async () => {
  const { withoutFencedNodes } = await import('../../src/fidelity/normalize.ts');
  assert.equal(withoutFencedNodes('0/4 nodes are available: 1 node(s) had untolerated taint {kubespec.io/not-in-scenario: true}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/4 nodes are available: 2 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.'),
    '0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn\'t match Pod\'s node affinity/selector. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
  assert.equal(withoutFencedNodes("0/4 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {kubespec.io/not-in-scenario: true}. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling."),
    "0/2 nodes are available: 1 node(s) didn't match pod anti-affinity rules, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.");
  assert.equal(withoutFencedNodes('0/4 nodes are available: 1 node(s) had untolerated taint {kubespec.io/not-in-scenario: true}, 3 Insufficient cpu. preemption: 0/4 nodes are available: 2 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.'),
    '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.');
});

test('a pod still terminating on one side is not compared: KWOK removes it at once', () => {
  const pod = (name: string, deleting: boolean) => ({ kind: 'Pod', metadata: { name, ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 } : {}) } });
  const yaml = (...objects: object[]) => objects.map((o) => stringify(o)).join('---\n');
  assert.deepEqual(stateDifferences(yaml(pod('api-5d8f7c9b6d-x2k9p', false), pod('api-5d8f7c9b6d-b7k2x', true)), yaml(pod('api-6c4f7d8b9z-pwbl8', false))), []);
});

test('a pod both sides saw end is compared by its end, not by the readiness KWOK leaves on it', () => {
  const done = (ready: string) => stringify({ kind: 'Pod', metadata: { name: 'pi-x2k9p' }, status: { phase: 'Succeeded', conditions: [{ type: 'Ready', status: ready }], containerStatuses: [{ name: 'main', ready: ready === 'True' }] } });
  assert.deepEqual(stateDifferences(done('False'), done('True')), []);
  const sim = '0s  pod pi-x2k9p  created\n0s  pod pi-x2k9p  scheduled\n1s  pod pi-x2k9p  running\n1s  pod pi-x2k9p  ready\n5s  pod pi-x2k9p  succeeded\n5s  pod pi-x2k9p  not-ready\n';
  const ref = '0s  pod pi-b7k2x  created\n0s  pod pi-b7k2x  scheduled\n0s  pod pi-b7k2x  running\n0s  pod pi-b7k2x  ready\n1s  pod pi-b7k2x  succeeded\n';
  assert.deepEqual(transitionDifferences(sim, ref), []);
  assert.deepEqual(transitionDifferences(sim, ref.replace('succeeded', 'failed')), ['pod pi-<random> lifecycle: simulator created → scheduled → succeeded, reference created → scheduled → failed']);
});

test("a name carrying the scenario's namespace compares with it replaced; a name that merely contains the word does not", () => {
  const claim = (ns: string, volume: string) => stringify({ kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: ns }, spec: { volumeName: volume, storageClassName: `local-${ns}` }, status: { phase: 'Bound' } });
  assert.deepEqual(stateDifferences(claim('default', 'ssd-10g-default'), claim('ks-a-claim-04b168', 'ssd-10g-ks-a-claim-04b168')), []);
  assert.deepEqual(stateDifferences(claim('default', 'ssd-10g-default'), claim('ks-a-claim-04b168', 'ssd-10g-other')),
    ['PersistentVolumeClaim/data spec.volumeName: simulator "ssd-10g-<namespace>", reference "ssd-10g-other"']);
});

test('a PreFilter failure compares without the cluster size; a Filter failure keeps its counts', () => {
  const pending = (nodes: number, why: string) => stringify({ kind: 'Pod', metadata: { name: 'app', namespace: 'ns' }, status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message: `0/${nodes} nodes are available: ${why}. preemption: 0/${nodes} nodes are available: ${nodes} Preemption is not helpful for scheduling.` }] } });
  assert.deepEqual(stateDifferences(pending(3, 'persistentvolumeclaim "data" not found'), pending(4, 'persistentvolumeclaim "data" not found')), []);
  assert.equal(stateDifferences(pending(3, '3 Insufficient cpu'), pending(4, '4 Insufficient cpu')).length, 1);
});

test("a Succeeded pod's Initialized reason, which only a kubelet writes, is not compared", () => {
  const done = (reason?: string) => stringify({ kind: 'Pod', metadata: { name: 'pi', namespace: 'ns' }, status: { phase: 'Succeeded', conditions: [{ type: 'Initialized', status: 'True', ...(reason ? { reason } : {}) }] } });
  assert.deepEqual(stateDifferences(done('PodCompleted'), done()), []);
  assert.equal(stateDifferences(done('PodCompleted'), stringify({ kind: 'Pod', metadata: { name: 'pi', namespace: 'ns' }, status: { phase: 'Succeeded', conditions: [{ type: 'Initialized', status: 'False' }] } })).length, 1);
});

test("what owners and endpoints derive from readiness follows a pod's readiness, which KWOK gives at once: compared only where both pods had finished starting", () => {
  const pod = (ready: boolean) => ({ kind: 'Pod', metadata: { name: 'web-5d8f7c9b6d-x2k9p', namespace: 'ns' }, spec: { nodeName: 'w1' }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
  const rs = (ready: number) => ({ kind: 'ReplicaSet', metadata: { name: 'web-5d8f7c9b6d', namespace: 'ns' }, spec: { replicas: 1 }, status: { replicas: 1, ...(ready ? { readyReplicas: ready } : {}) } });
  const doc = (...objects: object[]) => objects.map((o) => stringify(o)).join('---\n');
  // The simulator's pod still waits out its probe's initial delay; KWOK's is Ready.
  assert.deepEqual(stateDifferences(doc(pod(false), rs(0)), doc(pod(true), rs(1))), []);
  // Both pods started: the count is an outcome and compared.
  assert.deepEqual(stateDifferences(doc(pod(true), rs(0)), doc(pod(true), rs(1))), ['ReplicaSet/web-<hash> status.readyReplicas: simulator <missing>, reference 1']);
});

test("whether a short-lived pod was seen Running before it ended is the kubelet's timing; how it ended is compared", () => {
  const quick = '0s  pod pi-b7k2x  created\n0s  pod pi-b7k2x  scheduled\n3s  pod pi-b7k2x  succeeded\n';
  const kwok = '0s  pod pi-xz2k4  created\n0s  pod pi-xz2k4  scheduled\n0s  pod pi-xz2k4  running\n0s  pod pi-xz2k4  ready\n0s  pod pi-xz2k4  succeeded\n';
  assert.deepEqual(transitionDifferences(quick, kwok), []);
  assert.equal(transitionDifferences(quick, kwok.replace('succeeded', 'failed')).length, 1);
});

test("a transition seen twice in a row is the observer's replay; Job pods that ended do not compare their spread", () => {
  const once = '0s  pod web-1  created\n1s  pod web-1  scheduled\n5s  pod web-1  terminating\n6s  pod web-1  deleted\n';
  assert.deepEqual(transitionDifferences(once, `${once}7s  pod web-1  deleted\n`), []);
  const done = (node: string) => ({ kind: 'Pod', metadata: { name: 'batch-x2k9p', namespace: 'ns' }, spec: { nodeName: node }, status: { phase: 'Succeeded' } });
  const doc = (...nodes: string[]) => nodes.map((n) => stringify(done(n))).join('---\n');
  assert.deepEqual(stateDifferences(doc('a', 'b', 'c'), doc('a', 'a', 'b')), []);
  const running = (nodes: string[]) => nodes.map((n) => stringify({ ...done(n), status: { phase: 'Running' } })).join('---\n');
  assert.deepEqual(stateDifferences(running(['a', 'b', 'c']), running(['a', 'a', 'b'])), ['Pod/batch-<random> pods per node: simulator [1,1,1], reference [2,1]']);
});
