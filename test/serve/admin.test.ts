import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServedCluster } from '../../src/serve/served-cluster.ts';
import { writeKubeconfig } from '../../src/serve/kubeconfig.ts';
import { loadSnapshot } from '../../src/serve/snapshot.ts';
import { callServed } from '../../src/api/serve.ts';

test('clock advance and snapshot through the kubeconfig; a snapshot loads into a fresh cluster', async () => {
  const served = new ServedCluster({ seed: 1, nodes: [{ name: 'worker-1', labels: { zone: 'a' } }], images: [], speed: 1, host: '127.0.0.1', port: 0, epoch: Date.UTC(2026, 0, 1) });
  const url = await served.start();
  try {
    const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubespec-admin-')), 'kubeconfig');
    writeKubeconfig(kubeconfig, { name: 'kubespec', server: url, caPem: served.certificate(), token: served.token });
    const before = served.cluster.clock.now();
    await callServed(kubeconfig, 'POST', '/kubespec/v1/clock/advance?by=5m');
    assert.ok(served.cluster.clock.now() - before >= 5 * 60_000);
    await assert.rejects(callServed(kubeconfig, 'POST', '/kubespec/v1/clock/advance?by=soon'), /"soon" is not a duration/);

    served.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default' }, data: { mode: 'fast' } });
    const snapshot = await callServed(kubeconfig, 'GET', '/kubespec/v1/snapshot');
    const fresh = new ServedCluster({ seed: 2, nodes: [], images: [], speed: 1, host: '127.0.0.1', port: 0 });
    loadSnapshot(fresh.cluster, snapshot, 'state.yaml');
    assert.equal(fresh.cluster.store.get('ConfigMap', { namespace: 'default', name: 'settings' })?.data?.mode, 'fast');
    assert.equal(fresh.cluster.store.get('Node', { name: 'worker-1' })?.metadata.labels?.zone, 'a');
  } finally {
    await served.stop();
  }
});
