// NetworkPolicy enforcement on a running reference cluster's first real node (issue 31), checked
// by hand before `up` starts the agent itself: builds kube-router's policy controller into the
// release's bin folder (network-policy-agent.ts), applies its RBAC, starts it in the node's network
// namespace as its own user (the admin's token, impersonating it), and in a namespace of its own
// shows agnhost traffic blocked by a default-deny policy, then let through by an allow rule for
// one client only. Then it stops the agent, removes its rules and sets (network-policy-rules.ts),
// and compares the namespace's filter table and ipsets with what they were before.
//
//   node --import tsx scripts/reference-network-policy.ts [--kubernetes-version 1.37]
//
// Needs root, ipset, and a cluster up with --real-nodes 1 or more. Leaves nothing behind.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { parse, stringify } from 'yaml';
import { isOurs, startComponent, stopComponents, type StartedProcess } from '../src/cluster/reference/processes.ts';
import { realNodePlacement } from '../src/cluster/reference/real-node/node-agents.ts';
import { ensureNetworkPolicyAgent, networkPolicyAgentArgs, networkPolicyAgentEnvironment, networkPolicyAgentMissing, networkPolicyAgentRbac, networkPolicyAgentUser } from '../src/cluster/reference/real-node/network-policy-agent.ts';
import { removeAgentRules } from '../src/cluster/reference/real-node/network-policy-rules.ts';
import { clusterFolderName, referenceBuild } from '../src/cluster/reference/versions.ts';

const { values } = parseArgs({ options: { 'kubernetes-version': { type: 'string' } } });
const build = referenceBuild(values['kubernetes-version']);
const layout = { moduleDir: join(process.cwd(), 'scripts', 'reference-cluster'), cacheDir: join(process.cwd(), '.cache', 'reference-cluster') };
const state = JSON.parse(readFileSync(join(layout.cacheDir, clusterFolderName(build), 'state.json'), 'utf8'));
const node = state.realNodes?.[0];
if (!node) throw new Error(`the ${build.minor} reference cluster runs no real node (up --real-nodes 1)`);
const netns = `/run/netns/${node.network.netns}`;
const namespace = `kstest-np-${randomBytes(3).toString('hex')}`;
const kubectl = (args: string[], input?: string) => execa('kubectl', ['--kubeconfig', state.kubeconfig, ...args], { reject: false, all: true, input });
const inNode = (command: string, ...args: string[]) => execa('nsenter', [`--net=${netns}`, command, ...args], { reject: false, all: true });
const since = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let failures = 0;
const verdict = (ok: boolean, line: string) => {
  if (!ok) failures += 1;
  console.log(`${ok ? '✔' : '✖'} ${line}`);
};

/** The filter table without counters, and the sets: what must be the same after as before. */
async function snapshot(): Promise<{ filter: string; sets: string }> {
  const filter = (await inNode('iptables-save', '-t', 'filter')).stdout.split('\n').filter((l) => !l.startsWith('#')).map((l) => l.replace(/ \[\d+:\d+\]$/, '')).join('\n');
  return { filter, sets: (await inNode('ipset', 'list', '-n')).stdout };
}

async function apply(object: object): Promise<void> {
  const r = await kubectl(['apply', '-f', '-'], JSON.stringify(object));
  if (r.exitCode !== 0) throw new Error(`kubectl apply: ${r.all}`);
}

const agnhostPod = (name: string, args: string[]) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: name } },
  spec: { ...realNodePlacement, terminationGracePeriodSeconds: 0, containers: [{ name: 'agnhost', image: agnhost, args }] },
});

/** agnhost connect from a pod: '' when the connection opened, else how it failed. */
async function connect(from: string, to: string): Promise<string> {
  const r = await kubectl(['-n', namespace, 'exec', from, '--', '/agnhost', 'connect', `${to}:8080`, '--timeout', '2s']);
  return r.exitCode === 0 ? '' : (r.stderr.trim().split('\n')[0] || `exit ${r.exitCode}`);
}

/** Polls until the connection's outcome is the expected one (or 60 s pass): how long it took, and the last outcome. */
async function until(from: string, to: string, open: boolean): Promise<{ took: string; outcome: string; ok: boolean }> {
  const t = Date.now();
  let outcome = await connect(from, to);
  while ((outcome === '') !== open && Date.now() - t < 60_000) {
    await sleep(250);
    outcome = await connect(from, to);
  }
  return { took: since(t), outcome: outcome || 'opened', ok: (outcome === '') === open };
}

const missing = await networkPolicyAgentMissing();
if (missing.length) throw new Error(missing.join('\n'));
const images = await kubectl(['get', 'node', node.name, '-o', 'jsonpath={.status.images[*].names[*]}']);
const agnhost = images.stdout.split(/\s+/).find((n) => n.startsWith('registry.k8s.io/e2e-test-images/agnhost:'));
if (!agnhost) throw new Error(`${node.name} lists no agnhost image: ${images.all}`);

