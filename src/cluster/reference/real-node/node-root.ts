import { existsSync, mkdirSync, realpathSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A real node's own view of the filesystem: the host's root seen through an overlay whose writes
 * land on a tmpfs, in a mount namespace of the node's own. The kubelet and containerd make what a
 * pod asks of its node's disk there (a hostPath `DirectoryOrCreate`, containerd's missing bind
 * sources, /var/log/containers links, CNI's result cache, the pods' network namespace files), as
 * on a machine of their own, and all of it goes when the node stops: nothing is written to this
 * machine's folders, and no mount the node makes is in the host's mount table. Shared with the
 * host, through bind mounts, are only what the host side reads or removes: the cluster folder
 * (configuration, logs, containerd's root), the node's short /run folder (its sockets), and
 * /proc, /sys and /dev (sysctls, cgroups, devices: kernel-wide, restored and swept by `down` as
 * before).
 *
 * A holder process makes the namespace, turns the overlay into its root, and sleeps; the node's
 * programs join it with `nsenter --target <holder> --mount --root --wd`. When the last of them
 * exits the kernel drops the namespace with every mount in it.
 */
export interface NodeRoot {
  /** The host folder the tmpfs is mounted on inside the namespace (empty on the host). */
  layer: string;
  /** The program the holder ends up running, by absolute path (its pid is checked against it). */
  holder: string;
  script: string;
}

/** Beside the node's /run folder, not in it: that folder is bound into the root, this one holds the root. */
export const nodeRootLayer = (netns: string): string => join('/run', `${netns}-root`);

/** Where pivot_root puts the host's root inside the node's, before it is detached. */
const hostRootInside = '.kubespec-host-root';

export function nodeRoot(netns: string, shared: string[], sleepProgram: string): NodeRoot {
  const layer = nodeRootLayer(netns);
  const merged = `${layer}/merged`;
  const binds = ['/proc', '/sys', '/dev', ...shared.map(realPath)];
  const script = [
    'set -e',
    `mount -t tmpfs -o mode=0755 kubespec-node-root ${quote(layer)}`,
    `mkdir ${quote(`${layer}/upper`)} ${quote(`${layer}/work`)} ${quote(merged)}`,
    `mount -t overlay kubespec-node-root -o ${quote(`lowerdir=/,upperdir=${layer}/upper,workdir=${layer}/work`)} ${quote(merged)}`,
    // The overlay shows one filesystem; what the host side must see, and the kernel's, are bound in.
    ...binds.map((dir) => `mount --rbind ${quote(dir)} ${quote(merged + dir)}`),
    // pivot_root, not chroot: the namespace's own root must be the overlay. A mount namespace
    // made from this one (each container's) starts from that root, and `runc exec` joins a
    // container's namespace at it; under a chroot it would find this machine's root instead.
    `mkdir ${quote(`${merged}/${hostRootInside}`)}`,
    `cd ${quote(merged)}`,
    `pivot_root . ${hostRootInside}`,
    `umount -l /${hostRootInside}`,
    `rmdir /${hostRootInside}`,
    `exec ${quote(sleepProgram)} infinity`,
  ].join('\n');
  return { layer, holder: sleepProgram, script };
}

/** The launcher a node program starts under: the holder's mount namespace and root, the node's network namespace. */
export const nodeLauncher = (holderPid: number, netnsFile: string): string[] => [
  'nsenter', `--target=${holderPid}`, '--mount', '--root', '--wd', `--net=${netnsFile}`,
];

/** The holder's mount point must exist on the host before it starts; an empty folder, removed at down. */
export function prepareNodeRootLayer(netns: string): void {
  mkdirSync(nodeRootLayer(netns), { recursive: true });
}

export function removeNodeRootLayer(netns: string): string[] {
  const layer = nodeRootLayer(netns);
  try {
    if (existsSync(layer)) rmdirSync(layer);
    return [];
  } catch (e) {
    return [`${layer}: ${(e as Error).message}`];
  }
}

// Bound at the same path as on the host, which the node's programs are given: a folder reached
// through a symlink (a linked .cache) resolves, inside the root, to where it really is.
const realPath = (dir: string): string => (existsSync(dir) ? realpathSync(dir) : dir);

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
