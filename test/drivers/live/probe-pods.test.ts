// One scenario's probe pod (issue 31): made once on a node that runs containers, used where the
// named client cannot be, its failures kept, and gone at teardown.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isProbePod, PROBE_POD, ProbePods, type ProbeHost } from '../../../src/drivers/live/probe-pods.ts';
import { CANDIDATE_MARK } from '../../../src/drivers/live/pod-resolver.ts';
import type { KubeObject, Manifest, TrafficProbes } from '../../../src/drivers/driver.ts';

const readyNode = (name: string, kwok = false): KubeObject => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, annotations: kwok ? { 'kwok.x-k8s.io/node': 'fake' } : {} },
  status: { conditions: [{ type: 'Ready', status: 'True' }], images: [{ names: ['registry.k8s.io/e2e-test-images/agnhost:2.63.0'] }] },
});

/** A cluster of objects by name; applied pods run at once (or fail, for `failPods`); execs are recorded and answered. */
function fakeHost(nodes: KubeObject[], pods: KubeObject[] = [], options: { failPods?: boolean } = {}) {
  const objects = new Map(pods.map((p) => [p.metadata.name, p]));
  const execs: string[] = [];
  const deleted: string[] = [];
  const host: ProbeHost = {
    namespace: () => 'ks-x',
    list: async (kind) => (kind === 'Node' ? nodes : []),
    get: async (ref) => objects.get(ref.name),
    apply: async (manifests: Manifest[]) => manifests.map((m) => {
      const pod = { ...m, metadata: { ...m.metadata, name: m.metadata.name! }, status: options.failPods
        ? { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 2, reason: 'Error' } } }] }
        : { phase: 'Running', containerStatuses: [{ ready: true }] } } as KubeObject;
      objects.set(pod.metadata.name, pod);
      return pod;
    }),
    delete: async (ref) => { deleted.push(ref.name); objects.delete(ref.name); },
    exec: async (pod, container, command) => {
      execs.push(`${pod}/${container}: ${command.join(' ')}`);
      if (command.includes('connect')) return { stdout: '', stderr: 'REFUSED\n', exitCode: 1 };
      if (command[0] === 'cat') return { stdout: 'search ks-x.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n', stderr: '', exitCode: 0 };
      // The lookup script: CoreDNS knows web.ks-x.svc.cluster.local only.
      const names = [...command.at(-1)!.matchAll(/nslookup -type=a '([^']+)'/g)].map((m) => m[1]!);
      return { stdout: names.map((n) => `${CANDIDATE_MARK} ${n}\nServer:\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n${n === 'web.ks-x.svc.cluster.local.' ? `Name:\t${n}\nAddress: 10.96.0.7\nexit=0` : `** server can't find ${n}: NXDOMAIN\nexit=1`}\n`).join(''), stderr: '', exitCode: 0 };
    },
  };
  return { host, objects, execs, deleted };
}

const pod = (name: string, nodeName: string, image: string, phase = 'Running'): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { nodeName, containers: [{ name: 'app', image }] }, status: { phase },
});

test('a cluster of KWOK nodes has no probes, and says why', async () => {
  const { host, objects } = fakeHost([readyNode('worker-1', true)]);
  assert.deepEqual(await new ProbePods(host).probes(), { unavailable: 'no node of this cluster runs containers (1 node: 1 KWOK, 0 not Ready)' });
  assert.equal(objects.size, 0);
});

test('the probe pod runs agnhost on the chosen node, tolerating every taint, restricted, and hidden from the scenario by its label', async () => {
  const { host, objects } = fakeHost([readyNode('worker-1')]);
  const probes = await new ProbePods(host).probes() as TrafficProbes;
  assert.deepEqual(probes.nodesRunningContainers, ['worker-1']);
  const made = objects.get(PROBE_POD)!;
  assert.equal(made.spec.nodeName, 'worker-1');
  assert.deepEqual(made.spec.tolerations, [{ operator: 'Exists' }]);
  assert.equal(made.spec.containers[0].image, 'registry.k8s.io/e2e-test-images/agnhost:2.63.0');
  assert.deepEqual(made.spec.containers[0].args, ['pause']);
  assert.equal(made.spec.securityContext.runAsNonRoot, true);
  assert.equal(isProbePod(made), true);
  assert.equal(isProbePod({ kind: 'Pod', name: PROBE_POD }), true);
  assert.equal(isProbePod(pod('web', 'worker-1', 'nginx:1.27')), false);
});

