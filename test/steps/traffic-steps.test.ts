// The DNS, Service and reachability steps observe where the cluster can answer for real and keep
// their model, saying why, where it cannot (issue 31). A fake driver stands for the cluster; its
// probes answer as the probe pod would.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { steps as networking } from '../../steps/networking.ts';
import { steps as serviceTraffic } from '../../steps/service-traffic.ts';
import type { ConnectObservation, DnsObservation, KubeObject, StepSpec, TrafficProbes } from '../../src/step-kit.ts';

const ns = 'ks-a';
const svc = (name: string, clusterIP: string, ports: object[] = [{ port: 80 }], type = 'ClusterIP'): KubeObject => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: ns }, spec: { clusterIP, ports, type } });
const pod = (name: string, nodeName: string, ip: string, labels: Record<string, string> = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { nodeName, containers: [{ name: 'app', image: 'nginx:1.27' }] }, status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: 'True' }] },
});
const slice = (service: string, endpoints: Array<{ pod: string; ip: string; node: string }>): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: `${service}-x`, namespace: ns, labels: { 'kubernetes.io/service-name': service } },
  ports: [{ port: 80, protocol: 'TCP' }], endpoints: endpoints.map((e) => ({ addresses: [e.ip], nodeName: e.node, targetRef: { kind: 'Pod', name: e.pod, namespace: ns }, conditions: { ready: true } })),
});
const policy: KubeObject = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: ns }, spec: { podSelector: {}, policyTypes: ['Ingress'] } };

interface Cluster { objects: KubeObject[]; probes?: Partial<TrafficProbes> | string; enforcing?: string[] }

/** A world over a fake driver: what the steps note, and the probes they asked. */
function world(cluster: Cluster) {
  const asked: string[] = [];
  const given = typeof cluster.probes === 'object' ? cluster.probes : undefined;
  const probes: TrafficProbes | undefined = given && {
    nodesRunningContainers: ['worker-1'],
    nodesEnforcingNetworkPolicy: cluster.enforcing ?? [],
    lookup: async (name, from) => { asked.push(`lookup ${name}`); return given.lookup!(name, from); },
    connect: async (host, port, from) => { asked.push(`connect ${host}:${port} from ${from ?? '-'}`); return given.connect!(host, port, from); },
    connectFromItself: async (host, port, from) => { asked.push(`connect ${host}:${port} from ${from} itself`); return given.connectFromItself!(host, port, from); },
  };
  const driver = {
    name: 'live',
    namespace: () => ns,
    list: async (kind: string) => cluster.objects.filter((o) => o.kind === kind),
    get: async (ref: { kind: string; name: string }) => cluster.objects.find((o) => o.kind === ref.kind && o.metadata.name === ref.name),
    waitFor: async () => { throw new Error('not eventual here'); },
    ...(cluster.probes === undefined ? {} : { trafficProbes: async () => (typeof cluster.probes === 'string' ? { unavailable: cluster.probes } : probes!) }),
  };
  return { driver, place: { uri: 'features/x.feature', line: 7 }, modelJudged: new Set<string>(), trafficProbed: new Set<string>(), asked };
}

function stepOf(specs: StepSpec[], pattern: string): StepSpec {
  const s = specs.find((x) => x.pattern === pattern);
  assert.ok(s, pattern);
  return s;
}
const run = (spec: StepSpec, w: ReturnType<typeof world>, ...args: unknown[]) => spec.run.call(w, { args });

const answer = (a: DnsObservation) => async () => ({ ...a, from: 'the probe pod on worker-1' });
const connected = (c: ConnectObservation) => async () => ({ ...c, from: 'the probe pod on worker-1, standing in for pod "client" (no container of it has agnhost connect)' });

