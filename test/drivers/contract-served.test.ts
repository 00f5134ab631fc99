import { after, before, describe, it } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { ServedCluster } from '../../src/serve/served-cluster.ts';
import { writeKubeconfig } from '../../src/serve/kubeconfig.ts';
import { loadImageBehaviors } from '../../src/drivers/sim/index.ts';
import { LiveDriver } from '../../src/drivers/live/live-driver.ts';
import { runDriverContract } from '../../src/drivers/contract/driver-contract.ts';
import { packageRoot } from '../../src/package-root.ts';

/**
 * The live driver against a real HTTP API server: `kubespec serve` here (always available);
 * CI also runs the same contract against the reference control plane (scripts/ci-reference.mjs).
 */
describe('driver contract: live driver against kubespec serve', () => {
  let kc: KubeConfig;
  let served: ServedCluster;
  before(async () => {
    const nodes = [{ name: 'control-plane', role: 'control-plane' as const }, { name: 'worker-1' }];
    served = new ServedCluster({ seed: 3, nodes, images: loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml')), speed: 20, host: '127.0.0.1', port: 0 });
    const url = await served.start();
    const file = join(mkdtempSync(join(tmpdir(), 'kubespec-contract-')), 'kubeconfig');
    writeKubeconfig(file, { name: 'kubespec', server: url, caPem: served.certificate(), token: served.token });
    kc = new KubeConfig();
    kc.loadFromFile(file);
  });
  after(async () => served?.stop());
  runDriverContract('live driver (served)', () => new LiveDriver(kc), it);
});