test('a named client with agnhost on a node that runs containers connects itself; otherwise the probe pod stands in and says why', async () => {
  const { host, execs } = fakeHost([readyNode('worker-1'), readyNode('worker-2', true)], [
    pod('tools', 'worker-1', 'registry.k8s.io/e2e-test-images/agnhost:2.63.0'),
    pod('curl', 'worker-1', 'curlimages/curl:8.11.1'),
    pod('far', 'worker-2', 'registry.k8s.io/e2e-test-images/agnhost:2.63.0'),
  ]);
  const probes = await new ProbePods(host).probes() as TrafficProbes;
  assert.deepEqual(await probes.connect('10.96.0.7', 80, 'tools'), { connected: false, failure: 'REFUSED', text: 'REFUSED', from: 'pod "tools"' });
  assert.equal((await probes.connect('10.96.0.7', 80, 'curl')).from, 'the probe pod on worker-1, standing in for pod "curl" (no container of it has agnhost connect)');
  assert.equal((await probes.connect('10.96.0.7', 80, 'far')).from, 'the probe pod on worker-1, standing in for pod "far" (on worker-2, which runs no container)');
  assert.deepEqual(await probes.lookup('web'), { answer: 'A', name: 'web.ks-x.svc.cluster.local', addresses: ['10.96.0.7'], from: 'the probe pod on worker-1' });
  assert.deepEqual(execs.slice(0, -1), [
    'tools/app: /agnhost connect 10.96.0.7:80 --timeout 3s',
    `${PROBE_POD}/probe: /agnhost connect 10.96.0.7:80 --timeout 3s`,
    `${PROBE_POD}/probe: /agnhost connect 10.96.0.7:80 --timeout 3s`,
    `${PROBE_POD}/probe: cat /etc/resolv.conf`,
  ]);
  assert.match(execs.at(-1)!, new RegExp(`^${PROBE_POD}/probe: sh -c echo '${CANDIDATE_MARK} web.ks-x.svc.cluster.local.'; timeout 5 nslookup -type=a 'web.ks-x.svc.cluster.local.'`));
  assert.deepEqual(await probes.lookup('nope.ks-x'), { answer: 'none', rcode: 'NXDOMAIN', from: 'the probe pod on worker-1' });
});

test('a probe pod that does not start is the reason, kept for the scenario; teardown deletes the pod; a deleted one is made again', async () => {
  const failing = fakeHost([readyNode('worker-1')], [], { failPods: true });
  const probes = new ProbePods(failing.host);
  const why = 'the probe pod (registry.k8s.io/e2e-test-images/agnhost:2.63.0 on worker-1) did not start within 90s: Failed, exited 2 (Error)';
  assert.deepEqual(await probes.probes(), { unavailable: why });
  assert.deepEqual(await probes.probes(), { unavailable: why });
  await probes.cleanUp();
  assert.deepEqual(failing.deleted, [PROBE_POD]);

  const fine = fakeHost([readyNode('worker-1')]);
  const again = new ProbePods(fine.host);
  await again.probes();
  fine.objects.delete(PROBE_POD); // kubectl delete pods --all
  assert.ok('lookup' in await again.probes());
  assert.ok(fine.objects.has(PROBE_POD));
});

test('under a NetworkPolicy the client itself connects (agnhost, else busybox nc), or says why it cannot; no stand-in', async () => {
  const { host, execs } = fakeHost([readyNode('worker-1')], [
    pod('tools', 'worker-1', 'registry.k8s.io/e2e-test-images/agnhost:2.63.0'),
    pod('shell', 'worker-1', 'busybox:1.36'),
    pod('curl', 'worker-1', 'curlimages/curl:8.11.1'),
  ]);
  const probes = await new ProbePods(host).probes() as TrafficProbes;
  assert.deepEqual(await probes.connectFromItself('10.244.0.9', 8080, 'tools'), { connected: false, failure: 'REFUSED', text: 'REFUSED', from: 'pod "tools"' });
  assert.deepEqual(await probes.connectFromItself('10.244.0.9', 8080, 'shell'), { connected: true, from: 'pod "shell"' });
  assert.deepEqual(await probes.connectFromItself('10.244.0.9', 8080, 'curl'), { cannot: 'pod "curl" (no container of it has agnhost or busybox nc)' });
  assert.ok(execs.includes('shell/app: nc -w 3 10.244.0.9 8080'));
});
