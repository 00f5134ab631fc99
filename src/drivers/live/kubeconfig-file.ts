import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';

/**
 * Runs `use` with the kubeconfig written to a private temporary file (mode 0600: it may hold
 * tokens), removed afterwards, its current context set to the namespace. The driver's
 * kubeconfig may have come from anywhere (a file, the pod's ServiceAccount), so kubectl gets
 * exactly what the driver uses.
 */
export async function withKubeconfigFile<T>(kc: KubeConfig, namespace: string, use: (path: string) => Promise<T>): Promise<T> {
  const current = kc.getCurrentContext();
  const scoped = new KubeConfig();
  scoped.loadFromOptions({
    clusters: kc.clusters,
    users: kc.users,
    contexts: kc.contexts.map((c) => (c.name === current ? { ...c, namespace } : c)),
    currentContext: current,
  });
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-kubeconfig-'));
  try {
    const path = join(dir, 'kubeconfig');
    writeFileSync(path, scoped.exportConfig(), { mode: 0o600 });
    return await use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
