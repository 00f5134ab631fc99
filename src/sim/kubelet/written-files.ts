import type { KubeObject } from '../store/types.ts';

/** Where a write into a container lands, by the mounts that hold the path. */
export type WriteTarget =
  | { kind: 'read-only' }
  | { kind: 'emptyDir'; volume: string; inside: string }
  | { kind: 'claim'; claim: string; inside: string }
  | { kind: 'root' }
  | { kind: 'not-simulated'; volumeType: string };

/** Volume types the kubelet always mounts read-only (the atomic writer's projections). */
const READ_ONLY_TYPES = ['configMap', 'secret', 'downwardAPI', 'projected'];

/**
 * The mount that holds `path` in a container (the deepest one), and what a write there does:
 * nothing on a read-only mount (readOnly: true, or a ConfigMap, Secret, downwardAPI or projected
 * volume) or on a read-only root filesystem; into the pod's emptyDir; into the claim's volume,
 * which outlives the pod; into the container's own writable layer, which a restart loses.
 */
export function writeTarget(pod: KubeObject, container: any, path: string): WriteTarget {
  const mounts: any[] = [...(container.volumeMounts ?? [])].sort((a, b) => b.mountPath.length - a.mountPath.length);
  const mount = mounts.find((m) => path === m.mountPath || path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
  if (!mount) return container.securityContext?.readOnlyRootFilesystem ? { kind: 'read-only' } : { kind: 'root' };
  const volume = (pod.spec?.volumes ?? []).find((v: any) => v.name === mount.name) ?? {};
  if (mount.readOnly || READ_ONLY_TYPES.some((t) => volume[t])) return { kind: 'read-only' };
  const inside = `${mount.subPath ? `${mount.subPath.replace(/\/$/, '')}/` : ''}${path.slice(mount.mountPath.replace(/\/$/, '').length + 1)}`;
  if (volume.emptyDir) return { kind: 'emptyDir', volume: mount.name, inside };
  if (volume.persistentVolumeClaim?.claimName) return { kind: 'claim', claim: volume.persistentVolumeClaim.claimName, inside };
  return { kind: 'not-simulated', volumeType: Object.keys(volume).find((k) => k !== 'name') ?? 'unknown' };
}

/**
 * Files written into running containers from outside (`kubectl exec … touch`, `echo … >`): in a
 * pod's emptyDir volumes for the pod's life, in the volume bound to a claim for the volume's
 * life (a StatefulSet pod finds its data again), in a container's own layer for that run only.
 */
export class WrittenFiles {
  private readonly podVolumes = new Map<string, Map<string, Record<string, string>>>();
  /** By the PersistentVolume bound to the claim: the data is the volume's, not the claim's. */
  private readonly volumes = new Map<string, Record<string, string>>();
  private readonly layers = new Map<string, Record<string, string>>();

  /** `volumeOf` names the volume a claim of a namespace is bound to. */
  constructor(private readonly volumeOf: (namespace: string, claim: string) => string) {}

  /** Writes (or with `append`, adds to) a file at an emptyDir, claim or root target. */
  write(pod: KubeObject, containerName: string, run: number, target: WriteTarget, path: string, content: string, append: boolean): void {
    const files = this.filesOf(pod, containerName, run, target, true)!;
    const key = fileKey(target, path);
    files[key] = append ? (files[key] ?? '') + content : content;
  }

  /** Removes a file; whether it was there. */
  remove(pod: KubeObject, containerName: string, run: number, target: WriteTarget, path: string): boolean {
    const files = this.filesOf(pod, containerName, run, target, false);
    const key = fileKey(target, path);
    if (!files || !(key in files)) return false;
    delete files[key];
    return true;
  }

  /** The files a container sees, by absolute path: its own layer's and those of its mounts. */
  visible(pod: KubeObject, container: any, run: number): Record<string, string> {
    const out: Record<string, string> = { ...(this.layers.get(layerKey(pod, container.name, run)) ?? {}) };
    for (const mount of container.volumeMounts ?? []) {
      const volume = (pod.spec?.volumes ?? []).find((v: any) => v.name === mount.name) ?? {};
      const files = volume.emptyDir ? this.podVolumes.get(pod.metadata.uid)?.get(mount.name)
        : volume.persistentVolumeClaim ? this.volumes.get(this.volumeOf(pod.metadata.namespace ?? 'default', volume.persistentVolumeClaim.claimName)) : undefined;
      const prefix = mount.subPath ? `${mount.subPath.replace(/\/$/, '')}/` : '';
      for (const [inside, content] of Object.entries(files ?? {})) {
        if (inside.startsWith(prefix)) out[`${mount.mountPath.replace(/\/$/, '')}/${inside.slice(prefix.length)}`] = content;
      }
    }
    return out;
  }

  /** A PersistentVolume was deleted: its data goes with it. */
  forgetVolume(name: string): void {
    this.volumes.delete(name);
  }

  private filesOf(pod: KubeObject, containerName: string, run: number, target: WriteTarget, create: boolean): Record<string, string> | undefined {
    const table = (map: Map<string, Record<string, string>>, key: string) => {
      if (!map.has(key) && create) map.set(key, {});
      return map.get(key);
    };
    if (target.kind === 'root') return table(this.layers, layerKey(pod, containerName, run));
    if (target.kind === 'claim') return table(this.volumes, this.volumeOf(pod.metadata.namespace ?? 'default', target.claim));
    if (target.kind !== 'emptyDir') return undefined;
    let volumes = this.podVolumes.get(pod.metadata.uid);
    if (!volumes && create) this.podVolumes.set(pod.metadata.uid, (volumes = new Map()));
    return volumes && table(volumes, target.volume);
  }
}

/** Where a file is kept: by its path inside the volume, or in the container's layer by its own path. */
function fileKey(target: WriteTarget, path: string): string {
  return 'inside' in target ? target.inside : path;
}

function layerKey(pod: KubeObject, container: string, run: number): string {
  return `${pod.metadata.uid}/${container}/${run}`;
}
