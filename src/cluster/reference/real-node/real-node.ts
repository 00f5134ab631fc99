import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { kernelTunablesFile, originalKernelTunables, restoreKernelTunables } from './kernel-tunables.ts';
import { drainRealNode } from './node-drain.ts';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { isOurs, sleep, startComponent, stopComponents, type StartedProcess } from '../processes.ts';
import { containerdLayout, importImages, nodeRunDir, writeContainerdConfig } from './containerd.ts';
import { killShims, sweepCgroups, unmountUnder } from './node-cleanup.ts';
import { kubeletArgs, writeKubeletConfig, writeKubeProxyConfig, type AgentFiles } from './node-agents.ts';
import type { NodeBinaries } from './node-build.ts';
import { pauseImage, type NodeImage } from './node-images.ts';
import type { NodeDefinition } from '../../../drivers/driver.ts';
import { networkPolicyAgentArgs, networkPolicyAgentEnvironment, networkPolicyNodeLabel } from './network-policy-agent.ts';
import { nodeLauncher, nodeRoot, prepareNodeRootLayer, removeNodeRootLayer } from './node-root.ts';
import { createNodeNetwork, deleteNodeNetwork, netnsPath, writeCniConfig, type NodeNetwork } from './node-network.ts';

/** A real node as `up` leaves it in state.json, for `status` and `down`. */
export interface RealNodeState {
  name: string;
  dir: string;
  network: NodeNetwork;
  containerdSocket: string;
  cgroupRoot: string;
  /** The host sysctls the kubelet rewrites, as they were before any real node's kubelet (restored by the last to stop). */
  kernelTunables: Record<string, string>;
  /** containerd, kubelet, kube-proxy: stopped by pid (checked against the binary) at `down`. */
  processes: StartedProcess[];
}

/** What up hands over to start one real node once the control plane answers. */
export interface RealNodePlan {
  /** The topology worker it plays: it registers under that name, with its labels and taints. */
  name: string;
  labels: Record<string, string>;
  taints: Array<{ key: string; value?: string; effect: string }>;
  dir: string;
  network: NodeNetwork;
  kernelTunables: Record<string, string>;
}

/**
 * The real node plays a worker of the topology (`plays`): it registers under that worker's name
 * with its labels and taints, in place of the KWOK node that would have had them, so a scenario's
 * "cluster with 1 worker node" is this node, by name, without any renaming. Its folder and
 * network namespace are numbered by `index`.
 */
export function realNodePlan(clusterDir: string, index: number, network: NodeNetwork, plays: NodeDefinition): RealNodePlan {
  return {
    name: plays.name, labels: plays.labels ?? {}, taints: plays.taints ?? [], dir: join(clusterDir, `real-node-${index}`), network,
    kernelTunables: originalKernelTunables(),
  };
}

/** Before the API server starts: the node's network namespace and link (the API server listens on the link). */
export async function prepareRealNodeNetwork(plan: RealNodePlan): Promise<void> {
  mkdirSync(plan.dir, { recursive: true });
  await createNodeNetwork(plan.network);
}

export interface RealNodeInputs {
  binaries: NodeBinaries;
  images: NodeImage[];
  kubeletKubeconfig: string;
  kubeProxyKubeconfig: string;
  clientCaFile: string;
  ports: { kubelet: number; proxyHealthz: number; proxyMetrics: number };
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Whether the node will run a NetworkPolicy agent (startNetworkPolicyAgent): it registers with its label. */
  networkPolicy: boolean;
  /** Fails early when a started process died (up's wait, which names the component and its log). */
  waitUntil: (what: string, check: () => Promise<boolean>) => Promise<void>;
}

/**
 * Starts the node's root (node-root.ts: its own mount namespace, the host's files seen through an
 * overlay), then containerd (imports the offline images), the kubelet and kube-proxy in that root
 * and in the node's network namespace: the kubelet's volume mounts and containerd's are in the
 * same namespace, and what they write outside the shared folders never reaches the host.
 * Processes go into `processes` as they start, so a failure half-way is cleaned up by the caller
 * with stopRealNode.
 */
