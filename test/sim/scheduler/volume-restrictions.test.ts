/**
 * VolumeRestrictions' ReadWriteOncePod check (K@1.32.13 and K@1.37.2 pkg/scheduler/framework/
 * plugins/volumerestrictions/volume_restrictions.go): while a scheduled pod uses the claim, every
 * node refuses a second pod naming it, resolvably, with the release's text
 * (scheduler.volumeRestrictions.readWriteOncePodReason); a node recounted without the holder fits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LEGACY_MINORS, parseKubernetesVersion, SUPPORTED_MINORS } from '../../../src/kube/kubernetes-versions.ts';
import type { CycleContext } from '../../../src/sim/scheduler/framework.ts';
import { volumeRestrictions } from '../../../src/sim/scheduler/plugins/volume-restrictions.ts';
import { buildNodeInfos } from '../../../src/sim/scheduler/resources.ts';

const node = (name: string) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: {} }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } });
const claim = (name: string, accessModes: string[]) => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default' }, spec: { accessModes } });
const user = (name: string, claimName: string, nodeName?: string, namespace = 'default') => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace },
  spec: { nodeName, containers: [{ name: 'c' }], volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] },
  status: { phase: 'Running' },
});

const claims = [claim('solo', ['ReadWriteOncePod']), claim('shared', ['ReadWriteOnce'])];
function run(minor: string, pods: any[], incoming: any) {
  const infos = buildNodeInfos([node('n1'), node('n2')] as any, pods);
  const ctx = { nodes: infos, version: parseKubernetesVersion(minor), claim: (_ns: string, n: string) => claims.find((c) => c.metadata.name === n) } as unknown as CycleContext;
  const state = volumeRestrictions.prepare(incoming, ctx);
  return { infos, state, skipped: volumeRestrictions.skipsFilter(incoming, state) };
}

const texts = {
  old: 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode',
  new: 'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod',
};

for (const minor of [...LEGACY_MINORS, ...SUPPORTED_MINORS]) {
  const expected = minor === '1.32' ? texts.old : texts.new;
  test(`${minor}: a ReadWriteOncePod claim in use refuses every node with "${expected.slice(0, 30)}…"`, () => {
    const { infos, state, skipped } = run(minor, [user('holder', 'solo', 'n1')], user('second', 'solo'));
    assert.equal(skipped, false);
    for (const info of infos) assert.deepEqual(volumeRestrictions.filter(user('second', 'solo') as any, info, state), { code: 'Unschedulable', reasons: [expected] });
    // Preemption's dry run: n1 without the holder is free.
    assert.equal(volumeRestrictions.filter(user('second', 'solo') as any, { ...infos[0]!, pods: [] }, state).code, 'Success');
  });
}

test('a ReadWriteOnce claim, a claim nobody uses and a same-named claim in another namespace do not conflict', () => {
  assert.equal(run('1.37', [user('holder', 'shared', 'n1')], user('second', 'shared')).skipped, true);
  assert.equal(run('1.37', [], user('first', 'solo')).skipped, true);
  assert.equal(run('1.37', [user('holder', 'solo', 'n1', 'other')], user('second', 'solo')).skipped, true);
  assert.equal(run('1.37', [user('holder', 'solo')], user('second', 'solo')).skipped, true, 'an unscheduled pod holds nothing');
});
