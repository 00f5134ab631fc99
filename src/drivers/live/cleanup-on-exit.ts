import { KubernetesObjectApi, type KubeConfig } from '@kubernetes/client-node';

/**
 * Namespaces of running scenarios, deleted if the run is interrupted (Ctrl-C, SIGTERM) so an
 * aborted live run leaves nothing behind. Deletion is requested, not awaited to completion:
 * the namespace controller finishes it.
 */
const active = new Map<string, KubeConfig>();
let installed = false;

export function rememberNamespace(kc: KubeConfig, name: string): void {
  active.set(name, kc);
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void deleteAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

export function forgetNamespace(name: string): void {
  active.delete(name);
}

async function deleteAll(): Promise<void> {
  await Promise.all([...active].map(([name, kc]) =>
    KubernetesObjectApi.makeApiClient(kc).delete({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }).catch(() => undefined)));
  active.clear();
}
