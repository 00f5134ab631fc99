/**
 * Each version difference the simulator models (issue 26), on a version before and after it: the
 * value comes from src/kube/kubernetes-versions.ts, so these fail if the code stops asking it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubernetesVersion, RELEASES } from '../src/kube/kubernetes-versions.ts';
import { renderBadValue } from '../src/kube/bad-value.ts';
import { SimCluster } from '../src/sim/cluster.ts';
import { preemptionSuccessMessage, fitErrorMessage } from '../src/sim/scheduler/fit-error.ts';
import { volumeBinding } from '../src/sim/scheduler/plugins/volume-binding.ts';
import { buildNodeInfos } from '../src/sim/scheduler/resources.ts';
import type { CycleContext } from '../src/sim/scheduler/framework.ts';
import { chooseKubernetesVersion, liveVersionMismatch, versionNotApplicable } from '../src/kubernetes-version-choice.ts';

const v = parseKubernetesVersion;

test('a cluster keeps its version (default 1.37) and its nodes and control-plane pods show it', () => {
  assert.equal(new SimCluster({ seed: 1 }).version.gitVersion, 'v1.37.2');
  for (const minor of ['1.32', '1.36'] as const) {
    const cluster = new SimCluster({ seed: 1, version: v(minor) });
    cluster.addNode({ name: 'cp', role: 'control-plane' });
    cluster.clock.advanceBy(5_000);
    assert.equal(cluster.store.get('Node', { name: 'cp' })!.status.nodeInfo.kubeletVersion, RELEASES[minor].gitVersion);
    const apiserver = cluster.store.list('Pod', { namespace: 'kube-system' }).find((p) => p.metadata.labels?.component === 'kube-apiserver');
    assert.equal(apiserver?.spec.containers[0].image, `registry.k8s.io/kube-apiserver:${RELEASES[minor].gitVersion}`);
  }
});

test('scheduler.preemption.successMessage: nothing up to 1.36, node and victims from 1.37', () => {
  assert.equal(preemptionSuccessMessage(v('1.36'), 'worker-1', 2), '');
  assert.equal(preemptionSuccessMessage(v('1.37'), 'worker-1', 2), 'found a potential placement for pod on node worker-1, preempting 2 victims');
  const statuses = new Map([['worker-1', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }]]);
  assert.equal(fitErrorMessage(v('1.36'), 1, statuses, { found: preemptionSuccessMessage(v('1.36'), 'worker-1', 1) }), '0/1 nodes are available: 1 Insufficient cpu.');
  assert.equal(fitErrorMessage(v('1.37'), 1, statuses, { found: preemptionSuccessMessage(v('1.37'), 'worker-1', 1) }), '0/1 nodes are available: 1 Insufficient cpu. preemption: found a potential placement for pod on node worker-1, preempting 1 victims');
});

test('scheduler.postFilter.dynamicResourcesReason: on 1.35 and 1.36 DynamicResources\' PostFilter speaks before preemption when nothing made room', () => {
  const statuses = new Map([['worker-1', { code: 'Unschedulable' as const, reasons: ['Insufficient cpu'] }]]);
  const none = '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
  assert.equal(fitErrorMessage(v('1.32'), 1, statuses), none);
  assert.equal(fitErrorMessage(v('1.35'), 1, statuses), '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  assert.equal(fitErrorMessage(v('1.36'), 1, statuses, { refused: 'not eligible due to preemptionPolicy=Never.' }), '0/1 nodes are available: 1 Insufficient cpu. no new claims to deallocate, preemption: not eligible due to preemptionPolicy=Never.');
  assert.equal(fitErrorMessage(v('1.37'), 1, statuses), none);
  // Preemption that found room ends the PostFilter plugins: what DynamicResources said is dropped.
  assert.equal(fitErrorMessage(v('1.35'), 1, statuses, { found: '' }), '0/1 nodes are available: 1 Insufficient cpu.');
});

test('scheduler.volumeBinding.nodeConflictReason: the 1.32 text, and the 1.33 one on later versions', () => {
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { 'kubernetes.io/hostname': 'n1' } } as any, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } };
  const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['elsewhere'] }] }] } } } };
  const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default' }, spec: { volumeName: 'pv' }, status: { phase: 'Bound' } };
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' } as any, spec: { containers: [{ name: 'c' }], volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }] } };
  const infos = buildNodeInfos([node as any], []);
  const reason = (minor: string) => {
    const ctx = { nodes: infos, claim: () => pvc, volume: () => pv, storageClass: () => undefined, volumes: () => [pv], version: v(minor) } as unknown as CycleContext;
    return volumeBinding.filter(pod as any, infos[0]!, volumeBinding.prepare(pod as any, ctx)).reasons;
  };
  assert.deepEqual(reason('1.32'), ['node(s) had volume node affinity conflict']);
  assert.deepEqual(reason('1.35'), ["node(s) didn't match PersistentVolume's node affinity"]);
});

test('api.validation.nonScalarBadValue: Go syntax on 1.32, JSON from 1.34', () => {
  const old = v('1.32');
  const now = v('1.35');
  assert.equal(renderBadValue(old, { type: '[]string', value: ['10.0.0.1'] }), '[]string{"10.0.0.1"}');
  assert.equal(renderBadValue(now, { type: '[]string', value: ['10.0.0.1'] }), '["10.0.0.1"]');
  assert.equal(renderBadValue(old, { type: 'map[string]string', value: { b: '2', a: '1' } }), 'map[string]string{"a":"1", "b":"2"}');
  assert.equal(renderBadValue(now, { type: 'map[string]string', value: { b: '2', a: '1' } }), '{"a":"1","b":"2"}');
  assert.equal(renderBadValue(now, { type: 'map[string]string', value: undefined }), 'null');
  assert.equal(renderBadValue(old, { type: 'intstr.IntOrString', value: 0 }), 'intstr.IntOrString{Type:0, IntVal:0, StrVal:""}');
  assert.equal(renderBadValue(old, { type: 'intstr.IntOrString', value: '0%' }), 'intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}');
  assert.equal(renderBadValue(now, { type: 'intstr.IntOrString', value: 0 }), '0');
  assert.equal(renderBadValue(now, { type: 'intstr.IntOrString', value: '0%' }), '"0%"');
});

test('api.service.clusterIPOutOfRange: "not in the valid range" on 1.32, "does not match the current range" from 1.33', () => {
  const refusal = (minor: string) => {
    const { store } = new SimCluster({ seed: 1, version: v(minor) });
    try {
      store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's', namespace: 'default' }, spec: { clusterIP: '10.0.0.1', ports: [{ port: 80 }] } });
    } catch (e) {
      return (e as Error).message;
    }
    return 'admitted';
  };
  assert.equal(refusal('1.32'), 'Service "s" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.1"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12');
  assert.equal(refusal('1.37'), 'Service "s" is invalid: spec.clusterIPs: Invalid value: ["10.0.0.1"]: failed to allocate IP 10.0.0.1: the provided network does not match the current range');
});

test('version tags: exact, or-later, or-earlier, several at once, and a malformed one', () => {
  assert.equal(versionNotApplicable(['@portable', '@kubernetes-1.37'], '1.37'), undefined);
  assert.match(versionNotApplicable(['@kubernetes-1.37'], '1.36', 'v1.36.3')!, /^not applicable on Kubernetes v1\.36\.3: the scenario is tagged @kubernetes-1\.37 \(its expectations hold for Kubernetes 1\.37\)/);
  assert.equal(versionNotApplicable(['@kubernetes-1.34+'], '1.35'), undefined);
  assert.match(versionNotApplicable(['@kubernetes-1.34+'], '1.32')!, /tagged @kubernetes-1\.34\+ \(its expectations hold for Kubernetes 1\.34 or later\)/);
  assert.equal(versionNotApplicable(['@kubernetes-1.36-'], '1.32'), undefined);
  assert.match(versionNotApplicable(['@kubernetes-1.36-'], '1.37')!, /1\.36 or earlier/);
  assert.equal(versionNotApplicable(['@kubernetes-1.35+', '@kubernetes-1.36-'], '1.36'), undefined);
  assert.ok(versionNotApplicable(['@kubernetes-1.35+', '@kubernetes-1.36-'], '1.37'));
  assert.match(versionNotApplicable(['@kubernetes-latest'], '1.37')!, /^tag @kubernetes-latest is not a Kubernetes version tag/);
  assert.equal(versionNotApplicable(['@kubernetes-1.37+'], '1.40'), undefined, 'a live cluster newer than the known minors');
});

test('a live run: a different minor is refused, the same minor (any patch) is not', () => {
  assert.equal(liveVersionMismatch(v('1.32'), { major: '1', minor: '32', gitVersion: 'v1.32.5' }, 'kubespec-reference'), undefined);
  assert.match(liveVersionMismatch(v('1.37'), { major: '1', minor: '32', gitVersion: 'v1.32.5' }, 'kubespec-reference')!.message,
    /^--kubernetes-version 1\.37: context "kubespec-reference" runs Kubernetes v1\.32\.5 \(minor 1\.32\); a live run uses the cluster's own version/);
  assert.equal(liveVersionMismatch(v('1.36'), { major: '1', minor: '36+', gitVersion: 'v1.36.1-gke.1' }, 'gke'), undefined);
  assert.equal(chooseKubernetesVersion(undefined).minor, '1.37');
  assert.throws(() => chooseKubernetesVersion('1.37.9'), { name: 'UserError', message: /only patch v1\.37\.2 of 1\.37 is modelled/ });
});

test('DeploymentReplicaSetTerminatingReplicas: status.terminatingReplicas from 1.35 (ReplicaSet and Deployment), absent on 1.32', () => {
  const statuses = (minor: string) => {
    const cluster = new SimCluster({ seed: 1, version: v(minor) });
    cluster.addNode({ name: 'w1' });
    cluster.store.create({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'registry.k8s.io/pause:3.10', lifecycle: { preStop: { sleep: { seconds: 20 } } } }] } } },
    });
    cluster.clock.advanceBy(30_000);
    const rs = () => cluster.store.list('ReplicaSet', { namespace: 'default' })[0]!;
    const deployment = () => cluster.store.get('Deployment', { namespace: 'default', name: 'web' })!;
    const settled = [rs().status.terminatingReplicas, deployment().status.terminatingReplicas];
    const pod = cluster.store.list('Pod', { namespace: 'default' })[0]!;
    cluster.store.delete('Pod', { namespace: 'default', name: pod.metadata.name });
    cluster.clock.advanceBy(1_000);
    const deleting = [rs().status.terminatingReplicas, deployment().status.terminatingReplicas];
    return { settled, deleting };
  };
  assert.deepEqual(statuses('1.32'), { settled: [undefined, undefined], deleting: [undefined, undefined] });
  assert.deepEqual(statuses('1.35'), { settled: [0, 0], deleting: [1, 1] });
});

test('served kinds: MutatingAdmissionPolicy from 1.36, ClusterTrustBundle from 1.37, and discovery lists their group versions', async () => {
  const { groupList } = await import('../src/serve/discovery.ts');
  const served = (minor: string) => {
    const { store } = new SimCluster({ seed: 1, version: v(minor) });
    const groups = (groupList(store.kinds()) as { groups: Array<{ name: string; versions: Array<{ groupVersion: string }> }> }).groups;
    return {
      map: store.kindInfo('MutatingAdmissionPolicy')?.apiVersion,
      ctb: store.kindInfo('ClusterTrustBundle')?.apiVersion,
      serviceCidr: store.kindInfo('ServiceCIDR'),
      admission: groups.find((g) => g.name === 'admissionregistration.k8s.io')?.versions.map((x) => x.groupVersion),
    };
  };
  assert.deepEqual(served('1.35'), { map: undefined, ctb: undefined, serviceCidr: undefined, admission: undefined });
  assert.deepEqual(served('1.36'), { map: 'admissionregistration.k8s.io/v1', ctb: undefined, serviceCidr: undefined, admission: ['admissionregistration.k8s.io/v1'] });
  assert.equal(served('1.37').ctb, 'certificates.k8s.io/v1');
  const { store } = new SimCluster({ seed: 1, version: v('1.35') });
  assert.throws(() => store.create({ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicy', metadata: { name: 'p' }, spec: {} }), { message: 'no matches for kind "MutatingAdmissionPolicy" in version "admissionregistration.k8s.io/v1"' });
});