export async function startRealNode(plan: RealNodePlan, inputs: RealNodeInputs, processes: StartedProcess[]): Promise<RealNodeState> {
  const ctrd = containerdLayout(plan.dir, plan.network.netns);
  const cgroupRoot = `/${plan.network.netns}`;
  const state: RealNodeState = {
    name: plan.name, dir: plan.dir, network: plan.network, containerdSocket: ctrd.socket, cgroupRoot, processes,
    kernelTunables: plan.kernelTunables,
  };
  const logs = join(plan.dir, 'logs');
  mkdirSync(logs, { recursive: true });
  // For real nodes that start while this one's kubelet runs (kernel-tunables.ts).
  writeFileSync(kernelTunablesFile(plan.dir), JSON.stringify(plan.kernelTunables));
  const start = async (name: string, binary: string, args: string[], launcher: string[]) => {
    const p = startComponent(name, binary, args, join(logs, `${name}.log`), inputs.env, launcher);
    processes.push(p);
    await execedInPlace(p);
    return p;
  };

  const runDir = nodeRunDir(plan.network.netns);
  mkdirSync(runDir, { recursive: true });
  prepareNodeRootLayer(plan.network.netns);
  const root = nodeRoot(plan.network.netns, [dirname(plan.dir), runDir], await which('sleep'));
  const holder = await start(NODE_ROOT, '/bin/sh', ['-c', root.script], ['unshare', '--mount', '--propagation', 'private']);
  // unshare and sh exec in place: the pid ends up running the holder's program, which is what `down` checks it against.
  holder.binary = root.holder;
  const ready = Date.now() + 5_000;
  while (!isOurs(holder) && Date.now() < ready) await sleep(20);
  if (!isOurs(holder)) throw new Error(`${plan.name}'s root (its own mount namespace with an overlay of /) could not be made: ${lastLines(holder.log)}`);
  const launcher = nodeLauncher(holder.pid, netnsPath(plan.network));

  writeContainerdConfig(ctrd, pauseImage(inputs.binaries));
  writeCniConfig(plan.network, ctrd.cniConfDir, ctrd.cniIpamDir);
  await start('containerd', await which('containerd'), ['--config', ctrd.config], launcher);
  await inputs.waitUntil(`${plan.name}'s containerd`, async () => (await execa('ctr', ['--address', ctrd.socket, 'version'], { reject: false })).exitCode === 0);
  await importImages(ctrd, inputs.images);
  inputs.log(`${plan.name}: images ${inputs.images.map((i) => i.name).join(', ')}`);

  // The kubelet refuses a cgroup root that does not exist; it makes kubepods and the rest below it.
  for (const hierarchy of readdirSync('/sys/fs/cgroup')) {
    if (existsSync(join('/sys/fs/cgroup', hierarchy, 'cgroup.procs'))) mkdirSync(join('/sys/fs/cgroup', hierarchy, cgroupRoot), { recursive: true });
  }
  const nodeLabels = inputs.networkPolicy ? { ...plan.labels, [networkPolicyNodeLabel.key]: networkPolicyNodeLabel.value } : plan.labels;
  const files: AgentFiles = { nodeName: plan.name, nodeLabels, nodeTaints: plan.taints, network: plan.network, dir: plan.dir, runDir, containerdSocket: ctrd.socket, clientCaFile: inputs.clientCaFile, kubeletPort: inputs.ports.kubelet, cgroupRoot };
  await start('kubelet', inputs.binaries.kubelet, kubeletArgs(files, writeKubeletConfig(files), inputs.kubeletKubeconfig), launcher);
  await start('kube-proxy', inputs.binaries.kubeProxy, [`--config=${writeKubeProxyConfig(files, inputs.kubeProxyKubeconfig, { healthz: inputs.ports.proxyHealthz, metrics: inputs.ports.proxyMetrics })}`], launcher);
  return state;
}

