import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
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

  it('live driver (served): reads a running container\'s environment and volume files through exec', async () => {
    const driver = new LiveDriver(kc);
    await driver.setup({ name: 'exec', uri: 'test', seed: 1 });
    try {
      await driver.apply([
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { MODE: 'fast' } },
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'app' }, spec: { containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'], env: [{ name: 'GREETING', value: 'hello' }], volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }] }], volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }] } },
      ]);
      await driver.waitFor('pod app running', async () => ((await driver.get({ kind: 'Pod', name: 'app' }))?.status?.phase === 'Running' ? true : undefined), 30_000);
      assert.equal((await driver.containerEnv('app', 'main')).GREETING, 'hello');
      assert.deepEqual(await driver.containerFiles('app', 'main'), { '/etc/cfg/MODE': 'fast' });
      await assert.rejects(driver.containerEnv('app', 'nope'), /pod "app" has no container "nope" \(it has main\)/);
    } finally {
      await driver.teardown();
    }
  });
});
