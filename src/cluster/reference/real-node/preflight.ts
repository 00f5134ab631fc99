import { existsSync, readFileSync } from 'node:fs';
import { execa } from 'execa';

/** The cgroup v1 controllers the kubelet (cgroupfs driver) and runc put a pod's processes in. */
const cgroupControllers = ['cpu', 'cpuacct', 'cpuset', 'memory', 'pids', 'devices', 'freezer'];

/** Programs a real node runs or calls, from the Debian packages install-packages.sh installs. */
const programs: Record<string, string> = {
  containerd: 'containerd', ctr: 'containerd', runc: 'runc', iptables: 'iptables', conntrack: 'conntrack',
  ip: 'iproute2', nsenter: 'util-linux', gcc: 'gcc (the pause image is compiled from its C source)', tar: 'tar',
};

/**
 * What this machine lacks for a real node, one line each (empty: nothing). `up` prints them and
 * falls back to KWOK-only nodes. Only cgroup v1 is handled: the kubelet runs with
 * failCgroupV1: false and cgroupfs, and down sweeps the v1 hierarchies; a cgroup v2 machine is
 * told so rather than run half-cleaned.
 */
export async function realNodeMissing(count = 1): Promise<string[]> {
  const missing: string[] = [];
  if (process.getuid?.() !== 0) missing.push('not root: containerd, runc and network namespaces need root');
  if (existsSync('/sys/fs/cgroup/cgroup.controllers')) missing.push('cgroup v2 (unified) is mounted: a real node here sweeps cgroup v1 hierarchies only');
  else {
    const absent = cgroupControllers.filter((c) => !existsSync(`/sys/fs/cgroup/${c}/cgroup.procs`));
    if (absent.length) missing.push(`cgroup v1 controllers not mounted under /sys/fs/cgroup: ${absent.join(', ')}`);
  }
  const filesystems = existsSync('/proc/filesystems') ? readFileSync('/proc/filesystems', 'utf8') : '';
  if (!/\boverlay$/m.test(filesystems)) missing.push('no overlay filesystem in /proc/filesystems (containerd\'s overlayfs snapshotter needs it)');
  for (const [program, pkg] of Object.entries(programs)) {
    const found = await execa('sh', ['-c', `command -v ${program}`], { reject: false });
    if (found.exitCode !== 0) missing.push(`\`${program}\` is not on PATH (package ${pkg}; scripts/reference-cluster/real-node/install-packages.sh installs the node's packages)`);
  }
  for (const plugin of ['bridge', 'host-local', 'loopback', 'portmap']) {
    if (!existsSync(`/usr/lib/cni/${plugin}`)) missing.push(`CNI plugin /usr/lib/cni/${plugin} is missing (package containernetworking-plugins)`);
  }
  if (!existsSync('/bin/busybox')) missing.push('/bin/busybox is missing (package busybox-static: the images carry it when busybox cannot be built from source)');
  return missing;
}
