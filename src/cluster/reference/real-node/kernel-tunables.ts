import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The host-wide sysctls the kubelet sets when it starts (pkg/kubelet/cm, setupKernelTunables:
 * with protectKernelDefaults false it writes them; with true it refuses to start when they
 * differ). They are not per network namespace, so `up` reads them before the kubelet starts and
 * `down` writes back what the machine had.
 */
const tunables = ['vm/overcommit_memory', 'vm/panic_on_oom', 'kernel/panic', 'kernel/panic_on_oops', 'kernel/keys/root_maxkeys', 'kernel/keys/root_maxbytes'];

export function readKernelTunables(): Record<string, string> {
  const values: Record<string, string> = {};
  for (const t of tunables) if (existsSync(`/proc/sys/${t}`)) values[t] = readFileSync(`/proc/sys/${t}`, 'utf8').trim();
  return values;
}

/** Writes back the values read before; returns what could not be restored. */
export function restoreKernelTunables(saved: Record<string, string>): string[] {
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