/**
 * The node's NetworkPolicy agent (network-policy-agent.ts), once the node has registered:
 * kube-router reads its own Node at start and exits without it. In the node's root and network
 * namespace, beside kube-proxy's rules; stopped with the other agents before containerd, and its
 * rules and ipsets go with the namespace. Added to `processes` (the node's and up's watch list).
 */
export async function startNetworkPolicyAgent(node: RealNodeState, agent: { binary: string; kubeconfig: string; serviceCidr: string }, env: NodeJS.ProcessEnv, processes: StartedProcess[][]): Promise<void> {
  const holder = node.processes.find((p) => p.name === NODE_ROOT)!;
  const args = networkPolicyAgentArgs({ nodeName: node.name, kubeconfig: agent.kubeconfig, serviceCidr: agent.serviceCidr });
  const p = startComponent('network-policy-agent', agent.binary, args, join(node.dir, 'logs', 'network-policy-agent.log'), networkPolicyAgentEnvironment(env, node.name), nodeLauncher(holder.pid, netnsPath(node.network)));
  for (const list of processes) list.push(p);
  await execedInPlace(p);
}

/** nsenter execs the binary in place: wait until the pid runs it, so liveness checks hold. */
async function execedInPlace(p: StartedProcess): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!isOurs(p) && Date.now() < deadline) await sleep(20);
}

/**
 * Stops a real node and removes all it made: its pods through the kubelet (drainRealNode), then
 * kube-proxy and the kubelet, then every container
 * process (by the node's cgroup root) and containerd's shims (by our socket), containerd, then
 * the mounts under the node's folder, the kubelet's log links, CNI's cached results and the
 * network namespace with everything in it. Returns what could not be removed (empty: clean).
 */
export async function stopRealNode(node: Pick<RealNodeState, 'name' | 'dir' | 'network' | 'containerdSocket' | 'cgroupRoot' | 'processes' | 'kernelTunables'>, kubeconfig: string, log: (line: string) => void): Promise<string[]> {
  // While the kubelet and containerd still run: the pods leave the way Kubernetes removes them.
  if (node.processes.some((p) => p.name === 'kubelet' && isOurs(p))) {
    for (const line of await drainRealNode(kubeconfig, node.name, node.containerdSocket)) log(line);
  }
  const agents = node.processes.filter((p) => p.name !== 'containerd' && p.name !== NODE_ROOT);
  await stopComponents(agents);
  const left: string[] = [];
  left.push(...(await sweepCgroups(node.cgroupRoot)));
  left.push(...(await killShims(node.containerdSocket)));
  await stopComponents(node.processes.filter((p) => p.name === 'containerd'));
  // The last process in the node's mount namespace: with it go the namespace and every mount in it.
  await stopComponents(node.processes.filter((p) => p.name === NODE_ROOT));
  left.push(...removeNodeRootLayer(node.network.netns));
  left.push(...(await unmountUnder(node.dir)), ...(await unmountUnder(nodeRunDir(node.network.netns))));
  left.push(...restoreKernelTunables(node.kernelTunables));
  try {
    await deleteNodeNetwork(node.network);
  } catch (e) {
    left.push(`network namespace ${node.network.netns}: ${(e as Error).message}`);
  }
  // containerd's content and snapshots are big and per run; with nothing mounted they go too.
  for (const folder of left.length ? [] : [nodeRunDir(node.network.netns), join(node.dir, 'containerd')]) {
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch (e) {
      left.push(`${folder}: ${(e as Error).message}`);
    }
  }
  return left;
}

/** The holder of the node's mount namespace (node-root.ts), among the node's processes. */
const NODE_ROOT = 'node-root';

function lastLines(log: string): string {
  try {
    return readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' / ') || `nothing in ${log}`;
  } catch {
    return `no log at ${log}`;
  }
}

async function which(program: string): Promise<string> {
  const { stdout } = await execa('sh', ['-c', `command -v ${program}`]);
  return stdout.trim();
}
