// More than one real node (issue 31): which node plays which worker, how their networks are
// numbered and linked, and what `down` removes of the fabric. No root needed; the running nodes
// are checked by scripts/reference-real-node-cycle.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { playedWorkers } from '../../../src/cluster/reference/real-node/played-workers.ts';
import { maxRealNodes, nodeNetwork } from '../../../src/cluster/reference/real-node/node-network.ts';
import { fabricPort, fabricRoutes, nodeFabric } from '../../../src/cluster/reference/real-node/node-fabric.ts';
import { writeCniConfig } from '../../../src/cluster/reference/real-node/node-network.ts';
import { writeKubeProxyConfig } from '../../../src/cluster/reference/real-node/node-agents.ts';
import { realNodeKubeletDir } from '../../../src/cluster/reference/real-node/kernel-tunables.ts';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const kind = [{ name: 'control-plane', role: 'control-plane' as const }, { name: 'worker-1' }, { name: 'worker-2', labels: { zone: 'b' } }, { name: 'worker-3' }];

test('real node i plays the topology\'s i-th worker, never the control plane, with its labels', () => {
  assert.deepEqual(playedWorkers(kind, 0, 'kind'), []);
  assert.deepEqual(playedWorkers(kind, 1, 'kind').map((w) => w.name), ['worker-1']);
  const three = playedWorkers(kind, 3, 'kind');
  assert.deepEqual(three.map((w) => w.name), ['worker-1', 'worker-2', 'worker-3']);
  assert.deepEqual(three[1]!.labels, { zone: 'b' });
});

test('more real nodes than workers, a negative or a fractional count is refused with what the topology allows', () => {
  assert.throws(() => playedWorkers(kind, 4, 'kind'), { name: 'UserError', message: '--real-nodes 4: expected 0 to 3: topology kind has 3 workers (worker-1, worker-2, worker-3), and each real node plays one' });
  assert.throws(() => playedWorkers(kind, -1, 'kind'), { message: /^--real-nodes -1: expected 0 to 3/ });
  assert.throws(() => playedWorkers(kind, 1.5, 'kind'), { message: /^--real-nodes 1\.5: expected 0 to 3/ });
  assert.throws(() => playedWorkers([{ name: 'cp', role: 'control-plane' }], 1, 'bare'), { message: '--real-nodes 1: expected 0 to 0: topology bare has 0 workers, and each real node plays one' });
  const many = Array.from({ length: 10 }, (_, i) => ({ name: `w${i}` }));
  assert.throws(() => playedWorkers(many, 5, 'big'), { message: `--real-nodes 5: expected 0 to ${maxRealNodes}: a cluster numbers at most ${maxRealNodes} real nodes (their pod subnets are one /22, node-network.ts)` });
});

test("a cluster's real nodes have their own /24 pod subnets inside one /22 that no other minor's node uses, and distinct fabric addresses", () => {
  const nodes = [0, 1, 2, 3].map((i) => nodeNetwork(35, i));
  assert.deepEqual(nodes.map((n) => n.podSubnet), ['10.245.140.0/24', '10.245.141.0/24', '10.245.142.0/24', '10.245.143.0/24']);
  assert.ok(nodes.every((n) => n.clusterPodCidr === '10.245.140.0/22'));
  assert.deepEqual(nodes.map((n) => n.fabricAddress), ['10.246.35.1', '10.246.35.2', '10.246.35.3', '10.246.35.4']);
  assert.deepEqual(nodes.map((n) => n.netns), ['kubespec-ref-35-node-0', 'kubespec-ref-35-node-1', 'kubespec-ref-35-node-2', 'kubespec-ref-35-node-3']);
  // The next minor's /22 starts where this one ends.
  assert.equal(nodeNetwork(36, 0).clusterPodCidr, '10.245.144.0/22');
  assert.throws(() => nodeNetwork(35, 4), RangeError);
});

test('each node routes the other nodes\' pod subnets to their fabric address, and not its own', () => {
  const nodes = [0, 1, 2].map((i) => nodeNetwork(35, i));
  assert.deepEqual(fabricRoutes(nodes, 1), [{ to: '10.245.140.0/24', via: '10.246.35.1' }, { to: '10.245.142.0/24', via: '10.246.35.3' }]);
  assert.deepEqual(fabricRoutes(nodes.slice(0, 1), 0), []);
  const fabric = nodeFabric(35);
  // down deletes it by this name, a real-node name of this minor only: another minor's cluster keeps its own.
  assert.equal(fabric.netns, 'kubespec-ref-35-fabric');
  assert.notEqual(nodeFabric(36).netns, fabric.netns);
  assert.equal(fabric.subnet, '10.246.35.0/24');
  assert.ok(fabricPort(3).length <= 15);
});

test('pods are not masqueraded, and kube-proxy counts every real node\'s pods as the cluster\'s', () => {
  const dir = mkdtempSync(join(tmpdir(), 'net-'));
  const network = nodeNetwork(35, 2);
  writeCniConfig(network, join(dir, 'net.d'), join(dir, 'ipam'));
  const bridge = JSON.parse(readFileSync(join(dir, 'net.d', '10-kubespec.conflist'), 'utf8')).plugins[0];
  assert.equal(bridge.ipMasq, false);
  assert.deepEqual(bridge.ipam.ranges, [[{ subnet: '10.245.142.0/24' }]]);
  const files = { nodeName: 'worker-3', nodeLabels: {}, nodeTaints: [], network, dir, runDir: '/run/x', containerdSocket: '/x.sock', clientCaFile: '/ca', kubeletPort: 1, cgroupRoot: `/${network.netns}` };
  const proxy = parse(readFileSync(writeKubeProxyConfig(files, '/k', { healthz: 2, metrics: 3 }), 'utf8'));
  assert.equal(proxy.clusterCIDR, '10.245.140.0/22');
  assert.equal(proxy.hostnameOverride, 'worker-3');
});

test("a real node's kubelet is told from its command line, wherever its cluster is, and no other kubelet or program is", () => {
  const kubelet = ['/c/bin-1/kubelet', '--config=/c/cluster-1.35/real-node-1/kubelet-config.yaml', '--root-dir=/run/kubespec-ref-35-node-1/kubelet'];
  assert.equal(realNodeKubeletDir(kubelet), '/c/cluster-1.35/real-node-1');
  assert.equal(realNodeKubeletDir(['/usr/bin/kubelet', '--config=/etc/kubelet.yaml', '--root-dir=/var/lib/kubelet']), undefined);
  assert.equal(realNodeKubeletDir(['/c/bin-1/kube-proxy', '--root-dir=/run/kubespec-ref-35-node-1/kubelet']), undefined);
  assert.equal(realNodeKubeletDir(['']), undefined);
});
