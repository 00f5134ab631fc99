import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { binFolder, goCommand, goEnvironment, goToolchainVersion, type BuildLayout } from '../build.ts';
import type { ReferenceBuild } from '../versions.ts';

/**
 * What enforces NetworkPolicy on a real node (issue 31): kube-router's network policy controller
 * alone (`--run-firewall`, with its router, service proxy and load-balancer allocator off), built
 * from its Go module. It writes iptables filter rules and ipsets inside the node's network
 * namespace, where kube-proxy's rules and the CNI bridge already are, so `ip netns del` takes them.
 *
 * Why not sigs.k8s.io/kube-network-policies (SIG Network's own, v0.7.0 and v0.8.0 here): every
 * verdict of it goes through the nftables `queue` statement (pkg/networkpolicy/controller.go:855
 * and :971 at v0.8.0, `expr.Queue`; no flag turns it off), and this kernel has CONFIG_NFT_QUEUE
 * unset: its table cannot load (a netlink ENOENT for the whole transaction), and it would run
 * while enforcing nothing. kube-router needs only iptables' xt matches (set, physdev, conntrack,
 * mark, addrtype, multiport, limit, comment) and targets (REJECT, NFLOG, MARK), all built in here.
 *
 * v2.1.0 is the only v2 release the module proxy serves here (`go list -m -versions`); later
 * releases fix flaws found since (v2.1.1's notes: IPv6 policies were mostly not applied). Here IPv6
 * is off and only the policy controller runs; a newer version is one constant below once served.
 */
export const networkPolicyAgent = {
  module: 'github.com/cloudnativelabs/kube-router/v2',
  version: 'v2.1.0',
  command: 'github.com/cloudnativelabs/kube-router/v2/cmd/kube-router',
} as const;

/** The name the API server knows the agents by (a static token, as kube-proxy's): bound to networkPolicyAgentRbac's role. */
export const networkPolicyAgentUser = 'system:kubespec:network-policy-agent';
const roleName = 'kubespec:network-policy-agent';

/** Where the agent is built: the release's bin folder, under a name that carries its version. */
export async function networkPolicyAgentBinary(layout: BuildLayout, build: ReferenceBuild): Promise<string> {
  return join(binFolder(layout, build, await goToolchainVersion()), `kube-router-${networkPolicyAgent.version}`);
}

/**
 * Builds the agent when the release's bin folder lacks it: `go install <command>@<version>` (its
 * go.mod has no replace directives), static, with the version its own build stamps in
 * (its Makefile:72 -X pkg/version.Version, BuildDate). Built beside the final name and renamed, so a
 * half-written file never runs. Cold: about 6 minutes here (2026-12-07, two cores shared with
 * other builds); warm Go build cache: 9.7 s.
 */
export async function ensureNetworkPolicyAgent(layout: BuildLayout, build: ReferenceBuild, log: (line: string) => void): Promise<string> {
  const binary = await networkPolicyAgentBinary(layout, build);
  if (existsSync(binary)) return binary;
  const { command, version, module } = networkPolicyAgent;
  log(`building kube-router ${version} (network policy controller) from its module (cold: several minutes)`);
  const gobin = join(binary, '..', `.kube-router-build-${process.pid}`);
  mkdirSync(gobin, { recursive: true });
  const stamp = `-X ${module}/pkg/version.Version=${version} -X ${module}/pkg/version.BuildDate=1970-01-01T00:00:00Z`;
  await goCommand(['install', '-ldflags', `-s -w ${stamp}`, `${command}@${version}`], layout.moduleDir, { ...goEnvironment(), GOBIN: gobin, GOFLAGS: '-trimpath -mod=mod' });
  renameSync(join(gobin, 'kube-router'), binary);
  rmSync(gobin, { recursive: true, force: true });
  return binary;
}

/** What one node's agent is started with. */
export interface NetworkPolicyAgentInputs {
  /** The node it guards, by its registered name (the topology worker the real node plays). */
  nodeName: string;
  /** A kubeconfig of networkPolicyAgentUser. */
  kubeconfig: string;
  /** The API server's --service-cluster-ip-range: traffic to it is left to kube-proxy. */
  serviceCidr: string;
}

