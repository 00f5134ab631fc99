import { join } from 'node:path';
import { loadTopology, NETWORK_PLUGINS, packageRoot, parseLabels, parseNodeTable, UserError, type NetworkPluginName, type StepSpec, withCapability } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'a cluster with {int} worker node(s)',
    example: 'Given a cluster with 3 worker nodes',
    area: 'cluster',
    doc: 'A control-plane node plus N Ready workers named worker-1..N (4 cpu, 16Gi, 110 pods each).',
    footprint: ({ args: [count] }) => ({ workers: count as number }),
    async run({ args: [count] }) {
      const n = count as number;
      await this.driver.addNodes([
        { name: 'control-plane', role: 'control-plane' },
        ...Array.from({ length: n }, (_, i) => ({ name: `worker-${i + 1}` })),
      ]);
    },
  },
];

steps.push(
  {
    pattern: 'a cluster with nodes:',
    example: 'Given a cluster with nodes:\n  | name     | role          | labels     | taints                   |\n  | cp       | control-plane |            |                          |\n  | worker-1 |               | disk=ssd   |                          |\n  | gpu-1    |               | gpu=true   | dedicated=gpu:NoSchedule |',
    area: 'cluster',
    doc: 'Nodes from a table: name, role (worker or control-plane), labels, taints, cpu, memory, pods.',
    precheck: ({ rows }) => void parseNodeTable(rows ?? []),
    footprint: () => ({ alone: 'gives the shared nodes its labels and taints' }),
    async run({ rows }) {
      await this.driver.addNodes(parseNodeTable(rows ?? []));
    },
  },
  {
    pattern: 'node {string} joins the cluster',
    example: 'When node "worker-4" joins the cluster',
    area: 'cluster',
    doc: 'A new Ready worker node registers (simulator; on a live cluster the node must exist).',
    footprint: () => ({ alone: 'lifts the fence off a shared node' }),
    async run({ args: [name] }) {
      await this.driver.addNodes([{ name: name as string }]);
    },
  },
  {
    pattern: 'node {string} joins the cluster labelled {string}',
    example: 'When node "worker-4" joins the cluster labelled "monitoring=true"',
    area: 'cluster',
    doc: 'A new Ready worker node with labels registers.',
    footprint: () => ({ alone: 'labels a shared node and lifts its fence' }),
    async run({ args: [name, labels] }) {
      await this.driver.addNodes([{ name: name as string, labels: parseLabels(labels as string) }]);
    },
  },
  {
    pattern: 'node {string} leaves the cluster',
    example: 'When node "worker-3" leaves the cluster',
    area: 'cluster',
    doc: 'The Node object is deleted; its pods are garbage-collected (simulator only).',
    needs: ['node-removal'],
    footprint: () => ({ alone: 'removes a shared node' }),
    async run({ args: [name] }) {
      await withCapability(this.driver, 'node-removal').removeNodes([name as string]);
    },
  },
);

steps.push({
  pattern: 'a cluster with topology {string}',
  example: 'Given a cluster with topology "three-zones"',
  area: 'cluster',
  doc: "Nodes from scenarios/topologies/<name>.yaml (the project's, then kubespec's: kind, three-zones, gpu-pool).",
  precheck: ({ args: [name], projectRoot }) => void loadTopology(name as string, [join(projectRoot, 'scenarios', 'topologies'), join(packageRoot, 'scenarios', 'topologies')]),
  footprint: () => ({ alone: 'gives the shared nodes its labels and taints' }),
  async run({ args: [name] }) {
    const folders = [join(this.projectRoot, 'scenarios', 'topologies'), join(packageRoot, 'scenarios', 'topologies')];
    await this.driver.addNodes(loadTopology(name as string, folders));
  },
});

steps.push({
  pattern: "the cluster's network plugin is {string}",
  example: `Given the cluster's network plugin is "flannel"`,
  area: 'cluster',
  doc: "Which CNI the simulated kind cluster runs: kindnet (kind's default; enforces NetworkPolicy), flannel (pods get addresses, NetworkPolicy has no effect) or none (kind's disableDefaultCNI: nodes NotReady, pods wait without an IP). Simulator only.",
  needs: ['network-plugin'],
  async run({ args: [name] }) {
    if (!NETWORK_PLUGINS.includes(name as NetworkPluginName)) throw new UserError(`"${name}" is not a network plugin kubespec simulates (try ${NETWORK_PLUGINS.join(', ')})`);
    await withCapability(this.driver, 'network-plugin').setNetworkPlugin(name as NetworkPluginName);
  },
});
