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

const TYPE_WANTS: Record<string, [Entry, string]> = {
  Directory: ['directory', 'is not a directory'],
  DirectoryOrCreate: ['directory', 'is not a directory'],
  File: ['file', 'is not a file'],
  FileOrCreate: ['file', 'is not a file'],
  Socket: ['socket', 'is not a socket file'],
  CharDevice: ['char-device', 'is not a character device'],
  BlockDevice: ['block-device', 'is not a block device'],
};

/**
 * The nodes' filesystems as hostPath volumes meet them (pkg/volume/hostpath checkType): a
 * Directory, File, Socket or device type needs the path to be that already; DirectoryOrCreate
 * makes it with its parents, FileOrCreate makes the file in an existing directory; no type
 * checks nothing. What a pod made stays on its node for the next pod.
 */
export class NodeFilesystems {
  private readonly made = new Map<string, Map<string, Entry>>();

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
    return found === wants[0] ? undefined : `hostPath type check failed: ${path} ${wants[1]}`;
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