/**
 * kube-router's arguments for policy only (pkg/options/options.go at v2.1.0 for each flag).
 * Health and metrics servers are off: nothing polls them, and each would be one more port in the
 * node's namespace. The periodic full sync stays at its 5 minutes; every pod, namespace and
 * policy event asks for a sync of its own.
 */
export function networkPolicyAgentArgs(inputs: NetworkPolicyAgentInputs): string[] {
  return [
    '--run-firewall=true', '--run-router=false', '--run-service-proxy=false', '--run-loadbalancer=false',
    `--kubeconfig=${inputs.kubeconfig}`, `--hostname-override=${inputs.nodeName}`,
    `--service-cluster-ip-range=${inputs.serviceCidr}`, '--enable-ipv4=true', '--enable-ipv6=false',
    '--health-port=0', '--metrics-port=0', '--v=1',
  ];
}

/**
 * NODE_NAME is what kube-router asks the API server for first (pkg/utils/node.go:19
 * GetNodeObject; then the host's hostname, then --hostname-override): set, so the machine's own
 * hostname can never pick another node.
 */
export function networkPolicyAgentEnvironment(env: NodeJS.ProcessEnv, nodeName: string): NodeJS.ProcessEnv {
  return { ...env, NODE_NAME: nodeName };
}

/**
 * Read-only access to what its informers list and watch (pkg/cmd/kube-router.go:96-102 at v2.1.0
 * starts pods, namespaces, network policies, and also services, endpoints, endpoint slices and
 * nodes, whichever controllers run; a cache that cannot sync is fatal after a minute), and the
 * node it reads by name. The policy controller writes nothing to the API. Applied by `up` before
 * any agent starts, as kube-proxy's system:node-proxier binding is there by bootstrap policy.
 */
export function networkPolicyAgentRbac(): object[] {
  const read = ['get', 'list', 'watch'];
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: roleName },
      rules: [
        { apiGroups: [''], resources: ['pods', 'namespaces', 'nodes', 'services', 'endpoints'], verbs: read },
        { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: read },
        { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: read },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: roleName },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleName },
      subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: networkPolicyAgentUser }],
    },
  ];
}

/**
 * What this machine lacks for the agent, one line each (empty: nothing). kube-router runs the
 * `ipset` program (pkg/utils/ipset.go:195 exec.LookPath) and iptables-save/-restore; a node
 * without them runs without NetworkPolicy enforcement, and the steps keep the model.
 */
export async function networkPolicyAgentMissing(): Promise<string[]> {
  const missing: string[] = [];
  for (const [program, pkg] of [['ipset', 'ipset'], ['iptables-save', 'iptables'], ['iptables-restore', 'iptables']]) {
    const found = await execa('sh', ['-c', `command -v ${program}`], { reject: false });
    if (found.exitCode !== 0) missing.push(`\`${program}\` is not on PATH (Debian package ${pkg}): NetworkPolicy is not enforced on the real nodes`);
  }
  return missing;
}

/**
 * The agent for `up`, or undefined with the reason logged: what the machine lacks, or a build
 * that failed (no module proxy). The real nodes then run without NetworkPolicy enforcement and
 * carry no networkPolicyNodeLabel, so the live driver's steps keep the model there.
 */
export async function networkPolicyAgentForUp(layout: BuildLayout, build: ReferenceBuild, log: (line: string) => void): Promise<string | undefined> {
  const missing = await networkPolicyAgentMissing();
  for (const line of missing) log(`real node: ${line}`);
  if (missing.length) return undefined;
  try {
    return await ensureNetworkPolicyAgent(layout, build, log);
  } catch (e) {
    log(`real node: kube-router ${networkPolicyAgent.version} could not be built, NetworkPolicy is not enforced: ${(e as Error).message.split('\n')[0]}`);
    return undefined;
  }
}

/**
 * The mark of a node where the agent runs (set by its kubelet at registration, as the real-node
 * label): the live driver observes traffic under a NetworkPolicy only between such nodes
 * (src/drivers/live/probe-site.ts).
 */
export const networkPolicyNodeLabel = { key: 'kubespec.io/network-policy', value: `kube-router-${networkPolicyAgent.version}` };
