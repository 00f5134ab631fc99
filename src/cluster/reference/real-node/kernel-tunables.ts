import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { realNodeCgroupPrefix } from './node-network.ts';

/**
 * The host-wide sysctls the kubelet sets when it starts (pkg/kubelet/cm, setupKernelTunables:
 * with protectKernelDefaults false it writes them; with true it refuses to start when they
 * differ). They are not per network namespace, so `up` keeps what the machine had before any
 * real node's kubelet and the last real node to stop writes it back.
 *
 * Real nodes of other clusters (other minors, other sessions) share them: while any of their
 * kubelets runs, the values on the host are that kubelet's, so a new node takes the originals
 * that node recorded (kernel-tunables.json in its folder), and a node that stops while another
 * kubelet still runs writes nothing back (that kubelet's node does, last).
 */
const tunables = ['vm/overcommit_memory', 'vm/panic_on_oom', 'kernel/panic', 'kernel/panic_on_oops', 'kernel/keys/root_maxkeys', 'kernel/keys/root_maxbytes'];

/** Where a node records the originals it holds, in its own folder. */
export const kernelTunablesFile = (nodeDir: string): string => join(nodeDir, 'kernel-tunables.json');

export function readKernelTunables(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const t of tunables) if (existsSync(`/proc/sys/${t}`)) values[t] = readFileSync(`/proc/sys/${t}`, 'utf8').trim();
  return values;
}

/** What the machine had before any real node's kubelet: a running one's record, or the host's values now. */
export function originalKernelTunables(): Record<string, string> {
  for (const nodeDir of runningRealNodeKubelets()) {
    try {
      return JSON.parse(readFileSync(kernelTunablesFile(nodeDir), 'utf8')) as Record<string, string>;
    } catch {
      // Started by a kubespec that kept no record, or not written yet: the next one, or the host.
    }
  }
  return readKernelTunables();
}

/** Writes back the values read before, unless a real node's kubelet still runs; returns what could not be restored. */
export function restoreKernelTunables(saved: Record<string, string>): string[] {
  if (runningRealNodeKubelets().length) return [];
  const left: string[] = [];
  for (const [t, value] of Object.entries(saved)) {
    try {
      if (readFileSync(`/proc/sys/${t}`, 'utf8').trim() !== value) writeFileSync(`/proc/sys/${t}`, value);
    } catch (e) {
      left.push(`sysctl ${t.replace(/\//g, '.')} not restored to ${value}: ${(e as Error).message}`);
    }
  }
  return left;
}

/** The folders of the real nodes (any cluster's) whose kubelet runs now, from their command lines. */
function runningRealNodeKubelets(): string[] {
  const dirs: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const dir = realNodeKubeletDir(readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0'));
      if (dir) dirs.push(dir);
    } catch {
      // Exited while we looked.
    }
  }
  return dirs;
}

/**
 * The node folder of a real node's kubelet, from its command line (kubeletArgs: its root-dir is
 * under /run/<real node's namespace>, its config in its folder); undefined for any other process.
 */
export function realNodeKubeletDir(args: readonly string[]): string | undefined {
  if (!args[0]?.endsWith('/kubelet') || !args.some((a) => a.startsWith(`--root-dir=/run/${realNodeCgroupPrefix}`))) return undefined;
  const config = args.find((a) => a.startsWith('--config='));
  return config ? dirname(config.slice('--config='.length)) : undefined;
}
