import { spawn } from 'node:child_process';
import { existsSync, openSync, readFileSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';

/** A control-plane process we started, remembered so `down` can stop exactly it. */
export interface StartedProcess {
  name: string;
  pid: number;
  binary: string;
  log: string;
}

/**
 * Starts a component in the background, detached from our process group so it outlives the
 * `up` command, with its output in a log file for post-mortems. A `launcher` (such as
 * `nsenter --net=…`) must exec the binary in place, so the pid is the component's.
 */
export function startComponent(name: string, binary: string, args: string[], log: string, env: NodeJS.ProcessEnv, launcher: string[] = []): StartedProcess {
  const out = openSync(log, 'a');
  const [command, ...rest] = [...launcher, binary, ...args];
  const child = spawn(command!, rest, { detached: true, stdio: ['ignore', out, out], env });
  closeSync(out);
  child.unref();
  if (child.pid === undefined) throw new Error(`${name} did not start (${binary})`);
  return { name, pid: child.pid, binary, log };
}

/**
 * True when the pid is alive and still runs the binary we started, so a recycled pid of some
 * other program is never signalled.
 */
export function isOurs(p: StartedProcess): boolean {
  const cmdline = `/proc/${p.pid}/cmdline`;
  if (!existsSync(cmdline)) return false;
  try {
    return readFileSync(cmdline, 'utf8').split('\0')[0] === p.binary;
  } catch {
    return false;
  }
}

/** SIGTERM, then SIGKILL for whatever has not gone after `graceMs`; last started stops first. */
export async function stopComponents(processes: StartedProcess[], graceMs = 10_000): Promise<void> {
  const ours = [...processes].reverse().filter(isOurs);
  for (const p of ours) signal(p.pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (ours.some(isOurs) && Date.now() < deadline) await sleep(100);
  for (const p of ours.filter(isOurs)) signal(p.pid, 'SIGKILL');
  while (ours.some(isOurs)) await sleep(50);
  // An exiting process has lost its cmdline before its pid is gone: wait (briefly) for the pid too,
  // so `down` returns once nothing it stopped is left in the process table.
  const gone = Date.now() + 5_000;
  while (ours.some((p) => existsSync(`/proc/${p.pid}`)) && Date.now() < gone) await sleep(50);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone between the check and the signal: that is what we wanted.
  }
}

/** A port nobody listens on right now (the kernel's pick), for one loopback component. */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
