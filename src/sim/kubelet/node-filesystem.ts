import { behaviour, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import type { KubeObject } from '../store/types.ts';

type Entry = 'directory' | 'file' | 'socket' | 'char-device' | 'block-device';

/**
 * What a kind node (kindest/node, Ubuntu-based) has at the paths hostPath volumes usually name;
 * anything else is missing until a DirectoryOrCreate or FileOrCreate volume makes it.
 */
const KIND_NODE: Readonly<Record<string, Entry>> = {
  ...Object.fromEntries([
    '/', '/bin', '/boot', '/dev', '/etc', '/etc/kubernetes', '/etc/kubernetes/manifests', '/etc/kubernetes/pki', '/home',
    '/kind', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/run/containerd', '/sbin', '/srv', '/sys',
    '/tmp', '/usr', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/share', '/var', '/var/lib', '/var/lib/containerd',
    '/var/lib/kubelet', '/var/lib/kubelet/pods', '/var/local-path-provisioner', '/var/log', '/var/log/containers', '/var/log/pods', '/var/run',
  ].map((p) => [p, 'directory' as Entry])),
  ...Object.fromEntries([
    '/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/etc/os-release', '/etc/passwd', '/etc/group', '/etc/localtime',
    '/etc/kubernetes/kubelet.conf', '/etc/kubernetes/admin.conf', '/var/lib/kubelet/config.yaml',
  ].map((p) => [p, 'file' as Entry])),
  '/run/containerd/containerd.sock': 'socket',
  '/var/run/containerd/containerd.sock': 'socket',
  ...Object.fromEntries(['/dev/null', '/dev/zero', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/kmsg'].map((p) => [p, 'char-device' as Entry])),
};

/** What each hostPath type needs, and how checkTypeInternal names it ("is not a <expected>"). */
const TYPE_WANTS: Record<string, [Entry, string]> = {
  Directory: ['directory', 'directory'],
  DirectoryOrCreate: ['directory', 'directory'],
  File: ['file', 'file'],
  FileOrCreate: ['file', 'file'],
  Socket: ['socket', 'socket file'],
  CharDevice: ['char-device', 'character device'],
  BlockDevice: ['block-device', 'block device'],
};

/** An entry as hostutil's GetFileType names it (the `it's a ...` of the 1.37 text). */
const FILE_TYPE: Record<Entry, string> = {
  directory: 'Directory', file: 'File', socket: 'Socket', 'char-device': 'CharDevice', 'block-device': 'BlockDevice',
};

/**
 * The nodes' filesystems as hostPath volumes meet them (pkg/volume/hostpath checkType): a
 * Directory, File, Socket or device type needs the path to be that already; DirectoryOrCreate
 * makes it with its parents, FileOrCreate makes the file in an existing directory; no type
 * checks nothing. What a pod made stays on its node for the next pod.
 */
export class NodeFilesystems {
  private readonly made = new Map<string, Map<string, Entry>>();

  /** `version`: the release, whose kubelet words the type check's error (behaviour kubelet.volume.hostPathTypeCheck). */
  constructor(private readonly version: Pick<KubernetesRelease, 'minor'>) {}

  /** The first hostPath volume of the pod its node refuses, as the kubelet's FailedMount message. */
  mountProblem(pod: KubeObject): string | undefined {
    for (const v of pod.spec?.volumes ?? []) {
      if (!v.hostPath?.path) continue;
      const problem = this.check(pod.spec.nodeName, normalize(v.hostPath.path), v.hostPath.type ?? '');
      if (problem) return `MountVolume.SetUp failed for volume "${v.name}" : ${problem}`;
    }
    return undefined;
  }

  private check(node: string, path: string, type: string): string | undefined {
    if (type === '') return undefined;
    const wants = TYPE_WANTS[type];
    if (!wants) return `${type} is an invalid volume type`;
    const found = this.entry(node, path);
    if (found === undefined && type === 'DirectoryOrCreate') {
      for (let p = path; p !== '/' && this.entry(node, p) === undefined; p = parent(p)) this.nodeMade(node).set(p, 'directory');
      return undefined;
    }
    if (found === undefined && type === 'FileOrCreate') {
      if (this.entry(node, parent(path)) !== 'directory') return `open ${path}: no such file or directory`;
      this.nodeMade(node).set(path, 'file');
      return undefined;
    }
    if (found === wants[0]) return undefined;
    // From 1.37 the text says what the path is instead, or that it could not tell (it is missing).
    const texts = behaviour(this.version, 'kubelet.volume.hostPathTypeCheck').value;
    return (found === undefined ? texts.missing : texts.wrongType)
      .replaceAll('%PATH', path).replaceAll('%TYPE', wants[1]).replaceAll('%FOUND', found === undefined ? '' : FILE_TYPE[found]);
  }

  private entry(node: string, path: string): Entry | undefined {
    return this.made.get(node)?.get(path) ?? KIND_NODE[path];
  }

  private nodeMade(node: string): Map<string, Entry> {
    let m = this.made.get(node);
    if (!m) this.made.set(node, (m = new Map()));
    return m;
  }
}

function normalize(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

function parent(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}
