import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { UserError } from '../../../errors.ts';
import type { NodeImage } from './node-images.ts';

/** Where one real node's containerd keeps everything: inside the cluster folder (git-ignored). */
export interface ContainerdLayout {
  dir: string;
  config: string;
  socket: string;
  cniConfDir: string;
  cniIpamDir: string;
}

/**
 * The sockets go to /run/<netns>/ (nodeRunDir): a unix socket path has at most 104 bytes here
 * (containerd checks), which a project folder deep in a CI checkout exceeds.
 */
export function containerdLayout(nodeDir: string, netns: string): ContainerdLayout {
  const dir = join(nodeDir, 'containerd');
  return { dir, config: join(dir, 'config.toml'), socket: join(nodeRunDir(netns), 'containerd', 'containerd.sock'), cniConfDir: join(nodeDir, 'cni', 'net.d'), cniIpamDir: join(nodeDir, 'cni', 'ipam') };
}

/**
 * A real node's short folder for what opens unix sockets: containerd's and the kubelet's root-dir
 * (pod-resources, device-plugins, plugin registration). `down` unmounts below it and removes it.
 */
export const nodeRunDir = (netns: string): string => join('/run', netns);

/**
 * containerd 1.6's own configuration (version 2): root, state, sockets and CNI folders in the
 * node's folder, so nothing system-wide is read or written and the package's own service (if any)
 * is never involved. The CRI plugin runs runc with cgroupfs (no systemd as init here), uses the
 * offline pause image as its sandbox image so the kubelet never pulls it, and finds Debian's CNI
 * plugins under /usr/lib/cni. Snapshotters that need other filesystems are disabled.
 */
export function writeContainerdConfig(layout: ContainerdLayout, sandboxImage: string): void {
  mkdirSync(layout.dir, { recursive: true });
  mkdirSync(dirname(layout.socket), { recursive: true });
  const q = JSON.stringify;
  writeFileSync(layout.config, `version = 2
root = ${q(join(layout.dir, 'root'))}
state = ${q(join(layout.dir, 'state'))}
disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs", "io.containerd.snapshotter.v1.aufs", "io.containerd.snapshotter.v1.devmapper"]

[grpc]
  address = ${q(layout.socket)}

[ttrpc]
  address = ${q(`${layout.socket}.ttrpc`)}

[plugins."io.containerd.internal.v1.opt"]
  path = ${q(join(layout.dir, 'opt'))}

[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = ${q(sandboxImage)}
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
  enable_selinux = false
  # This machine's root lacks CAP_SYS_RESOURCE: a negative oom_score_adj (the kubelet gives the
  # sandbox -998) is refused and runc's init dies. Restricted, no container goes below containerd's own.
  restrict_oom_score_adj = true
  # Pod network namespaces under our state folder, not /run/netns: a sandbox left by a killed
  # containerd is then unmounted with the rest of the node's folder.
  netns_mounts_under_state_dir = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
        Root = ${q(join(layout.dir, 'runc'))}
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = ${q(layout.cniConfDir)}
`);
}

/** Imports the offline images into the `k8s.io` namespace, the one containerd's CRI plugin serves. */
export async function importImages(layout: ContainerdLayout, images: NodeImage[]): Promise<void> {
  for (const image of images) {
    const result = await execa('ctr', ['--address', layout.socket, '-n', 'k8s.io', 'images', 'import', image.archive], { reject: false, all: true });
    if (result.exitCode !== 0) throw new UserError(`importing ${image.name} into the real node's containerd failed: ${result.all?.trim()}`);
  }
}

/** The images containerd's CRI namespace holds, for `status`. */
export async function listImages(layout: ContainerdLayout): Promise<string[]> {
  const result = await execa('ctr', ['--address', layout.socket, '-n', 'k8s.io', 'images', 'list', '-q'], { reject: false });
  return result.exitCode === 0 ? result.stdout.split('\n').filter((l) => l && !l.startsWith('sha256:')) : [];
}
