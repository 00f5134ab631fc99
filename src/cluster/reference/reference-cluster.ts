import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'node:https';
import type { CoreV1Api, KubernetesObject } from '@kubernetes/client-node';
import { kindAddOnObjects } from '../../sim/kind-add-ons.ts';
import type { NodeDefinition } from '../../drivers/driver.ts';
import { UserError } from '../../errors.ts';
import { inheritedEnvironment } from '../../environment.ts';
import { writeKubeconfig } from '../../serve/kubeconfig.ts';
import { loopbackCertificate } from '../../serve/loopback-certificate.ts';
import { ensureReferenceBinaries, kwokStagesFile, type BuildLayout } from './build.ts';
import { fakeNodeManifests, kwokNodeAnnotation } from './fake-nodes.ts';
import { freePort, isOurs, sleep, startComponent, stopComponents, type StartedProcess } from './processes.ts';
import { clusterFolderName, referenceBuild, type ReferenceBuild } from './versions.ts';
import { realNodeMissing } from './real-node/preflight.ts';
import { ensureNodeBinaries } from './real-node/node-build.ts';
import { networkPolicyAgentForUp, networkPolicyAgentRbac, networkPolicyAgentUser } from './real-node/network-policy-agent.ts';
import { corednsImage, ensureNodeImages } from './real-node/node-images.ts';
import { nodeNetwork } from './real-node/node-network.ts';
import { createNodeFabric, deleteNodeFabric, nodeFabric } from './real-node/node-fabric.ts';
import { playedWorkers } from './real-node/played-workers.ts';
import { clusterCertificates } from './real-node/cluster-certificates.ts';
import { clusterDnsObjects } from './real-node/cluster-dns.ts';
import { prepareRealNodeNetwork, realNodePlan, startNetworkPolicyAgent, startRealNode, stopRealNode, type RealNodePlan, type RealNodeState } from './real-node/real-node.ts';
import { containerdLayout, listImages } from './real-node/containerd.ts';
import { unmountUnder } from './real-node/node-cleanup.ts';

/** The kubeconfig context of the reference cluster (of every version: each has its own kubeconfig); the live profile accepts it. */
export const referenceContext = 'kubespec-reference';

/** What `up` leaves behind for `status`, `down` and the fidelity run. */
export interface ReferenceClusterState {
  version: string;
  server: string;
  kubeconfig: string;
  topology: string;
  nodes: string[];
  processes: StartedProcess[];
  /** Nodes with a kubelet and a container runtime (issue 31); absent or empty: KWOK only. */
  realNodes?: RealNodeState[];
}

export interface UpOptions extends BuildLayout {
  /** The release to build and run (versions.ts); default DEFAULT_REFERENCE_MINOR's. */
  build?: ReferenceBuild;
  topology: string;
  nodes: NodeDefinition[];
  log: (line: string) => void;
  /** How long each component may take to become healthy. */
  timeoutMs?: number;
  /**
   * How many real nodes to start beside the KWOK ones: 0 up to the topology's workers (each plays
   * one, played-workers.ts). A machine that lacks what they need is told what is missing and gets
   * KWOK-only nodes.
   */
  realNodes?: number;
}

const serviceCidr = '10.96.0.0/16';

/**
 * Starts etcd, kube-apiserver, kube-controller-manager, kube-scheduler, KWOK and a local-path
 * provisioner on loopback, in that order, each waited for; creates kind's add-on objects (the
 * kube-dns Service, the default `standard` StorageClass) and the topology's nodes as KWOK nodes,
 * and waits until they are Ready and schedulable and the default ServiceAccount exists. Anything that fails stops
 * what was started, so a failed `up` leaves no process behind.
 */
