import { readdirSync, readFileSync } from 'node:fs';
import { execa } from 'execa';
import { realNodeCgroupPrefix } from './node-network.ts';

/**
 * What a cluster's real nodes could leave on the host, read the way an operator would (`ip link`,
 * `ip netns`, `iptables-save`, the mount table, the process table), so a test can compare the
 * machine before `up` and after `down`. Only what names this cluster is read: other minors'
 * clusters may come and go meanwhile on the same machine (the interfaces and namespaces of its
 * minor, the mounts and processes naming its folder or its nodes' names, the containers in its
 * nodes' cgroups), except iptables, where a real node adds nothing on the host at all. Rule
 * counters and comments are dropped from iptables-save.
 */
export interface HostFootprint {
  links: string[];
  netns: string[];
  iptables: string[];
  mounts: string[];
  processes: string[];
}

export interface FootprintScope {
  /** The cluster's folder (cluster-1.35): containerd, the kubelet, kube-proxy and the shims name it. */
  clusterDir: string;
  /** The minor's number (35): its nodes' interfaces, namespaces and cgroups carry it (node-network.ts). */
  minorNumber: number;
}

export async function hostFootprint(scope: FootprintScope): Promise<HostFootprint> {
  const folder = scope.clusterDir.endsWith('/') ? scope.clusterDir : `${scope.clusterDir}/`;
  const named = `${realNodeCgroupPrefix}${scope.minorNumber}-`;
  const links = (await execa('ip', ['-o', 'link', 'show'], { reject: false })).stdout.split('\n').map((l) => l.split(':')[1]?.trim().split('@')[0] ?? '')
    .filter((l) => l.startsWith(`ksref${scope.minorNumber}n`));
  const netns = (await execa('ip', ['netns', 'list'], { reject: false })).stdout.split('\n').map((l) => l.split(' ')[0]!).filter((n) => n.startsWith(named));
  const iptables = (await execa('iptables-save', [], { reject: false })).stdout.split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.replace(/\[\d+:\d+\]$/, ''));
  const mounts = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')[4]!)
    .filter((m) => m.startsWith(folder) || m.includes(`/${named}`));
  const processes: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      const cgroups = readFileSync(`/proc/${entry}/cgroup`, 'utf8');
      if (cmdline.includes(folder) || cgroups.includes(`:/${named}`)) processes.push(`${entry} ${cmdline}`);
    } catch {
      // Exited while we looked.
    }
  }
  return { links: links.sort(), netns: netns.sort(), iptables, mounts: mounts.sort(), processes };
}

/** What `after` has that `before` had not, one line each (empty: the host is as it was). */
export function footprintLeftovers(before: HostFootprint, after: HostFootprint): string[] {
  const added = (key: keyof HostFootprint, label: string) => {
    const had = new Set(before[key]);
    return after[key].filter((x) => !had.has(x)).map((x) => `${label}: ${x}`);
  };
  return [...added('links', 'interface'), ...added('netns', 'network namespace'), ...added('iptables', 'iptables'), ...added('mounts', 'mount'), ...added('processes', 'process')];
}