test('a DNS step observes where the cluster runs containers: the lookup decides, and the report says so, not "judged by model"', async () => {
  const step = stepOf(networking, 'the name {string} resolves to the cluster IP of service {string}');
  const w = world({ objects: [svc('web', '10.96.0.7')], probes: { lookup: answer({ answer: 'A', name: `web.${ns}.svc.cluster.local`, addresses: ['10.96.0.7'] }) } });
  await run(step, w, 'web', 'web');
  assert.deepEqual(w.asked, ['lookup web']);
  assert.deepEqual([...w.modelJudged], []);
  assert.deepEqual([...w.trafficProbed], ["features/x.feature:7 the name {string} resolves to the cluster IP of service {string}: observed by a DNS lookup (nslookup) from a pod in the scenario's namespace, here from the probe pod on worker-1"]);

  const wrong = world({ objects: [svc('web', '10.96.0.7')], probes: { lookup: answer({ answer: 'none', rcode: 'NXDOMAIN' }) } });
  await assert.rejects(run(step, wrong, 'web', 'web'), { message: '"web" resolves to nothing (NXDOMAIN), looked up from the probe pod on worker-1, not 10.96.0.7' });
});

test('without a node that runs containers the model answers, with the reason in both lists (the scenario goes to the real-node pass)', async () => {
  const step = stepOf(networking, 'the name {string} does not resolve');
  const w = world({ objects: [], probes: 'no node of this cluster runs containers (4 nodes: 4 KWOK, 0 not Ready)' });
  await run(step, w, 'nothing-here');
  assert.deepEqual([...w.modelJudged], ['features/x.feature:7 the name {string} does not resolve: judged by the cluster DNS model (no node of this cluster runs containers (4 nodes: 4 KWOK, 0 not Ready))']);
  assert.equal(w.trafficProbed.size, 1);
  const sim = world({ objects: [] });
  await run(step, sim, 'nothing-here');
  assert.match([...sim.modelJudged][0]!, /\(the live driver sends no traffic\)$/);
});

test('NetworkPolicy in play keeps the model where a node does not say it enforces policies, and sends the scenario to the real-node pass, whose nodes do', async () => {
  const step = stepOf(networking, 'pod {string} cannot reach pod {string} on port {int}');
  const w = world({ objects: [pod('client', 'worker-1', '10.244.0.2'), pod('db', 'worker-1', '10.244.0.3'), policy], probes: { connect: connected({ connected: true }) } });
  await run(step, w, 'client', 'db', 5432);
  assert.deepEqual(w.asked, []);
  const why = 'NetworkPolicy ks-a/deny in play, and pod client is on worker-1, which does not say it enforces NetworkPolicy; pod db is on worker-1, which does not say it enforces NetworkPolicy';
  assert.deepEqual([...w.modelJudged], [`features/x.feature:7 pod {string} cannot reach pod {string} on port {int}: judged by the NetworkPolicy and kube-proxy model (${why})`]);
  assert.equal(w.trafficProbed.size, 1);
});

test('NetworkPolicy in play between enforcing nodes: the pod itself connects, and the connection decides', async () => {
  const step = stepOf(networking, 'pod {string} cannot reach pod {string} on port {int}');
  const refused = async () => ({ connected: false as const, failure: 'REFUSED' as const, text: "nc: can't connect to remote host (10.244.0.3): Connection refused", from: 'pod "client"' });
  const w = world({ objects: [pod('client', 'worker-1', '10.244.0.2'), pod('db', 'worker-1', '10.244.0.3'), policy], probes: { connectFromItself: refused }, enforcing: ['worker-1'] });
  await run(step, w, 'client', 'db', 5432);
  assert.deepEqual(w.asked, ['connect 10.244.0.3:5432 from client itself']);
  assert.deepEqual([...w.modelJudged], []);
  assert.deepEqual([...w.trafficProbed], ['features/x.feature:7 pod {string} cannot reach pod {string} on port {int}: observed by a TCP connection (agnhost connect, or busybox nc from the pod itself), here from pod "client"']);
});

