// NetworkPolicy enforcement on real nodes (issue 31): the parts that need no root. The running
// agent is checked by scripts/reference-network-policy.ts on a cluster with a real node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { networkPolicyAgentArgs, networkPolicyAgentEnvironment, networkPolicyAgentRbac, networkPolicyAgentUser } from '../../../../src/cluster/reference/real-node/network-policy-agent.ts';
import { agentIpsets, agentRuleRemovals } from '../../../../src/cluster/reference/real-node/network-policy-rules.ts';

test('the agent runs kube-router\'s policy controller alone, for the node it guards', () => {
  const args = networkPolicyAgentArgs({ nodeName: 'worker-1', kubeconfig: '/c/agent.kubeconfig', serviceCidr: '10.96.0.0/16' });
  for (const off of ['--run-router=false', '--run-service-proxy=false', '--run-loadbalancer=false']) assert.ok(args.includes(off), off);
  assert.ok(args.includes('--run-firewall=true'));
  assert.ok(args.includes('--hostname-override=worker-1'));
  assert.ok(args.includes('--service-cluster-ip-range=10.96.0.0/16'));
  assert.equal(networkPolicyAgentEnvironment({ PATH: '/bin' }, 'worker-1').NODE_NAME, 'worker-1');
});

test('the agent\'s role reads what its informers watch and writes nothing; its binding names the agent user', () => {
  const [role, binding] = networkPolicyAgentRbac() as Array<{ kind: string; rules?: Array<{ resources: string[]; verbs: string[] }>; subjects?: Array<{ kind: string; name: string }> }>;
  assert.equal(role!.kind, 'ClusterRole');
  assert.deepEqual(role!.rules!.flatMap((r) => r.resources).sort(), ['endpoints', 'endpointslices', 'namespaces', 'networkpolicies', 'nodes', 'pods', 'services']);
  assert.ok(role!.rules!.every((r) => r.verbs.join() === 'get,list,watch'));
  assert.deepEqual(binding!.subjects, [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: networkPolicyAgentUser }]);
});

// Shaped as kube-router v2.1.0 leaves a node's filter table (chain hashes shortened), beside
// kube-proxy's chains, which must stay.
const dump = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:KUBE-FORWARD - [0:0]
:KUBE-NWPLCY-DEFAULT - [0:0]
:KUBE-NWPLCY-ABC - [0:0]
:KUBE-POD-FW-XYZ - [0:0]
:KUBE-ROUTER-FORWARD - [0:0]
:KUBE-ROUTER-INPUT - [0:0]
:KUBE-ROUTER-OUTPUT - [0:0]
-A INPUT -m comment --comment "kube-router netpol - 4IA2OSFRMVNDXBVV" -j KUBE-ROUTER-INPUT
-A FORWARD -m comment --comment "kube-router netpol - TEMCG2JMHZYE7H7T" -j KUBE-ROUTER-FORWARD
-A FORWARD -m comment --comment "kubernetes forwarding rules" -j KUBE-FORWARD
-A OUTPUT -m comment --comment "kube-router netpol - VEAAIY32XVBHCSCY" -j KUBE-ROUTER-OUTPUT
-A KUBE-FORWARD -m conntrack --ctstate INVALID -j DROP
-A KUBE-POD-FW-XYZ -m comment --comment "run through nw policy default-deny" -j KUBE-NWPLCY-ABC
-A KUBE-ROUTER-FORWARD -d 10.245.148.5/32 -m comment --comment "rule to jump traffic destined to POD name:server namespace: ns to chain KUBE-POD-FW-XYZ" -j KUBE-POD-FW-XYZ
COMMIT
`;

test('removing the agent\'s rules deletes its jumps from the built-in chains, then flushes and deletes its chains only', () => {
  assert.deepEqual(agentRuleRemovals(dump), [
    ['-D', 'INPUT', '-m', 'comment', '--comment', 'kube-router netpol - 4IA2OSFRMVNDXBVV', '-j', 'KUBE-ROUTER-INPUT'],
    ['-D', 'FORWARD', '-m', 'comment', '--comment', 'kube-router netpol - TEMCG2JMHZYE7H7T', '-j', 'KUBE-ROUTER-FORWARD'],
    ['-D', 'OUTPUT', '-m', 'comment', '--comment', 'kube-router netpol - VEAAIY32XVBHCSCY', '-j', 'KUBE-ROUTER-OUTPUT'],
    ...['KUBE-NWPLCY-DEFAULT', 'KUBE-NWPLCY-ABC', 'KUBE-POD-FW-XYZ', 'KUBE-ROUTER-FORWARD', 'KUBE-ROUTER-INPUT', 'KUBE-ROUTER-OUTPUT'].map((c) => ['-F', c]),
    ...['KUBE-NWPLCY-DEFAULT', 'KUBE-NWPLCY-ABC', 'KUBE-POD-FW-XYZ', 'KUBE-ROUTER-FORWARD', 'KUBE-ROUTER-INPUT', 'KUBE-ROUTER-OUTPUT'].map((c) => ['-X', c]),
  ]);
});

test('only the agent\'s policy sets are destroyed', () => {
  assert.deepEqual(agentIpsets('KUBE-SRC-ABCDEFGH\nKUBE-DST-IJKLMNOP\nKUBE-CLUSTER-IP\nother\n'), ['KUBE-SRC-ABCDEFGH', 'KUBE-DST-IJKLMNOP']);
});
