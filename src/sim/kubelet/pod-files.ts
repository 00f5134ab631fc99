import type { Millis } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import type { PodRuntime } from './pod-runtime.ts';

/**
 * The files the pod's scripts have written into its emptyDir volumes by `now`, as volume name →
 * path inside the volume → content: a file a container created (in this run, or a run before
 * that got as far) stays for the pod's life, shared by every container that mounts the volume.
 */
export function emptyDirFiles(pod: KubeObject, rt: PodRuntime, now: Millis): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  for (const c of rt.containers) {
    if (c.startedAt === undefined || !c.behavior.files) continue;
    const ranFor = (c.state === 'running' ? now : c.finishedAt ?? now) - c.startedAt;
    const earlierRunGotThere = (createdAt: Millis) => c.restartCount > 0 && (c.behavior.runsFor ?? Infinity) >= createdAt;
    const mounts = specs.find((s: any) => s.name === c.name)?.volumeMounts ?? [];
    for (const [path, file] of Object.entries(c.behavior.files)) {
      if (!(ranFor >= file.createdAt || earlierRunGotThere(file.createdAt))) continue;
      if (file.removedAt !== undefined && ranFor >= file.removedAt) continue;
      const mount = mounts.find((m: any) => !m.subPath && path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`)
        && (pod.spec?.volumes ?? []).some((v: any) => v.name === m.name && v.emptyDir));
      if (!mount) continue;
      const inside = path.slice(mount.mountPath.replace(/\/$/, '').length + 1);
      out.set(mount.name, { ...(out.get(mount.name) ?? {}), [inside]: file.content });
    }
  }
  return out;
}
