/**
 * scheduler.nodePorts.restartableInitContainers: up to 1.32 NodePorts counts the hostPorts of
 * regular containers only (K@1.32.13 node_ports.go getContainerPorts, types.go updateUsedPorts);
 * from 1.33.x/1.34 those of sidecars too (K@1.34.4 pkg/scheduler/util/utils.go GetHostPorts), on
 * both the incoming pod and the pods already on the node. A plain init container's never count.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubernetesVersion, SUPPORTED_MINORS, LEGACY_MINORS } from '../../../src/kube/kubernetes-versions.ts';
import type { CycleContext } from '../../../src/sim/scheduler/framework.ts';
import { hostPorts, nodePorts } from '../../../src/sim/scheduler/plugins/node-ports.ts';
import { buildNodeInfos } from '../../../src/sim/scheduler/resources.ts';

const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: {} }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } };
const withSidecarPort = (name: string, nodeName?: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { nodeName, containers: [{ name: 'app' }], initContainers: [{ name: 'proxy', restartPolicy: 'Always', ports: [{ containerPort: 9000, hostPort: 9000 }] }] },
  status: { phase: 'Running' },
});
const withInitPort = (name: string, nodeName?: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { nodeName, containers: [{ name: 'app' }], initContainers: [{ name: 'setup', ports: [{ containerPort: 9000, hostPort: 9000 }] }] },
  status: { phase: 'Running' },
});
const withContainerPort = (name: string) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'app', ports: [{ containerPort: 9000, hostPort: 9000 }] }] },
});

function verdict(minor: string, existing: any, incoming: any): string {
  const infos = buildNodeInfos([node as any], [existing]);
  const ctx = { version: parseKubernetesVersion(minor) } as CycleContext;
  const state = nodePorts.prepare(incoming, ctx);
  if (nodePorts.skipsFilter(incoming, state)) return 'skipped';
  return nodePorts.filter(incoming, infos[0]!, state).code;
}

const minors = [...LEGACY_MINORS, ...SUPPORTED_MINORS];
const counts = (minor: string) => minor !== '1.32';

for (const minor of minors) {
  test(`${minor}: a sidecar's hostPort ${counts(minor) ? 'is' : 'is not'} counted, a plain init container's never`, () => {
    const v = parseKubernetesVersion(minor);
    assert.deepEqual(hostPorts(v, withSidecarPort('s') as any).map((p) => p.port), counts(minor) ? [9000] : []);
    assert.deepEqual(hostPorts(v, withInitPort('i') as any), []);
    // The incoming pod's sidecar asks for the port a running container holds.
    assert.equal(verdict(minor, { ...withContainerPort('holder'), spec: { ...withContainerPort('holder').spec, nodeName: 'n1' }, status: { phase: 'Running' } }, withSidecarPort('new')), counts(minor) ? 'Unschedulable' : 'skipped');
    // A running pod's sidecar holds the port the incoming pod's container asks for.
    assert.equal(verdict(minor, withSidecarPort('holder', 'n1'), withContainerPort('new')), counts(minor) ? 'Unschedulable' : 'Success');
    assert.equal(verdict(minor, withInitPort('holder', 'n1'), withContainerPort('new')), 'Success');
  });
}
