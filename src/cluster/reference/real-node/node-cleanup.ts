import { existsSync, readdirSync, readFileSync, realpathSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { sleep } from '../processes.ts';

/**
 * What a real node leaves on the host that is not a process we started ourselves, each removed by
 * something that marks it ours: container processes by the cgroup root only our kubelet uses,
 * containerd's shims by our containerd's socket in their command line, mounts by our node folder
 * in their mount point. What the node writes to the host's folders stays in its own root
 * (node-root.ts) and goes with it. Everything else on the machine is left alone.
 */

const cgroupRoot = '/sys/fs/cgroup';

/** Kills every process in the cgroups under `root` (in any v1 hierarchy), then removes the cgroups. */
export async function sweepCgroups(root: string): Promise<string[]> {
  const dirs = cgroupDirs(root);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const pids = dirs.flatMap((d) => readPids(d));
    if (!pids.length) break;
    if (Date.now() > deadline) return [`processes still in ${root} cgroups after SIGKILL: ${[...new Set(pids)].join(', ')}`];
    for (const pid of new Set(pids)) signal(pid);
    await sleep(100);
  }
  const left: string[] = [];
  // Deepest first: a cgroup with children cannot be removed.
  for (const dir of dirs.sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') left.push(`cgroup ${dir}: ${(e as Error).message}`);
    }
  }
  return left;
}

function cgroupDirs(root: string): string[] {
  if (!existsSync(cgroupRoot)) return [];
  const found: string[] = [];
  const walk = (dir: string) => {
    found.push(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  for (const hierarchy of readdirSync(cgroupRoot)) {
    const top = join(cgroupRoot, hierarchy, root);
    if (existsSync(join(top, 'cgroup.procs'))) walk(top);
  }
  return found;
}

function readPids(dir: string): number[] {
  try {
    return readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The containerd shims serving our containerd (its socket path is in their command line). */
export function shimPids(socket: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (args[0]?.includes('containerd-shim') && args.some((a, i) => a === '-address' && args[i + 1] === socket)) pids.push(Number(entry));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}

export async function killShims(socket: string): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const pids = shimPids(socket);
    if (!pids.length) return [];
    if (Date.now() > deadline) return [`containerd shims still running: ${pids.join(', ')}`];
    for (const pid of pids) signal(pid);
    await sleep(100);
  }
}

/** Mount points under `dir` (overlay roots, sandbox shm, the kubelet's volumes and root-dir). */
export function mountsUnder(folder: string): string[] {
  // The mount table has real paths; the folder may be reached through a symlink (a linked .cache).
  const dir = existsSync(folder) ? realpathSync(folder) : folder;
  const prefix = dir.endsWith('/') ? dir : `${dir}/`;
  return readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter(Boolean)
    .map((line) => line.split(' ')[4]!.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))))
    .filter((point) => point === dir || point.startsWith(prefix));
}

/** Unmounts them, deepest (and latest) first, lazily when a plain unmount is refused. */
export async function unmountUnder(dir: string): Promise<string[]> {
  for (let round = 0; round < 5; round++) {
    const points = mountsUnder(dir);
    if (!points.length) return [];
    for (const point of [...points].reverse().sort((a, b) => b.length - a.length)) {
      const plain = await execa('umount', [point], { reject: false });
      if (plain.exitCode !== 0) await execa('umount', ['-l', point], { reject: false });
    }
  }
  const left = mountsUnder(dir);
  return left.length ? [`mounts left under ${dir}: ${left.join(', ')}`] : [];
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
