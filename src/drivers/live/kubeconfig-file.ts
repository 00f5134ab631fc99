import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';

/**
 * A scenario's own kubeconfig file for kubectl: the driver's kubeconfig (which may have come
 * from anywhere: a file, the pod's ServiceAccount) written to a private temporary file (mode
 * 0600: it may hold tokens) with its current context set to the scenario's namespace. It lives
 * for the scenario, so `kubectl config set-context` in one step holds in the next, as a user's
 * own kubeconfig would; `remove` deletes it.
 */
export class ScenarioKubeconfig {
  private dir?: string;

  constructor(private readonly kc: KubeConfig, private readonly namespace: string) {}

  /** The file's path, written on first use. */
  path(): string {
    if (!this.dir) {
      const current = this.kc.getCurrentContext();
      // The driver's own KubeConfig class: client-node is loaded by live runs only (it takes
      // seconds to import, and every simulator run and worker would pay for it).
      const scoped = new (this.kc.constructor as new () => KubeConfig)();
      scoped.loadFromOptions({
        clusters: this.kc.clusters,
        users: this.kc.users,
        contexts: this.kc.contexts.map((c) => (c.name === current ? { ...c, namespace: this.namespace } : c)),
        currentContext: current,
      });
      this.dir = mkdtempSync(join(tmpdir(), 'kubespec-kubeconfig-'));
      writeFileSync(join(this.dir, 'kubeconfig'), scoped.exportConfig(), { mode: 0o600 });
    }
    return join(this.dir, 'kubeconfig');
  }

  remove(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
