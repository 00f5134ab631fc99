// A pod's ConfigMap volume shows a change at the pod's next periodic sync (60–90 s), not at once
// (pod_workers.go completeWork: wait.Jitter(resyncInterval 1m, 0.5)); found by the real-node
// fidelity pass, where a patched ConfigMap's file still held the old value right after the patch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESYNC_INTERVAL, viewAt, viewLookup, type VolumeView } from '../../../src/sim/kubelet/volume-sync.ts';

const pod = { metadata: { name: 'web', namespace: 'default', uid: 'u-1' }, spec: { volumes: [{ name: 'all', configMap: { name: 'app-config' } }] } } as any;
const cm = (value: string, rv: string) => ({ kind: 'ConfigMap', metadata: { name: 'app-config', resourceVersion: rv }, data: { LOG_LEVEL: value } }) as any;

test('a change shows at the first periodic sync after it, 60 to 90 s after the last', () => {
  let current = cm('info', '1');
  const lookup = (kind: string, name: string) => (kind === 'ConfigMap' && name === 'app-config' ? current : undefined);
  let view: VolumeView = viewAt(undefined, pod, lookup, 0);
  const first = view.nextSyncAt;
  assert.ok(first >= RESYNC_INTERVAL && first <= 1.5 * RESYNC_INTERVAL, String(first));
  const shown = () => viewLookup(view, lookup)('ConfigMap', 'app-config')?.data.LOG_LEVEL;
  current = cm('debug', '2');
  view = viewAt(view, pod, lookup, 5_000);
  assert.equal(shown(), 'info');
  assert.equal(view.staleSince, 5_000);
  view = viewAt(view, pod, lookup, first - 1);
  assert.equal(shown(), 'info');
  view = viewAt(view, pod, lookup, first);
  assert.equal(shown(), 'debug');
  assert.ok(view.nextSyncAt - first >= RESYNC_INTERVAL && view.nextSyncAt - first <= 1.5 * RESYNC_INTERVAL);
});

test('a change made long after the last look waits for the next sync in the schedule, not the one missed', () => {
  let current = cm('info', '1');
  const lookup = () => current;
  let view = viewAt(undefined, pod, lookup as any, 0);
  // Nothing looked for ten minutes; then the ConfigMap changes (its watch wakes the kubelet).
  current = cm('debug', '2');
  view = viewAt(view, pod, lookup as any, 600_000);
  assert.equal(viewLookup(view, lookup as any)('ConfigMap', 'app-config')?.data.LOG_LEVEL, 'info');
  assert.ok(view.nextSyncAt > 600_000 && view.nextSyncAt <= 600_000 + 1.5 * RESYNC_INTERVAL);
  view = viewAt(view, pod, lookup as any, view.nextSyncAt);
  assert.equal(viewLookup(view, lookup as any)('ConfigMap', 'app-config')?.data.LOG_LEVEL, 'debug');
});

test('a source missing at the last look is looked for again at once (the mount is retried)', () => {
  let current: any;
  const lookup = () => current;
  let view = viewAt(undefined, pod, lookup as any, 0);
  current = cm('info', '1');
  view = viewAt(view, pod, lookup as any, 3_000);
  assert.equal(viewLookup(view, lookup as any)('ConfigMap', 'app-config')?.data.LOG_LEVEL, 'info');
});
