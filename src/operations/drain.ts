import type { Driver, KubeObject } from '../drivers/driver.ts';
import { WaitTimeoutAssertionError } from '../drivers/driver.ts';
import { KubespecAssertionError } from '../assertions/errors.ts';
import { formatDuration } from '../kube/duration.ts';

/** `kubectl cordon|uncordon <node>`. */
export async function setCordoned(driver: Driver, node: string, cordoned: boolean): Promise<void> {
  await driver.patch({ kind: 'Node', name: node }, { spec: { unschedulable: cordoned ? true : null } }, 'merge');
}

/**
 * `kubectl drain <node> --ignore-daemonsets --delete-emptydir-data`: cordon, then evict every
 * pod on the node except DaemonSet and mirror pods, retrying evictions a PodDisruptionBudget
 * refuses, until the evicted pods are gone. Pods without a controller stop the drain (kubectl
 * needs --force for them). Fails after `timeoutMs` with the last refusal, as kubectl does.
 */
export async function drain(driver: Driver, node: string, timeoutMs: number): Promise<string[]> {
  await setCordoned(driver, node, true);
  const onNode = (await driver.list('Pod', { allNamespaces: true })).filter((p) => p.spec?.nodeName === node);
  const unmanaged = onNode.filter((p) => !p.metadata.ownerReferences?.some((r) => r.controller) && !isMirror(p));
  if (unmanaged.length) {
    throw new KubespecAssertionError(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.map((p) => `${p.metadata.namespace}/${p.metadata.name}`).join(', ')}`);
  }
  const targets = onNode.filter((p) => !isDaemonPod(p) && !isMirror(p) && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const refusals = new Map<string, string>();
  try {
    await driver.waitFor(`node "${node}" to drain`, async () => {
      let remaining = 0;
      for (const pod of targets) {
        const current = await driver.get({ kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace });
        if (!current || current.metadata.uid !== pod.metadata.uid) continue;
        remaining++;
        if (current.metadata.deletionTimestamp) continue;
        try {
          await driver.evict(pod.metadata.name, pod.metadata.namespace);
          refusals.delete(pod.metadata.name);
        } catch (e) {
          refusals.set(pod.metadata.name, `error when evicting pods/"${pod.metadata.name}" -n "${pod.metadata.namespace}" (will retry after 5s): ${(e as Error).message}`);
        }
      }
      return remaining === 0 ? true : undefined;
    }, timeoutMs);
  } catch (e) {
    if (!(e instanceof WaitTimeoutAssertionError)) throw e;
    throw new KubespecAssertionError(`node "${node}" was not drained within ${formatDuration(timeoutMs)}${refusals.size ? `:\n${[...refusals.values()].join('\n')}` : ''}`);
  }
  return targets.map((p) => p.metadata.name);
}

function isDaemonPod(p: KubeObject): boolean {
  return p.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'DaemonSet') ?? false;
}

function isMirror(p: KubeObject): boolean {
  return p.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}
