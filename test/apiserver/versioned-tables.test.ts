import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podStatusText, toTable } from '../../src/apiserver/tables.ts';
import type { KubeObject } from '../../src/sim/index.ts';
import type { KnownMinor } from '../../src/kube/kubernetes-versions/versions.ts';

const at = (minor: KnownMinor) => ({ now: Date.parse('2026-01-01T00:10:00Z'), version: { minor } });
const cellsOf = (table: any) => table.rows.map((r: any) => r.cells);
const headersOf = (table: any) => table.columnDefinitions.map((c: any) => c.name);

const pod = (containerStatuses: object[], extra: object = {}): KubeObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { containers: containerStatuses.map((_, i) => ({ name: `c${i}`, image: 'busybox' })) },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses },
  ...extra,
}) as KubeObject;

test('a Completed container beside a failed one: NotReady until 1.34, the failure from 1.35 (printPod errorReason)', () => {
  // printPod walks the containers from the last, so the first one's reason is the one kept.
  const p = pod([
    { name: 'c0', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    { name: 'c1', ready: false, state: { terminated: { exitCode: 1, reason: 'Error' } } },
  ]);
  assert.equal(podStatusText(p, { minor: '1.32' as KnownMinor }), 'Completed');
  assert.equal(podStatusText(p, { minor: '1.35' as KnownMinor }), 'Error');
  const withRunning = pod([
    { name: 'c0', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
    { name: 'c1', ready: true, state: { running: {} } },
  ]);
  assert.equal(podStatusText(withRunning, { minor: '1.32' as KnownMinor }), 'NotReady');
  assert.equal(podStatusText(withRunning, { minor: '1.37' as KnownMinor }), 'NotReady');
});

test('a pod that has ended shows its end, not Terminating, while it is deleted', () => {
  const ended = pod([{ name: 'c0', ready: false, state: { terminated: { exitCode: 0, reason: 'Completed' } } }], {});
  ended.status!.phase = 'Succeeded';
  ended.metadata.deletionTimestamp = '2026-01-01T00:09:00Z';
  assert.equal(podStatusText(ended, { minor: '1.37' as KnownMinor }), 'Completed');
  const running = pod([{ name: 'c0', ready: true, state: { running: {} } }]);
  running.metadata.deletionTimestamp = '2026-01-01T00:09:00Z';
  assert.equal(podStatusText(running, { minor: '1.37' as KnownMinor }), 'Terminating');
});

test('kubectl get serviceaccounts has a SECRETS column until 1.34 only', () => {
  const sa = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', creationTimestamp: '2026-01-01T00:00:00Z' } } as KubeObject;
  assert.deepEqual(headersOf(toTable('ServiceAccount', [sa], at('1.34'), '1')), ['Name', 'Secrets', 'Age']);
  assert.deepEqual(cellsOf(toTable('ServiceAccount', [sa], at('1.34'), '1')), [['default', 0, '10m']]);
  assert.deepEqual(headersOf(toTable('ServiceAccount', [sa], at('1.35'), '1')), ['Name', 'Age']);
  assert.deepEqual(cellsOf(toTable('ServiceAccount', [sa], at('1.37'), '1')), [['default', '10m']]);
});

test('the KERNEL-VERSION of a node names its architecture from 1.36', () => {
  const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n', creationTimestamp: '2026-01-01T00:00:00Z' }, status: { nodeInfo: { kernelVersion: '6.1.0', architecture: 'amd64' } } } as KubeObject;
  const kernel = (minor: KnownMinor) => { const t: any = toTable('Node', [node], at(minor), '1'); return t.rows[0].cells[headersOf(t).indexOf('Kernel-Version')]; };
  assert.equal(kernel('1.35'), '6.1.0');
  assert.equal(kernel('1.36'), '6.1.0 (amd64)');
});

test('"(default)": every annotated StorageClass up to 1.36; from 1.37 only the newest in a list (ties: first name), never one object', () => {
  const sc = (name: string, created: string, annotation?: string) => ({
    apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', provisioner: 'p',
    metadata: { name, creationTimestamp: created, ...(annotation ? { annotations: { [annotation]: 'true' } } : {}) },
  }) as unknown as KubeObject;
  const older = sc('standard', '2026-01-01T00:00:00Z', 'storageclass.kubernetes.io/is-default-class');
  const newer = sc('fast', '2026-01-01T00:05:00Z', 'storageclass.beta.kubernetes.io/is-default-class');
  const twin = sc('aaa', '2026-01-01T00:05:00Z', 'storageclass.kubernetes.io/is-default-class');
  const plain = sc('slow', '2026-01-01T00:09:00Z');
  const names = (minor: KnownMinor, items: KubeObject[], list: boolean) => cellsOf(toTable('StorageClass', items, list ? { ...at(minor), list: items } : at(minor), '1')).map((c: any[]) => c[0]);
  assert.deepEqual(names('1.36', [older, newer, plain], true), ['standard (default)', 'fast (default)', 'slow']);
  assert.deepEqual(names('1.36', [older], false), ['standard (default)']);
  assert.deepEqual(names('1.37', [older, newer, plain], true), ['standard', 'fast (default)', 'slow']);
  assert.deepEqual(names('1.37', [older, newer, twin], true), ['standard', 'fast', 'aaa (default)']);
  assert.deepEqual(names('1.37', [older], true), ['standard (default)']);
  assert.deepEqual(names('1.37', [older], false), ['standard']);
});
