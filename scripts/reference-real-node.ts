// The real node of the reference cluster (issue 31), checked the way a user would: kubectl
// against a cluster brought up with `cluster reference up --real-nodes 1`. A busybox pod runs a
// command, `kubectl logs` shows its output and `kubectl exec` runs in it; an agnhost HTTP liveness
// probe answered with 404 restarts the container with the kubelet's own event texts; a Service
// name resolves through CoreDNS and answers (through kube-proxy's rules) from another pod; with
// several real nodes, a pod on each reaches a pod on every other by its address, unmasqueraded,
// and a Service name from each. Run by scripts/ci-reference.mjs (through
// scripts/reference-real-node-cycle.ts) with KUBECONFIG set, only when the cluster has a real node.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { realNodePlacement } from '../src/cluster/reference/real-node/node-agents.ts';

const env = { ...process.env, KUBECONFIG: process.env.KUBECONFIG! };
const namespace = `real-node-${randomBytes(3).toString('hex')}`;
const kubectl = (args: string[], input?: string) => execa('kubectl', ['--context', 'kubespec-reference', '-n', namespace, ...args], { env, reject: false, input });
// agnhost's tag follows the release (2.53 on 1.32, 2.66.1 on 1.37): the one a real node holds, as it reports it.
let agnhost = '';

const pod = (name: string, labels: Record<string, string>, container: object) => JSON.stringify({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, labels },
  spec: { ...realNodePlacement, terminationGracePeriodSeconds: 1, containers: [container] },
});

async function apply(manifest: string): Promise<void> {
  const applied = await kubectl(['apply', '-f', '-'], manifest);
  assert.equal(applied.exitCode, 0, applied.stderr);
}

async function waitReady(name: string, seconds = 90): Promise<void> {
  const waited = await kubectl(['wait', '--for=condition=Ready', `pod/${name}`, `--timeout=${seconds}s`]);
  const described = waited.exitCode === 0 ? '' : (await kubectl(['describe', 'pod', name])).stdout;
  assert.equal(waited.exitCode, 0, `${waited.stderr}\n${described}`);
}

before(async () => {
  const images = await execa('kubectl', ['--context', 'kubespec-reference', 'get', 'nodes', '-l', 'kubespec.io/real-node=true', '-o', 'jsonpath={.items[*].status.images[*].names[*]}'], { env, reject: false });
  agnhost = images.stdout.split(/\s+/).find((name) => name.startsWith('registry.k8s.io/e2e-test-images/agnhost:')) ?? '';
  assert.ok(agnhost, `no real node lists an agnhost image: ${images.stdout || images.stderr}`);
  const created = await execa('kubectl', ['--context', 'kubespec-reference', 'create', 'namespace', namespace], { env, reject: false });
  assert.equal(created.exitCode, 0, created.stderr);
  // The ServiceAccount controller makes `default` shortly after the namespace.
  for (let i = 0; i < 50 && (await kubectl(['get', 'serviceaccount', 'default'])).exitCode !== 0; i++) await new Promise((r) => setTimeout(r, 200));
});

after(async () => {
  await execa('kubectl', ['--context', 'kubespec-reference', 'delete', 'namespace', namespace, '--wait=true', '--timeout=60s'], { env, reject: false });
});

test('a busybox pod runs its command on the real node; kubectl logs shows its output and kubectl exec runs in it', async () => {
  await apply(pod('hello', { app: 'hello' }, { name: 'hello', image: 'busybox:1.36', command: ['sh', '-c', 'echo "hello from $(hostname)"; exec sleep 3600'] }));
  await waitReady('hello');
  const node = await kubectl(['get', 'pod', 'hello', '-o', 'jsonpath={.spec.nodeName}']);
  // A real node plays a worker of the topology, under its name, and is labelled as real.
  assert.match(node.stdout, /^worker-\d+$/);
  const label = await kubectl(['get', 'node', node.stdout, '-o', 'jsonpath={.metadata.labels.kubespec\\.io/real-node}']);
  assert.equal(label.stdout, 'true');
  const logs = await kubectl(['logs', 'hello']);
  assert.equal(logs.exitCode, 0, logs.stderr);
  assert.equal(logs.stdout.trim(), 'hello from hello');
  const exec = await kubectl(['exec', 'hello', '--', 'sh', '-c', 'echo "exec $((6 * 7)) in $(cat /etc/hostname)"']);
  assert.equal(exec.exitCode, 0, exec.stderr);
  assert.equal(exec.stdout.trim(), 'exec 42 in hello');
});

test('an HTTP liveness probe answered with 404 restarts the container, with the kubelet\'s event texts', async () => {
  // agnhost netexec's /echo answers with the status code it is asked for (its / answers 200 to any path).
  await apply(pod('liveness', { app: 'liveness' }, {
    name: 'agnhost', image: agnhost, args: ['netexec', '--http-port=8080'],
    livenessProbe: { httpGet: { path: '/echo?code=404', port: 8080 }, periodSeconds: 1, failureThreshold: 1, timeoutSeconds: 1 },
  }));
  let restarts = 0;
  for (let i = 0; i < 120 && restarts < 1; i++) {
    const got = await kubectl(['get', 'pod', 'liveness', '-o', 'jsonpath={.status.containerStatuses[0].restartCount}']);
    restarts = Number(got.stdout || 0);
    if (restarts < 1) await new Promise((r) => setTimeout(r, 1000));
  }
  assert.ok(restarts >= 1, 'the container was never restarted');
  const events = await kubectl(['get', 'events', '--field-selector', 'involvedObject.name=liveness', '-o', 'jsonpath={range .items[*]}{.reason}: {.message}{"\\n"}{end}']);
  assert.match(events.stdout, /^Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404$/m);
  assert.match(events.stdout, /^Killing: Container agnhost failed liveness probe, will be restarted$/m);
});

