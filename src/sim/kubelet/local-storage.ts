import type { Millis } from '../clock.ts';
import { bytes, formatBytes } from '../../kube/quantity.ts';
import type { KubeObject } from '../store/types.ts';
import type { PodRuntime } from './pod-runtime.ts';
import { grownBy } from './node-pressure.ts';
import { writeTarget } from './written-files.ts';

/** The emptyDir volume a path of the container falls in (the mount holding it, as writes find it), if any. */
function emptyDirAt(pod: KubeObject, container: any, path: string): string | undefined {
  const target = writeTarget(pod, container, path);
  return target.kind === 'emptyDir' ? target.volume : undefined;
}

/**
 * The eviction manager's local storage checks (localStorageEviction), in its order: an emptyDir
 * over its sizeLimit; the pod's ephemeral storage (containers' layers and emptyDirs) over the
 * sum of its containers' ephemeral-storage limits; a container's own layer over its limit. The
 * eviction message, in the kubelet's words, or undefined. Usage comes from the containers'
 * `writes … after …` behaviors.
 */
export function localStorageViolation(pod: KubeObject, rt: PodRuntime, now: Millis): string | undefined {
  const containers: any[] = pod.spec?.containers ?? [];
  const layer = new Map<string, number>();
  const volumes = new Map<string, number>();
  for (const c of containers) {
    const w = grownBy(rt, c.name, now, 'disk');
    if (!w) continue;
    const volume = w.path !== undefined ? emptyDirAt(pod, c, w.path) : undefined;
    if (volume) volumes.set(volume, (volumes.get(volume) ?? 0) + w.bytes);
    else layer.set(c.name, (layer.get(c.name) ?? 0) + w.bytes);
  }
  for (const v of pod.spec?.volumes ?? []) {
    const limit = v.emptyDir?.sizeLimit;
    if (limit !== undefined && bytes(limit) > 0 && (volumes.get(v.name) ?? 0) > bytes(limit)) return `Usage of EmptyDir volume "${v.name}" exceeds the limit "${limit}". `;
  }
  const limited = containers.filter((c) => c.resources?.limits?.['ephemeral-storage'] !== undefined);
  if (limited.length) {
    const podLimit = limited.reduce((sum, c) => sum + bytes(c.resources.limits['ephemeral-storage']), 0);
    const podUsage = [...layer.values(), ...volumes.values()].reduce((a, b) => a + b, 0);
    if (podUsage > podLimit) return `Pod ephemeral local storage usage exceeds the total limit of containers ${formatBytes(podLimit)}. `;
  }
  for (const c of limited) {
    const limit = c.resources.limits['ephemeral-storage'];
    if ((layer.get(c.name) ?? 0) > bytes(limit)) return `Container ${c.name} exceeded its local ephemeral storage limit "${limit}". `;
  }
  return undefined;
}
