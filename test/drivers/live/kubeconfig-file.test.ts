import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { ScenarioKubeconfig } from '../../../src/drivers/live/kubeconfig-file.ts';

test("a scenario's kubeconfig is the driver's, private, with the scenario's namespace on the current context, and goes on remove", () => {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'c', server: 'https://127.0.0.1:6443', skipTLSVerify: true }],
    users: [{ name: 'u', token: 'secret-token' }],
    contexts: [{ name: 'ctx', cluster: 'c', user: 'u' }, { name: 'other', cluster: 'c', user: 'u', namespace: 'kept' }],
    currentContext: 'ctx',
  });
  const file = new ScenarioKubeconfig(kc, 'ks-abc123');
  const path = file.path();
  assert.equal(file.path(), path, 'written once, then reused');
  assert.equal(statSync(path).mode & 0o777, 0o600);
  const written = parse(readFileSync(path, 'utf8'));
  assert.equal(written['current-context'], 'ctx');
  const byName = Object.fromEntries(written.contexts.map((c: any) => [c.name, c.context.namespace]));
  assert.deepEqual(byName, { ctx: 'ks-abc123', other: 'kept' });
  assert.equal(written.users[0].user.token, 'secret-token');
  file.remove();
  assert.equal(existsSync(path), false);
});
