import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SimCluster } from '../../sim/index.ts';
import { ServedCluster } from '../../serve/served-cluster.ts';
import { writeKubeconfig } from '../../serve/kubeconfig.ts';

/**
 * A scenario's simulated cluster served on a free loopback port, with a kubeconfig for it, so
 * kubectl steps run the real kubectl against it. Virtual time stays the scenario's: the server
 * never moves the clock, the steps do.
 */
export class KubectlEndpoint {
  private constructor(private readonly served: ServedCluster, private readonly dir: string, readonly kubeconfig: string) {}

  static async open(cluster: SimCluster): Promise<KubectlEndpoint> {
    const served = new ServedCluster({ seed: 0, nodes: [], images: [], speed: 0, host: '127.0.0.1', port: 0, cluster });
    const server = await served.start();
    const dir = mkdtempSync(join(tmpdir(), 'kubespec-kubectl-'));
    const kubeconfig = join(dir, 'kubeconfig');
    writeKubeconfig(kubeconfig, { name: 'kubespec', server, caPem: served.certificate(), token: served.token });
    return new KubectlEndpoint(served, dir, kubeconfig);
  }

  async close(): Promise<void> {
    await this.served.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
