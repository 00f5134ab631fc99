import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * Runs `use` with the kubeconfig written to a private temporary file (mode 0600: it may hold
 * tokens), removed afterwards. The driver's kubeconfig may have come from anywhere (a file, the
 * pod's ServiceAccount), so kubectl gets exactly what the driver uses.
 */
export async function withKubeconfigFile<T>(kc: KubeConfig, use: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-kubeconfig-'));
  try {
    const path = join(dir, 'kubeconfig');
    writeFileSync(path, kc.exportConfig(), { mode: 0o600 });
    return await use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
