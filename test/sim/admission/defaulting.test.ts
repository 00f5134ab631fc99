import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get, pod, statefulSet } from '../helpers.ts';

// SetDefaults_Probe and SetDefaults_HTTPGetAction (pkg/apis/core/v1/defaults.go, k8s v1.32) and the generated gRPC service default.

test('probes nobody tuned get the API server defaults; what was written stays', () => {
  const c = clusterWith(0);
  c.store.create(pod('web', { containers: [{
    name: 'app', image: 'nginx:1.27',
    livenessProbe: { httpGet: { port: 80 } },
    readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 0 },
    startupProbe: { grpc: { port: 9000 }, initialDelaySeconds: 3 },
    lifecycle: { preStop: { httpGet: { port: 80, path: '/drain' } } },
  }] }));
  const c0 = get(c, 'Pod', 'web')!.spec.containers[0];
  assert.deepEqual(c0.livenessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c0.readinessProbe, { tcpSocket: { port: 80 }, periodSeconds: 5, failureThreshold: 3, timeoutSeconds: 1, successThreshold: 1 });
  assert.deepEqual(c0.startupProbe, { grpc: { port: 9000, service: '' }, initialDelaySeconds: 3, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c0.lifecycle.preStop.httpGet, { port: 80, path: '/drain', scheme: 'HTTP' });
});

// Defaults found by the fidelity run (simulator vs a real v1.32 API server), each from the upstream file named.

test('StatefulSet claim templates get apiVersion, kind, volumeMode and a Pending phase (apps/v1 conversion.go, SetObjectDefaults_StatefulSet)', () => {
  const c = clusterWith(0);
  c.store.create(statefulSet('db', 0, { volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] }));
  const claim = get(c, 'StatefulSet', 'db')!.spec.volumeClaimTemplates[0];
  assert.equal(claim.apiVersion, 'v1');
  assert.equal(claim.kind, 'PersistentVolumeClaim');
  assert.equal(claim.spec.volumeMode, 'Filesystem');
  assert.deepEqual(claim.status, { phase: 'Pending' });
});

test('a LoadBalancer Service allocates node ports unless told not to; other types get no such field (SetDefaults_Service)', () => {
  const c = clusterWith(0);
  const svc = (name: string, type: string, extra = {}) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { type, selector: { app: 'x' }, ports: [{ port: 80 }], ...extra } });
  c.store.create(svc('lb', 'LoadBalancer'));
  c.store.create(svc('lb-off', 'LoadBalancer', { allocateLoadBalancerNodePorts: false }));
  c.store.create(svc('np', 'NodePort'));
  assert.equal(get(c, 'Service', 'lb')!.spec.allocateLoadBalancerNodePorts, true);
  assert.equal(get(c, 'Service', 'lb-off')!.spec.allocateLoadBalancerNodePorts, false);
  assert.equal('allocateLoadBalancerNodePorts' in get(c, 'Service', 'np')!.spec, false);
});

test('a CronJob shows empty template metadata and an empty status, as the API serialises its structs', () => {
  const c = clusterWith(0);
  c.store.create({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'nightly', namespace: 'default' }, spec: { schedule: '0 0 * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } } } });
  const cj = get(c, 'CronJob', 'nightly')!;
  assert.deepEqual(cj.spec.jobTemplate.metadata, {});
  assert.deepEqual(cj.spec.jobTemplate.spec.template.metadata, {});
  assert.deepEqual(cj.status, {});
});

test('pod specs and templates carry the deprecated serviceAccount as a copy of serviceAccountName (core/v1 conversion.go)', () => {
  const c = clusterWith(0);
  const ds = (name: string, podSpec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name, namespace: 'default' }, spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...podSpec } } } });
  c.store.create(ds('named', { serviceAccountName: 'collector' }));
  c.store.create(ds('legacy', { serviceAccount: 'old-name' }));
  c.store.create(ds('none', {}));
  assert.equal(get(c, 'DaemonSet', 'named')!.spec.template.spec.serviceAccount, 'collector');
  assert.equal(get(c, 'DaemonSet', 'legacy')!.spec.template.spec.serviceAccountName, 'old-name');
  assert.equal(get(c, 'DaemonSet', 'legacy')!.spec.template.spec.serviceAccount, 'old-name');
  assert.equal('serviceAccount' in get(c, 'DaemonSet', 'none')!.spec.template.spec, false);
});

test('a Job gets manualSelector false and, having no labels, its template labels with the generated ones (SetDefaults_Job, generateSelector)', () => {
  const c = clusterWith(0);
  const job = (name: string, metadata = {}, templateLabels?: Record<string, string>) => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name, namespace: 'default', ...metadata }, spec: { template: { ...(templateLabels ? { metadata: { labels: templateLabels } } : {}), spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox:1.36' }] } } } });
  c.store.create(job('bare'));
  c.store.create(job('labelled', { labels: { team: 'a' } }, { app: 'x' }));
  const bare = get(c, 'Job', 'bare')!;
  assert.equal(bare.spec.manualSelector, false);
  assert.deepEqual(bare.metadata.labels, {
    'batch.kubernetes.io/controller-uid': bare.metadata.uid, 'batch.kubernetes.io/job-name': 'bare', 'controller-uid': bare.metadata.uid, 'job-name': 'bare',
  });
  assert.deepEqual(get(c, 'Job', 'labelled')!.metadata.labels, { team: 'a' });
});

test('a DaemonSet shows its template generation as an annotation: 1 at creation, one more per template change (daemonset strategy)', () => {
  const c = clusterWith(0);
  const KEY = 'deprecated.daemonset.template.generation';
  const ds = (image: string, annotations = {}) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default', annotations }, spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'c', image }] } } } });
  c.store.create(ds('nginx:1.27', { [KEY]: '7' }));
  assert.equal(get(c, 'DaemonSet', 'agent')!.metadata.annotations![KEY], '1');
  c.store.update({ ...ds('nginx:1.27'), metadata: { ...get(c, 'DaemonSet', 'agent')!.metadata, annotations: { note: 'x' } } });
  assert.equal(get(c, 'DaemonSet', 'agent')!.metadata.annotations![KEY], '1');
  c.store.update({ ...ds('nginx:1.28'), metadata: get(c, 'DaemonSet', 'agent')!.metadata });
  assert.equal(get(c, 'DaemonSet', 'agent')!.metadata.annotations![KEY], '2');
});

test('a new Ingress shows an empty load-balancer status, whatever was sent (ingress strategy PrepareForCreate)', () => {
  const c = clusterWith(0);
  c.store.create({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'web', namespace: 'default' }, spec: { rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] }, status: { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } } });
  assert.deepEqual(get(c, 'Ingress', 'web')!.status, { loadBalancer: {} });
});

test('configMap, secret, downwardAPI and projected volumes get defaultMode 420 unless they say (SetDefaults_*VolumeSource)', () => {
  const c = clusterWith(0);
  c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'vols', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }], volumes: [
    { name: 'a', configMap: { name: 'cm' } }, { name: 'b', secret: { secretName: 's', defaultMode: 256 } },
    { name: 'd', downwardAPI: { items: [] } }, { name: 'p', projected: { sources: [] } }, { name: 'e', emptyDir: {} },
  ] } });
  const volumes = c.store.get('Pod', { namespace: 'default', name: 'vols' })!.spec.volumes;
  assert.deepEqual(volumes.slice(0, 5).map((v: any) => v.configMap?.defaultMode ?? v.secret?.defaultMode ?? v.downwardAPI?.defaultMode ?? v.projected?.defaultMode), [420, 256, 420, 420, undefined]);
});
