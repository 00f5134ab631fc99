import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadImageBehaviors } from '../../src/drivers/sim/index.ts';
import { packageRoot } from '../../src/package-root.ts';
import { writeKubeconfig } from '../../src/serve/kubeconfig.ts';
import { ServedCluster } from '../../src/serve/served-cluster.ts';
import type { NodeDefinition } from '../../src/drivers/driver.ts';

/**
 * A `kubespec serve` cluster on a free loopback port, with the product's image behaviors, and
 * the environment a kubespec or kubectl process needs to reach it (context "kubespec").
 */
export async function serveForTests(seed: number, nodes: NodeDefinition[], speed = 20): Promise<{ served: ServedCluster; env: Record<string, string> }> {
  const served = new ServedCluster({ seed, nodes, images: loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml')), speed, host: '127.0.0.1', port: 0 });
  const url = await served.start();
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-served-'));
  writeKubeconfig(join(dir, 'kubeconfig'), { name: 'kubespec', server: url, caPem: served.certificate(), token: served.token });
  return { served, env: { KUBECONFIG: join(dir, 'kubeconfig'), NO_COLOR: '1' } };
}