let t = Date.now();
const binary = await ensureNetworkPolicyAgent(layout, build, (line) => console.log(line));
console.log(`agent: ${binary} (ready in ${since(t)})`);
const before = await snapshot();
const dir = mkdtempSync(join(tmpdir(), 'kstest-np-'));
// The agent's own user, with exactly its role: the admin's credentials, impersonating it.
const kubeconfig = parse(readFileSync(state.kubeconfig, 'utf8'));
for (const u of kubeconfig.users) u.user.as = networkPolicyAgentUser;
writeFileSync(join(dir, 'agent.kubeconfig'), stringify(kubeconfig), { mode: 0o600 });
let agent: StartedProcess | undefined;
try {
  for (const o of networkPolicyAgentRbac()) await apply(o);
  if ((await kubectl(['create', 'namespace', namespace])).exitCode !== 0) throw new Error(`namespace ${namespace} not created`);
  for (let i = 0; i < 50 && (await kubectl(['-n', namespace, 'get', 'serviceaccount', 'default'])).exitCode !== 0; i++) await sleep(200);
  await apply(agnhostPod('server', ['netexec', '--http-port=8080']));
  await apply(agnhostPod('client', ['pause']));
  await apply(agnhostPod('other', ['pause']));
  await apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'server', namespace }, spec: { selector: { app: 'server' }, ports: [{ port: 8080 }] } });
  const ready = await kubectl(['-n', namespace, 'wait', '--for=condition=Ready', 'pod/server', 'pod/client', 'pod/other', '--timeout=120s']);
  if (ready.exitCode !== 0) throw new Error(`pods not Ready: ${ready.all}`);
  const server = (await kubectl(['-n', namespace, 'get', 'pod', 'server', '-o', 'jsonpath={.status.podIP}'])).stdout;
  const service = (await kubectl(['-n', namespace, 'get', 'service', 'server', '-o', 'jsonpath={.spec.clusterIP}'])).stdout;
  console.log(`pods on ${node.name}: server ${server} (agnhost netexec :8080, Service ${service}), client, other (${agnhost})`);

  t = Date.now();
  agent = startComponent('network-policy-agent', binary, networkPolicyAgentArgs({ nodeName: node.name, kubeconfig: join(dir, 'agent.kubeconfig'), serviceCidr: '10.96.0.0/16' }),
    join(dir, 'agent.log'), networkPolicyAgentEnvironment(process.env, node.name), ['nsenter', `--net=${netns}`]);
  while (!(await inNode('iptables', '-w', '-t', 'filter', '-S', 'KUBE-ROUTER-FORWARD')).stdout.includes('KUBE-POD-FW-') && Date.now() - t < 90_000) {
    if (Date.now() - t > 3_000 && !isOurs(agent)) break;
    await sleep(250);
  }
  verdict(isOurs(agent), `agent running (pid ${agent.pid}), pod chains written ${since(t)} after start; log ${join(dir, 'agent.log')}`);

  let r = await until('client', server, true);
  verdict(r.ok, `no policy: client -> server:8080 ${r.outcome}`);
  await apply({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
  r = await until('client', server, false);
  verdict(r.ok, `default-deny ingress: client -> server:8080 ${r.outcome} (enforced ${r.took} after apply)`);
  await apply({
    apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'allow-client', namespace },
    spec: { podSelector: { matchLabels: { app: 'server' } }, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'client' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }] },
  });
  r = await until('client', server, true);
  verdict(r.ok, `allow app=client on 8080: client -> server:8080 ${r.outcome} (${r.took} after apply)`);
  const other = await connect('other', server);
  verdict(other !== '', `allow app=client on 8080: other -> server:8080 ${other || 'opened'}`);
  // Through kube-proxy's DNAT: the policy sees the pod address the Service's rules chose.
  r = await until('client', service, true);
  verdict(r.ok, `allow app=client on 8080: client -> Service ${service}:8080 ${r.outcome}`);
  const otherToService = await connect('other', service);
  verdict(otherToService !== '', `allow app=client on 8080: other -> Service ${service}:8080 ${otherToService || 'opened'}`);
  const rules = (await inNode('iptables-save', '-t', 'filter')).stdout.split('\n').filter((l) => /^-A .*KUBE-(ROUTER|POD-FW|NWPLCY)-/.test(l)).length;
  console.log(`agent's state in ${node.network.netns}: ${rules} filter rules, sets ${(await inNode('ipset', 'list', '-n')).stdout.split('\n').filter(Boolean).join(', ')}`);
} finally {
  if (agent) await stopComponents([agent]);
  const left = await removeAgentRules(netns);
  await kubectl(['delete', 'namespace', namespace, '--wait=true', '--timeout=90s']);
  for (const o of networkPolicyAgentRbac().reverse()) await kubectl(['delete', '--ignore-not-found', '-f', '-'], JSON.stringify(o));
  // kube-proxy rewrites the filter table as the namespace's Service goes ("has no endpoints" for
  // a moment): the comparison waits for it to settle, up to 30 s.
  let after = await snapshot();
  for (const t0 = Date.now(); (after.filter !== before.filter || after.sets !== before.sets) && Date.now() - t0 < 30_000; after = await snapshot()) await sleep(500);
  verdict(!left.length && after.filter === before.filter && after.sets === before.sets,
    `after stop and removal: ${node.network.netns}'s filter table and ipsets as before${left.length ? `; left: ${left.join('; ')}` : ''}${after.filter !== before.filter ? `\n--- before\n${before.filter}\n--- after\n${after.filter}` : ''}`);
}
console.log(`network policy: ${failures ? `${failures} failed` : 'all passed'}`);
process.exitCode = failures ? 1 : 0;
