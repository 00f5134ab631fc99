import type { KubeObject } from '../store/types.ts';

/** Where a write into a container lands, by the mounts that hold the path. */
export type WriteTarget =
  | { kind: 'read-only' }
  | { kind: 'emptyDir'; volume: string; inside: string }
  | { kind: 'claim'; claim: string; inside: string }
  /** A path on the pod's node: a hostPath volume, or a claim bound to a hostPath PersistentVolume. */
  | { kind: 'node'; path: string }
  | { kind: 'root' }
  | { kind: 'not-simulated'; volumeType: string };

/** Volume types the kubelet always mounts read-only (the atomic writer's projections). */
const READ_ONLY_TYPES = ['configMap', 'secret', 'downwardAPI', 'projected'];

/** The node directory behind a claim whose PersistentVolume is a hostPath one, by claim name. */
export type ClaimHostPath = (namespace: string, claim: string) => string | undefined;

/**
 * The mount that holds `path` in a container (the deepest one), and what a write there does:
 * nothing on a read-only mount (readOnly: true, or a ConfigMap, Secret, downwardAPI or projected
 * volume) or on a read-only root filesystem; into the pod's emptyDir; into the node's filesystem
 * (a hostPath volume or a claim bound to a hostPath PV), where it stays for the next pod on that
 * node and nowhere else; into the claim's volume, which outlives the pod; into the container's
 * own writable layer, which a restart loses.
 */
export function writeTarget(pod: KubeObject, container: any, path: string, claimHostPath: ClaimHostPath = () => undefined): WriteTarget {
  const mounts: any[] = [...(container.volumeMounts ?? [])].sort((a, b) => b.mountPath.length - a.mountPath.length);
  const mount = mounts.find((m) => path === m.mountPath || path.startsWith(`${m.mountPath.replace(/\/$/, '')}/`));
  if (!mount) return container.securityContext?.readOnlyRootFilesystem ? { kind: 'read-only' } : { kind: 'root' };
  const volume = (pod.spec?.volumes ?? []).find((v: any) => v.name === mount.name) ?? {};
  if (mount.readOnly || READ_ONLY_TYPES.some((t) => volume[t])) return { kind: 'read-only' };
  const inside = `${mount.subPath ? `${mount.subPath.replace(/\/$/, '')}/` : ''}${path.slice(mount.mountPath.replace(/\/$/, '').length + 1)}`;
  if (volume.emptyDir) return { kind: 'emptyDir', volume: mount.name, inside };
  const nodeDirectory = hostDirectory(pod, volume, claimHostPath);
  if (nodeDirectory !== undefined) return { kind: 'node', path: joinPath(nodeDirectory, inside) };
  if (volume.persistentVolumeClaim?.claimName) return { kind: 'claim', claim: volume.persistentVolumeClaim.claimName, inside };
  return { kind: 'not-simulated', volumeType: Object.keys(volume).find((k) => k !== 'name') ?? 'unknown' };
}

/** The node directory a volume shows: a hostPath volume's path, or that of the hostPath PV its claim is bound to. */
function hostDirectory(pod: KubeObject, volume: any, claimHostPath: ClaimHostPath): string | undefined {
  if (volume.hostPath?.path) return volume.hostPath.path;
  return volume.persistentVolumeClaim?.claimName ? claimHostPath(pod.metadata.namespace ?? 'default', volume.persistentVolumeClaim.claimName) : undefined;
}

const joinPath = (directory: string, inside: string) => (inside ? `${directory.replace(/\/+$/, '')}/${inside}` : directory);

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
  /** By node, then by absolute path on that node. */
  private readonly nodes = new Map<string, Record<string, string>>();

  /**
   * `volumeOf` names the volume a claim of a namespace is bound to; `claimHostPath` says where
   * on its node a claim bound to a hostPath PV keeps its data.
   */
  constructor(private readonly volumeOf: (namespace: string, claim: string) => string, readonly claimHostPath: ClaimHostPath = () => undefined) {}

  /** What pods wrote on a node's filesystem, by absolute path. */
  nodeFiles(node: string): Readonly<Record<string, string>> {
    return this.nodes.get(node) ?? {};
  }

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

  /**
   * The files a container sees, by absolute path: its own layer's and those of its mounts;
   * `nodeExtras` are files on the node others than pods put there (the kubelet's logs).
   */
  visible(pod: KubeObject, container: any, run: number, nodeExtras: Readonly<Record<string, string>> = {}): Record<string, string> {
    const out: Record<string, string> = { ...(this.layers.get(layerKey(pod, container.name, run)) ?? {}) };
    for (const mount of container.volumeMounts ?? []) {
      const volume = (pod.spec?.volumes ?? []).find((v: any) => v.name === mount.name) ?? {};
      const nodeDirectory = hostDirectory(pod, volume, this.claimHostPath);
      if (nodeDirectory !== undefined) {
        const from = joinPath(nodeDirectory, mount.subPath?.replace(/\/$/, '') ?? '');
        for (const [path, content] of Object.entries({ ...nodeExtras, ...this.nodeFiles(pod.spec?.nodeName ?? '') })) {
          if (path.startsWith(`${from}/`)) out[`${mount.mountPath.replace(/\/$/, '')}/${path.slice(from.length + 1)}`] = content;
        }
        continue;
      }
      const files = volume.emptyDir ? this.podVolumes.get(pod.metadata.uid)?.get(mount.name)
        : volume.persistentVolumeClaim ? this.volumes.get(this.volumeOf(pod.metadata.namespace ?? 'default', volume.persistentVolumeClaim.claimName)) : undefined;
      const prefix = mount.subPath ? `${mount.subPath.replace(/\/$/, '')}/` : '';
      for (const [inside, content] of Object.entries(files ?? {})) {
        if (inside.startsWith(prefix)) out[`${mount.mountPath.replace(/\/$/, '')}/${inside.slice(prefix.length)}`] = content;
      }
    }
    return out;
  }

  /**
   * A PersistentVolume was deleted: its data goes with it; a provisioner's hostPath volume
   * (local-path) has its directory removed from every node.
   */
  forgetVolume(name: string, provisionedDirectory?: string): void {
    this.volumes.delete(name);
    if (provisionedDirectory === undefined) return;
    for (const files of this.nodes.values()) {
      for (const path of Object.keys(files)) if (path.startsWith(`${provisionedDirectory}/`)) delete files[path];
    }
  }

  private filesOf(pod: KubeObject, containerName: string, run: number, target: WriteTarget, create: boolean): Record<string, string> | undefined {
    const table = (map: Map<string, Record<string, string>>, key: string) => {
      if (!map.has(key) && create) map.set(key, {});
      return map.get(key);
    };
    if (target.kind === 'root') return table(this.layers, layerKey(pod, containerName, run));
    if (target.kind === 'claim') return table(this.volumes, this.volumeOf(pod.metadata.namespace ?? 'default', target.claim));
    if (target.kind === 'node') return table(this.nodes, pod.spec?.nodeName ?? '');
    if (target.kind !== 'emptyDir') return undefined;
    let volumes = this.podVolumes.get(pod.metadata.uid);
    if (!volumes && create) this.podVolumes.set(pod.metadata.uid, (volumes = new Map()));
    return volumes && table(volumes, target.volume);
  }
}

/** Where a file is kept: by its path inside the volume, or in the container's layer by its own path. */
function fileKey(target: WriteTarget, path: string): string {
  return target.kind === 'node' ? target.path : 'inside' in target ? target.inside : path;
}

function layerKey(pod: KubeObject, container: string, run: number): string {
  return `${pod.metadata.uid}/${container}/${run}`;
}