export async function referenceUp(options: UpOptions): Promise<ReferenceClusterState> {
  const build = options.build ?? referenceBuild();
  const running = readState(options.cacheDir, build);
  if (running && (await referenceHealth(running)).healthy) {
    const real = running.realNodes?.length ?? 0;
    if (options.realNodes !== undefined && options.realNodes !== real) {
      throw new UserError(`a ${build.minor} reference cluster with ${real} real node${real === 1 ? '' : 's'} is already up (${running.server}); take it down first (\`cluster reference down\`) to start one with ${options.realNodes}`);
    }
    options.log(`already up: ${running.server} (${running.version}, topology ${running.topology}, ${real} real node${real === 1 ? '' : 's'})`);
    return running;
  }
  if (running) await referenceDown(options.cacheDir, build);
  let realCount = options.realNodes ?? 0;
  playedWorkers(options.nodes, realCount, options.topology);
  if (realCount) {
    const missing = await realNodeMissing(realCount);
    for (const line of missing) options.log(`real node: ${line}`);
    if (missing.length) {
      options.log(`real node: this machine cannot run ${realCount === 1 ? 'one' : realCount} (above); falling back to KWOK-only nodes`);
      realCount = 0;
    }
  }
  const binDir = await ensureReferenceBinaries(options, options.log, build);
  const nodeBinaries = realCount ? await ensureNodeBinaries(options, build, options.log) : undefined;
  const nodeImages = nodeBinaries ? await ensureNodeImages(nodeBinaries, join(binDir, 'images'), options.log) : [];
  const policyAgent = realCount ? await networkPolicyAgentForUp(options, build, options.log) : undefined;
  const dir = clusterDir(options.cacheDir, build);
  // A real node of a run that died without its state may have left mounts there: never delete
  // through a mount point.
  const stale = await unmountUnder(dir);
  if (stale.length) throw new UserError(`the cluster folder still has mounts from an earlier run: ${stale.join('; ')}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'logs'), { recursive: true });
  const processes: StartedProcess[] = [];
  const realProcesses: StartedProcess[] = [];
  const timeoutMs = options.timeoutMs ?? 120_000;
  // The real nodes' namespaces and links come first: the API server listens on the first link's
  // host end. Real node i plays the topology's i-th worker, in place of its KWOK node (realNodePlan).
  const minorNumber = Number(build.minor.split('.')[1]);
  const played = playedWorkers(options.nodes, realCount, options.topology);
  const plans: RealNodePlan[] = played.map((worker, index) => realNodePlan(dir, index, nodeNetwork(minorNumber, index), worker));
  const fabric = nodeFabric(minorNumber);
  const kwokNodes = options.nodes.filter((n) => !played.includes(n));
  try {
    for (const plan of plans) await prepareRealNodeNetwork(plan);
    if (plans.length > 1) await createNodeFabric(fabric, plans.map((p) => p.network));
    const files = await writeKeyMaterial(dir, plans);
    const ports = { etcd: await freePort(), peer: await freePort(), api: await freePort(), kcm: await freePort(), scheduler: await freePort(), kwok: await freePort() };
    // With real nodes the API server listens on the first node link's host address (not on every
    // interface): the kubelets, kube-proxies and pods (through the `kubernetes` Service) dial it
    // there; the other nodes reach it through their own link, as a local address of the host.
    const listen = plans[0]?.network.hostAddress ?? '127.0.0.1';
    const server = `https://${listen}:${ports.api}`;
    const kubeconfig = join(dir, 'kubeconfig');
    writeKubeconfig(kubeconfig, { name: referenceContext, server, caPem: files.caPem, token: files.token });
    // HOME points into the cluster folder so no stray ~/.kwok/kwok.yaml changes KWOK's stages.
    const env = inheritedEnvironment({ HOME: dir });
    const start = (name: string, args: string[]) => {
      const p = startComponent(name, join(binDir, name), args, join(dir, 'logs', `${name}.log`), env);
      processes.push(p);
      return p;
    };

    start('etcd', etcdArgs(dir, ports.etcd, ports.peer));
    await waitUntil('etcd', timeoutMs, processes, async () => (await httpGet(`http://127.0.0.1:${ports.etcd}/health`)).includes('"true"'));
    start('kube-apiserver', apiserverArgs(dir, files, ports.etcd, ports.api, listen, plans.length > 0));
    await waitUntil('kube-apiserver', timeoutMs, processes, async () => (await httpsGet(`${server}/readyz`, files.token, files.caPem)) === 'ok');
    start('kube-controller-manager', [
      `--kubeconfig=${kubeconfig}`, '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${ports.kcm}`,
      `--service-account-private-key-file=${files.saKey}`, `--root-ca-file=${files.ca}`, `--service-cluster-ip-range=${serviceCidr}`,
      '--controllers=*', '--authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics',
    ]);
    start('kube-scheduler', [
      `--kubeconfig=${kubeconfig}`, '--leader-elect=false', '--bind-address=127.0.0.1', `--secure-port=${ports.scheduler}`,
      '--authorization-always-allow-paths=/healthz,/readyz,/livez,/metrics',
    ]);
    // KWOK's fast node and pod stages, nothing from elsewhere: v0.7.0's built-in ones for an empty
    // config; a build whose KWOK has none built in carries the same stages from KWOK's module.
    const stages = join(binDir, kwokStagesFile);
    writeFileSync(join(dir, 'kwok.yaml'), existsSync(stages) ? readFileSync(stages) : '');
    start('kwok', [
      `--kubeconfig=${kubeconfig}`, `--config=${join(dir, 'kwok.yaml')}`,
      `--manage-nodes-with-annotation-selector=${kwokNodeAnnotation.key}=${kwokNodeAnnotation.value}`,
      '--cidr=10.244.0.1/16', '--node-ip=172.18.0.1', '--node-lease-duration-seconds=40', `--server-address=127.0.0.1:${ports.kwok}`,
    ]);

    mkdirSync(join(dir, 'volumes'));
    start('local-path-provisioner', [`--kubeconfig=${kubeconfig}`, `--root=${join(dir, 'volumes')}`]);

    const { CoreV1Api, KubeConfig, KubernetesObjectApi } = await import('@kubernetes/client-node');
    const kc = new KubeConfig();
    kc.loadFromFile(kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    const objects = KubernetesObjectApi.makeApiClient(kc);
    // kube-public and kube-node-lease are made by the API server shortly after it starts: wait for a
    // namespace that is not there yet; what exists already is left as it is.
    for (const object of kindAddOnObjects()) {
      await waitUntil(`${object.kind} ${object.metadata?.name} to be created`, timeoutMs, processes, async () => {
        try {
          await objects.create(object as KubernetesObject);
        } catch (e) {
          if ((e as { code?: number }).code !== 409) throw e;
        }
        return true;
      });
    }
    for (const node of fakeNodeManifests(kwokNodes, Date.now())) await core.createNode({ body: node as any });
    // Before any agent starts, as kube-proxy's binding is there by bootstrap policy.
    if (policyAgent) for (const object of networkPolicyAgentRbac()) await objects.create(object as KubernetesObject);
    const realNodes: RealNodeState[] = [];
    for (const plan of plans) {
      const credentials = (name: string, token: string) => {
        const file = join(plan.dir, `${name}.kubeconfig`);
        writeKubeconfig(file, { name, server, caPem: files.caPem, token });
        return file;
      };
      // Every node's processes go into realProcesses (watched while the others start); each node's state keeps its own.
      const from = realProcesses.length;
      const node = await startRealNode(plan, {
        binaries: nodeBinaries!, images: nodeImages, clientCaFile: files.ca,
        kubeletKubeconfig: credentials('kubelet', files.nodeTokens[plan.name]!), kubeProxyKubeconfig: credentials('kube-proxy', files.proxyToken!),
        networkPolicy: policyAgent !== undefined,
        ports: { kubelet: await freePort(), proxyHealthz: await freePort(), proxyMetrics: await freePort() },
        env, log: options.log,
        waitUntil: (what, check) => waitUntil(what, timeoutMs, [...processes, ...realProcesses], check),
      }, realProcesses);
      realNodes.push({ ...node, processes: realProcesses.slice(from) });
    }
    if (realNodes.length) {
      for (const object of clusterDnsObjects(corednsImage(nodeBinaries!))) await objects.create(object as KubernetesObject);
    }
    await waitUntil('the nodes to be Ready and schedulable', timeoutMs, [...processes, ...realProcesses], async () => nodesReady(core, options.nodes.length));
    for (const node of policyAgent ? realNodes : []) {
      const kubeconfig = join(node.dir, 'network-policy-agent.kubeconfig');
      writeKubeconfig(kubeconfig, { name: 'network-policy-agent', server, caPem: files.caPem, token: files.policyToken! });
      await startNetworkPolicyAgent(node, { binary: policyAgent!, kubeconfig, serviceCidr }, env, [node.processes, realProcesses]);
    }
    if (realNodes.length) {
      const { AppsV1Api } = await import('@kubernetes/client-node');
      const apps = kc.makeApiClient(AppsV1Api);
      await waitUntil(`CoreDNS to be available on a real node`, timeoutMs, [...processes, ...realProcesses], async () =>
        ((await apps.readNamespacedDeployment({ name: 'coredns', namespace: 'kube-system' })).status?.availableReplicas ?? 0) >= 1);
    }
    await waitUntil('the default ServiceAccount', timeoutMs, processes, async () => {
      const list = await core.listNamespacedServiceAccount({ namespace: 'default', fieldSelector: 'metadata.name=default' });
      return list.items.length === 1;
    });
    const state: ReferenceClusterState = { version: build.kubernetesVersion, server, kubeconfig, topology: options.topology, nodes: options.nodes.map((n) => n.name), processes, realNodes };
    writeFileSync(join(dir, 'state.json'), JSON.stringify(state, null, 2));
    return state;
  } catch (e) {
    const left: string[] = [];
    // Last node first: the first node's link carries the API server's address (stopRealNodes).
    for (const plan of [...plans].reverse()) {
      const node = { ...plan, containerdSocket: containerdLayout(plan.dir, plan.network.netns).socket, cgroupRoot: `/${plan.network.netns}`, processes: realProcesses };
      left.push(...(await stopRealNode(node, join(dir, 'kubeconfig'), options.log)));
    }
    await deleteNodeFabric(fabric).catch((err: Error) => left.push(`fabric ${fabric.netns}: ${err.message}`));
    for (const line of left) options.log(`real node cleanup: ${line}`);
    await stopComponents(processes);
    const logs = processes.map((p) => p.log).join(', ');
    throw e instanceof UserError ? e : new UserError(`the reference cluster did not come up: ${(e as Error).message}${logs ? `\nlogs: ${logs}` : ''}`);
  }
}

/** Stops every process `up` started for a release (by pid, checked against its binary) and removes its state. */
export async function referenceDown(cacheDir: string, build: ReferenceBuild = referenceBuild(), log: (line: string) => void = () => {}): Promise<StartedProcess[]> {
  const state = readState(cacheDir, build);
  const stopped = state ? [...(state.realNodes ?? []).flatMap((n) => n.processes), ...state.processes].filter(isOurs) : [];
  const left: string[] = [];
  // Last node first: the API server listens on the first node's link, which goes with that node,
  // and every other node's drain needs the API server.
  for (const node of [...(state?.realNodes ?? [])].reverse()) {
    left.push(...(await stopRealNode(node, state!.kubeconfig, log)).map((line) => `${node.name}: ${line}`));
  }
  // Last, once no node routes through it (an earlier run's, too: it is this minor's by name).
  try {
    await deleteNodeFabric(nodeFabric(Number(build.minor.split('.')[1])));
  } catch (e) {
    left.push(`the real nodes' fabric: ${(e as Error).message}`);
  }
  if (state) await stopComponents(state.processes);
  // What is left keeps the state, so that `down` again can retry it.
  if (left.length) throw new UserError(`the real nodes did not stop cleanly (run down again, or remove by hand):\n${left.join('\n')}`);
  rmSync(join(clusterDir(cacheDir, build), 'state.json'), { force: true });
  return stopped;
}

export interface ReferenceHealth {
  healthy: boolean;
  lines: string[];
}

/** Which components run, whether the apiserver is ready and how many nodes are Ready. */
export async function referenceHealth(state: ReferenceClusterState): Promise<ReferenceHealth> {
  const realProcesses = (state.realNodes ?? []).flatMap((n) => n.processes.map((p) => ({ ...p, name: `${n.name} ${p.name}` })));
  const lines = [...state.processes, ...realProcesses].map((p) => `${p.name.padEnd(24)} ${isOurs(p) ? `running (pid ${p.pid})` : 'not running'}`);
  let healthy = [...state.processes, ...realProcesses].every(isOurs);
  for (const node of state.realNodes ?? []) {
    lines.push(`${node.name.padEnd(24)} real node: namespace ${node.network.netns}, InternalIP ${node.network.nodeAddress}, pods ${node.network.podSubnet}`);
    lines.push(`${node.name.padEnd(24)} images: ${(await listImages(containerdLayout(node.dir, node.network.netns))).join(', ') || 'none (containerd unreachable)'}`);
  }
  try {
    const { CoreV1Api, KubeConfig } = await import('@kubernetes/client-node');
    const kc = new KubeConfig();
    kc.loadFromFile(state.kubeconfig);
    const core = kc.makeApiClient(CoreV1Api);
    const nodes = (await core.listNode()).items;
    const ready = nodes.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    lines.push(`apiserver                ${state.server} (${state.version})`, `nodes                    ${ready.length}/${nodes.length} Ready`);
    healthy &&= ready.length === state.nodes.length;
  } catch (e) {
    lines.push(`apiserver                ${state.server} unreachable: ${(e as Error).message}`);
    healthy = false;
  }
  return { healthy, lines };
}

/** What `up` recorded for a release's cluster (default: DEFAULT_REFERENCE_MINOR's), if it did. */
export function readState(cacheDir: string, build: ReferenceBuild = referenceBuild()): ReferenceClusterState | undefined {
  const file = join(clusterDir(cacheDir, build), 'state.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Each release's cluster has its own folder (key material, etcd data, logs, kubeconfig). */
function clusterDir(cacheDir: string, build: ReferenceBuild): string {
  return join(cacheDir, clusterFolderName(build));
}

interface KeyMaterial {
  token: string;
  nodeTokens: Record<string, string>;
  proxyToken?: string;
  policyToken?: string;
  kubeletClientCert?: string;
  kubeletClientKey?: string;
  tokens: string;
  saKey: string;
  ca: string;
  caPem: string;
  tlsCert: string;
  tlsKey: string;
}

async function writeKeyMaterial(dir: string, realNodes: RealNodePlan[]): Promise<KeyMaterial> {
  const token = randomBytes(24).toString('hex');
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text, { mode: 0o600 });
    return join(dir, name);
  };
  // A real node's kubelet is system:node:<name> in system:nodes (the Node authorizer's subjects),
  // kube-proxy is system:kube-proxy (bound to system:node-proxier by the bootstrap policy).
  const nodeTokens = Object.fromEntries(realNodes.map((n) => [n.name, randomBytes(24).toString('hex')]));
  const proxyToken = realNodes.length ? randomBytes(24).toString('hex') : undefined;
  // The NetworkPolicy agents share one name, as kube-proxies do (network-policy-agent.ts).
  const policyToken = realNodes.length ? randomBytes(24).toString('hex') : undefined;
  const agentLines = [
    ...realNodes.map((n) => `${nodeTokens[n.name]},system:node:${n.name},system:node:${n.name},system:nodes\n`),
    ...(proxyToken ? [`${proxyToken},system:kube-proxy,system:kube-proxy\n`] : []),
    ...(policyToken ? [`${policyToken},${networkPolicyAgentUser},${networkPolicyAgentUser}\n`] : []),
  ].join('');
  const certificates = realNodes.length ? await clusterCertificates(realNodes.map((n) => n.network.hostAddress)) : undefined;
  const serving = certificates?.serving ?? (await loopbackCertificate('kube-apiserver'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  return {
    token,
    // system:masters is the admin group the bootstrap RBAC policy grants everything.
    tokens: file('tokens.csv', `${token},admin,admin,system:masters\n${agentLines}`),
    nodeTokens,
    proxyToken,
    policyToken,
    ...(certificates ? { kubeletClientCert: file('kubelet-client.crt', certificates.kubeletClient.cert), kubeletClientKey: file('kubelet-client.key', certificates.kubeletClient.key) } : {}),
    saKey: file('sa.key', privateKey),
    ca: file('ca.crt', serving.cert),
    caPem: serving.cert,
    tlsCert: file('apiserver.crt', serving.cert),
    tlsKey: file('apiserver.key', serving.key),
  };
}

function etcdArgs(dir: string, client: number, peer: number): string[] {
  return [
    '--name=reference', `--data-dir=${join(dir, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${client}`, `--advertise-client-urls=http://127.0.0.1:${client}`,
    `--listen-peer-urls=http://127.0.0.1:${peer}`, `--initial-advertise-peer-urls=http://127.0.0.1:${peer}`,
    `--initial-cluster=reference=http://127.0.0.1:${peer}`,
    // Throwaway test data: no fsync makes etcd fast on slow disks.
    '--unsafe-no-fsync', `--quota-backend-bytes=${2 * 1024 ** 3}`, '--log-level=warn',
  ];
}

function apiserverArgs(dir: string, files: KeyMaterial, etcdPort: number, apiPort: number, listen: string, realNodes: boolean): string[] {
  return [
    `--etcd-servers=http://127.0.0.1:${etcdPort}`, `--bind-address=${listen}`, `--secure-port=${apiPort}`, `--cert-dir=${join(dir, 'pki')}`,
    `--tls-cert-file=${files.tlsCert}`, `--tls-private-key-file=${files.tlsKey}`,
    `--token-auth-file=${files.tokens}`, '--authorization-mode=Node,RBAC',
    '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
    `--service-account-key-file=${files.saKey}`, `--service-account-signing-key-file=${files.saKey}`,
    `--service-cluster-ip-range=${serviceCidr}`, '--allow-privileged=true',
    // A real node's kubelet is reached at its InternalIP with a client certificate it trusts;
    // the `kubernetes` Service points at the address the pods can reach.
    ...(realNodes
      ? [`--advertise-address=${listen}`, `--kubelet-client-certificate=${files.kubeletClientCert}`, `--kubelet-client-key=${files.kubeletClientKey}`, '--kubelet-preferred-address-types=InternalIP']
      : advertiseAddress()),
  ];
}

/**
 * The apiserver publishes its address in the `kubernetes` Endpoints, which rejects loopback, and
 * picks it from the default route. Without a non-loopback interface a documentation address
 * (TEST-NET-1) stands in: nothing dials the service VIP here, there is no kube-proxy.
 */
function advertiseAddress(): string[] {
  const external = Object.values(networkInterfaces()).flat().some((a) => a && !a.internal && a.family === 'IPv4');
  return external ? [] : ['--advertise-address=192.0.2.10'];
}

async function nodesReady(core: CoreV1Api, expected: number): Promise<boolean> {
  const nodes = (await core.listNode()).items;
  const ready = nodes.filter((n) =>
    n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') &&
    !n.spec?.taints?.some((t) => t.key === 'node.kubernetes.io/not-ready' || t.key === 'node.kubernetes.io/unreachable'));
  return ready.length === expected;
}

/** Polls `check` until true; fails early, naming the component, when a started process died. */
async function waitUntil(what: string, timeoutMs: number, processes: StartedProcess[], check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const dead = processes.find((p) => !isOurs(p));
    if (dead) throw new UserError(`${dead.name} exited while waiting for ${what}; its log: ${dead.log}\n${logTail(dead.log)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new UserError(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await sleep(250);
  }
}

function logTail(file: string): string {
  return existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-15).join('\n') : '';
}

async function httpGet(url: string): Promise<string> {
  const response = await fetch(url);
  return await response.text();
}

/** A GET that trusts our own CA only (fetch cannot take a CA without undici's Agent). */
function httpsGet(url: string, token: string, caPem: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { authorization: `Bearer ${token}` }, agent: new Agent({ ca: caPem }) }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}
