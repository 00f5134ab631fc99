import type { NodeDefinition } from '../../drivers/driver.ts';
import { nodeObject } from '../../sim/nodes.ts';

/** The annotation KWOK is started to manage, so it never touches a node we did not create. */
export const kwokNodeAnnotation = { key: 'kwok.x-k8s.io/node', value: 'fake' };

/**
 * A topology's nodes as KWOK-managed Node objects: the same names, labels, taints and capacity
 * the simulator registers, so one scenario sees one cluster shape on both. KWOK then plays their
 * kubelets (conditions, heartbeats, pod status).
 */
export function fakeNodeManifests(nodes: NodeDefinition[], now: number): object[] {
  return nodes.map((definition, index) => {
    const node = nodeObject(definition, index, now);
    return {
      ...node,
      metadata: { ...node.metadata, annotations: { [kwokNodeAnnotation.key]: kwokNodeAnnotation.value, 'node.alpha.kubernetes.io/ttl': '0' } },
      // Without a providerID the node lifecycle controller may treat the node as gone from its
      // (absent) cloud and delete it (KWOK's known issue "nodes unexpectedly deleted").
      spec: { ...node.spec, providerID: `kwok://${definition.name}` },
      status: { ...node.status, nodeInfo: { ...node.status.nodeInfo, kubeletVersion: 'fake', containerRuntimeVersion: 'kwok' } },
    };
  });
}
