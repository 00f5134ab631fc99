import { execa } from 'execa';
import { sleep } from '../processes.ts';

/**
 * Empties a real node through its own kubelet before anything is killed, so each pod goes the
 * way Kubernetes removes it: containerd's StopPodSandbox runs the CNI DEL (IP released, cached
 * result and pod network namespace removed) and the shims exit on their own, taking their
 * sockets. A NoExecute taint keeps controllers' replacements off the node; the pods are deleted
 * with no grace period. Waits (at most `timeoutMs`) until containerd runs no task. Returns what
 * did not happen; whatever is left is killed by `stopRealNode`'s sweep afterwards.
 */
export async function drainRealNode(kubeconfig: string, nodeName: string, containerdSocket: string, timeoutMs = 30_000): Promise<string[]> {
  const { CoreV1Api, KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfig);
  const core = kc.makeApiClient(CoreV1Api);
  try {
    const node = await core.readNode({ name: nodeName });
    const taints = [...(node.spec?.taints ?? []).filter((t) => t.key !== drainTaint.key), drainTaint];
    await core.patchNode({ name: nodeName, body: [{ op: 'add', path: '/spec/taints', value: taints }] });
    const pods = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${nodeName}` });
    for (const pod of pods.items) {
      await core.deleteNamespacedPod({ name: pod.metadata!.name!, namespace: pod.metadata!.namespace!, gracePeriodSeconds: 0 }).catch(() => undefined);
    }
  } catch (e) {
    return [`the API server did not take the drain of ${nodeName} (${(e as Error).message}); its containers are killed instead`];
  }
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const tasks = await execa('ctr', ['--address', containerdSocket, '-n', 'k8s.io', 'tasks', 'ls', '-q'], { reject: false });
    if (tasks.exitCode === 0 && !tasks.stdout.trim()) return [];
    if (Date.now() > deadline) return [`${nodeName} still ran ${tasks.stdout.split('\n').filter(Boolean).length} containers ${timeoutMs / 1000} s after its pods were deleted; they are killed instead`];
    await sleep(250);
  }
}

const drainTaint = { key: 'kubespec.io/real-node-stopping', value: 'true', effect: 'NoExecute' };