test('NetworkPolicy in play between enforcing nodes, but the pod cannot connect by itself: the model, on any cluster', async () => {
  const step = stepOf(networking, 'pod {string} cannot reach pod {string} on port {int}');
  const cannot = async () => ({ cannot: 'pod "client" (no container of it has agnhost or busybox nc)' });
  const w = world({ objects: [pod('client', 'worker-1', '10.244.0.2'), pod('db', 'worker-1', '10.244.0.3'), policy], probes: { connectFromItself: cannot }, enforcing: ['worker-1'] });
  await run(step, w, 'client', 'db', 5432);
  assert.match([...w.modelJudged][0]!, /the connection must come from pod "client" itself, which cannot make it: pod "client" \(no container of it has agnhost or busybox nc\)\)$/);
  assert.equal(w.trafficProbed.size, 0);
});

test('a Service reach step connects to the cluster IP from the client, unless an endpoint sits where no container runs', async () => {
  const step = stepOf(networking, 'pod {string} can reach service {string} on port {int}');
  const objects = [pod('client', 'worker-1', '10.244.0.2'), pod('web-1', 'worker-1', '10.244.0.5', { app: 'web' }), svc('web', '10.96.0.7')];
  const w = world({ objects: [...objects, slice('web', [{ pod: 'web-1', ip: '10.244.0.5', node: 'worker-1' }])], probes: { connect: connected({ connected: false, failure: 'REFUSED', text: 'REFUSED' }) } });
  await assert.rejects(run(step, w, 'client', 'web', 80), {
    message: 'pod "client" cannot reach service "web" on port 80: from the probe pod on worker-1, standing in for pod "client" (no container of it has agnhost connect), a connection to 10.96.0.7:80 failed: REFUSED',
  });
  assert.deepEqual(w.asked, ['connect 10.96.0.7:80 from client']);

  const onKwok = world({ objects: [...objects, slice('web', [{ pod: 'web-1', ip: '10.244.0.5', node: 'worker-1' }, { pod: 'web-2', ip: '10.244.1.5', node: 'worker-2' }])], probes: { connect: connected({ connected: true }) } });
  await run(step, onKwok, 'client', 'web', 80).catch(() => undefined);
  assert.deepEqual(onKwok.asked, []);
  assert.match([...onKwok.modelJudged][0]!, /\(service "web" has endpoints a connection would meet nothing at: pod web-2 on worker-2, which runs no container\)$/);
});

test('a NodePort step connects to the node\'s InternalIP where it runs containers, and keeps the model for a KWOK node', async () => {
  const answers = stepOf(serviceTraffic, 'node {string} answers on port {int} for service {string}');
  const node = (name: string, ip: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { addresses: [{ type: 'InternalIP', address: ip }] } });
  const objects = [node('worker-1', '10.250.128.2'), node('worker-2', '172.18.0.4'), pod('web-1', 'worker-1', '10.244.0.5', { app: 'web' }), svc('web-np', '10.96.0.9', [{ port: 80, nodePort: 31000 }], 'NodePort'), slice('web-np', [{ pod: 'web-1', ip: '10.244.0.5', node: 'worker-1' }])];
  const w = world({ objects, probes: { connect: connected({ connected: true }) } });
  await run(answers, w, 'worker-1', 31000, 'web-np');
  assert.deepEqual(w.asked, ['connect 10.250.128.2:31000 from -']);
  await assert.rejects(run(answers, w, 'worker-1', 31000, 'other'), { message: /^port 31000 of node "worker-1" belongs to service "web-np"/ });
  const kwok = world({ objects, probes: { connect: connected({ connected: true }) } });
  await run(answers, kwok, 'worker-2', 31000, 'web-np');
  assert.deepEqual(kwok.asked, []);
  assert.match([...kwok.modelJudged][0]!, /\(node "worker-2" runs no container, nor the kube-proxy that would answer there\)$/);
});

test('the steps about which endpoint a connection lands on keep the model on every cluster, and say why', () => {
  const landing = stepOf(serviceTraffic, 'connections from pod {string} to service {string} on port {int} reach {int} different pod(s)');
  assert.equal(landing.judgedByModel, 'the kube-proxy model (which endpoint and port a connection lands on is not visible from the client)');
  assert.equal(landing.observesTraffic, undefined);
});