test('a Service name resolves through CoreDNS and answers from another pod (kube-proxy)', async () => {
  await apply(pod('echo', { app: 'echo' }, { name: 'agnhost', image: agnhost, args: ['netexec', '--http-port=8080'], readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 } }));
  await apply(JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo' }, spec: { selector: { app: 'echo' }, ports: [{ port: 80, targetPort: 8080 }] } }));
  await apply(pod('client', { app: 'client' }, { name: 'client', image: 'busybox:1.36', command: ['sleep', '3600'] }));
  await waitReady('echo');
  await waitReady('client');
  const clusterIp = (await kubectl(['get', 'service', 'echo', '-o', 'jsonpath={.spec.clusterIP}'])).stdout;
  const lookup = await kubectl(['exec', 'client', '--', 'nslookup', `echo.${namespace}.svc.cluster.local`]);
  assert.equal(lookup.exitCode, 0, `${lookup.stdout}\n${lookup.stderr}`);
  assert.match(lookup.stdout, new RegExp(`Address: ${clusterIp.replace(/\./g, '\\.')}$`, 'm'));
  // The short name goes through the pod's search path; netexec's /hostname answers with its pod's
  // name. busybox's nc: Debian's busybox-static (the images' fallback) has it too, while its wget -T dies of SIGSEGV.
  let answer = '';
  for (let i = 0; i < 20 && !answer.startsWith('HTTP/1.0 200'); i++) {
    const got = await kubectl(['exec', 'client', '--', 'sh', '-c', "printf 'GET /hostname HTTP/1.0\\r\\n\\r\\n' | nc -w 3 echo 80"]);
    answer = got.stdout;
    if (!answer.startsWith('HTTP/1.0 200')) await new Promise((r) => setTimeout(r, 1000));
  }
  assert.match(answer, /^HTTP\/1\.0 200 OK\r\n/);
  assert.equal(answer.split('\r\n\r\n')[1], 'echo');
});

test('with several real nodes, a pod on each reaches a pod on every other by its own address, and the Service by name', async (t) => {
  const listed = await execa('kubectl', ['--context', 'kubespec-reference', 'get', 'nodes', '-l', 'kubespec.io/real-node=true', '-o', 'jsonpath={.items[*].metadata.name}'], { env, reject: false });
  const nodes = listed.stdout.split(/\s+/).filter(Boolean).sort();
  if (nodes.length < 2) return t.skip(`one real node (${nodes.join(', ')}): nothing to cross`);
  const on = (node: string) => ({ ...realNodePlacement, nodeSelector: { ...realNodePlacement.nodeSelector, 'kubernetes.io/hostname': node } });
  for (const node of nodes) {
    await apply(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `server-${node}`, labels: { app: 'across' } }, spec: { ...on(node), terminationGracePeriodSeconds: 1, containers: [{ name: 'agnhost', image: agnhost, args: ['netexec', '--http-port=8080'], readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 } }] } }));
    await apply(JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `client-${node}` }, spec: { ...on(node), terminationGracePeriodSeconds: 1, containers: [{ name: 'client', image: 'busybox:1.36', command: ['sleep', '3600'] }] } }));
  }
  await apply(JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'across' }, spec: { selector: { app: 'across' }, ports: [{ port: 80, targetPort: 8080 }] } }));
  const ip = async (pod: string) => (await kubectl(['get', 'pod', pod, '-o', 'jsonpath={.status.podIP}'])).stdout;
  for (const node of nodes) {
    await waitReady(`server-${node}`);
    await waitReady(`client-${node}`);
    assert.equal((await kubectl(['get', 'pod', `client-${node}`, '-o', 'jsonpath={.spec.nodeName}'])).stdout, node);
  }
  const get = async (client: string, host: string, port: number, path: string) => {
    let answer = '';
    for (let i = 0; i < 10 && !answer.startsWith('HTTP/1.0 200'); i++) {
      answer = (await kubectl(['exec', client, '--', 'sh', '-c', `printf 'GET ${path} HTTP/1.0\\r\\n\\r\\n' | nc -w 3 ${host} ${port}`])).stdout;
      if (!answer.startsWith('HTTP/1.0 200')) await new Promise((r) => setTimeout(r, 1000));
    }
    assert.match(answer, /^HTTP\/1\.0 200 OK\r\n/, `${client} -> ${host}:${port}${path}`);
    return answer.split('\r\n\r\n')[1]!;
  };
  for (const from of nodes) {
    const clientIp = await ip(`client-${from}`);
    for (const to of nodes) {
      // netexec's /clientip is the address the request came from: the client pod's own, no NAT.
      const seen = await get(`client-${from}`, await ip(`server-${to}`), 8080, '/clientip');
      assert.equal(seen.split(':')[0], clientIp, `client-${from} -> server-${to}`);
    }
    // The Service by its short name: CoreDNS (on one of the nodes) answers, kube-proxy picks a server.
    assert.match(await get(`client-${from}`, 'across', 80, '/hostname'), /^server-worker-\d+$/);
  }
});
