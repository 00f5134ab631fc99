import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyConfiguration, recordUpdate, type Writer } from '../../../../src/sim/store/apply/field-manager.ts';
import { FieldSet, pathText } from '../../../../src/kube/field-set.ts';
import { ApiError } from '../../../../src/kube/api-errors.ts';
import type { KubeObject } from '../../../../src/sim/store/types.ts';

const at = (manager: string, time = '2026-01-01T00:00:00Z', subresource?: string): Writer => ({ manager, time, ...(subresource ? { subresource } : {}) });

function deployment(spec: Record<string, unknown>, labels: Record<string, string> = { app: 'web' }): KubeObject {
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default', labels } as any, spec };
}

const container = (fields: Record<string, unknown>) => ({ name: 'nginx', image: 'nginx:1.25', ...fields });
const template = (containers: unknown[]) => ({ metadata: { labels: { app: 'web' } }, spec: { containers } });

function owners(obj: KubeObject): Record<string, unknown> {
  return Object.fromEntries((obj.metadata.managedFields as any[]).map((e) => [`${e.manager} ${e.operation}${e.subresource ? ` ${e.subresource}` : ''}`, e.fieldsV1]));
}

test('an apply owns exactly its configuration: keyed lists by their keys (a port by containerPort and the defaulted protocol), atomic selectors whole, no "." on plain maps', () => {
  const config = deployment({ replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template([container({ ports: [{ containerPort: 80 }] })]) });
  const created = applyConfiguration(undefined, config, at('kubectl'), false);
  assert.deepEqual(owners(created)['kubectl Apply'], {
    'f:metadata': { 'f:labels': { 'f:app': {} } },
    'f:spec': {
      'f:replicas': {}, 'f:selector': {},
      'f:template': {
        'f:metadata': { 'f:labels': { 'f:app': {} } },
        'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } } },
      },
    },
  });
  assert.equal((created.metadata.managedFields as any[])[0].apiVersion, 'apps/v1');
});

test('changing a field another manager owns is a conflict in the API server\'s words; the same value is shared ownership; force takes the field', () => {
  const live = applyConfiguration(undefined, deployment({ replicas: 3, template: template([container({})]) }), at('kubectl'), false);
  const scaled = { ...live, spec: { ...live.spec, replicas: 5 } };
  scaled.metadata = { ...live.metadata, managedFields: recordUpdate(live, scaled, at('kubectl', '2026-01-01T00:01:00Z', 'scale')) };
  assert.deepEqual(owners(scaled)['kubectl Update scale'], { 'f:spec': { 'f:replicas': {} } });
  assert.deepEqual((owners(scaled)['kubectl Apply'] as any)['f:spec']['f:replicas'], undefined, 'the update took the field from the applier');

  const reapply = deployment({ replicas: 3, template: template([container({})]) });
  assert.throws(() => applyConfiguration(scaled, reapply, at('kubectl'), false), (e: unknown) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.code, 409);
    assert.equal(e.message, 'Apply failed with 1 conflict: conflict with "kubectl" with subresource "scale": .spec.replicas');
    assert.deepEqual(e.fieldCauses, [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl" with subresource "scale"', field: '.spec.replicas' }]);
    return true;
  });

  const shared = applyConfiguration(scaled, deployment({ replicas: 5, template: template([container({})]) }), at('ci'), false);
  assert.deepEqual((owners(shared)['ci Apply'] as any)['f:spec']['f:replicas'], {});
  assert.deepEqual(owners(shared)['kubectl Update scale'], { 'f:spec': { 'f:replicas': {} } }, 'both own it now');

  const forced = applyConfiguration(scaled, reapply, at('kubectl'), true);
  assert.equal(forced.spec.replicas, 3);
  assert.equal(owners(forced)['kubectl Update scale'], undefined, 'the scaler lost its only field');
});

test('several conflicts are listed by manager, sorted', () => {
  const live = applyConfiguration(undefined, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default', labels: { team: 'x' } } as any, data: { a: '1' } }, at('kubectl-label'), false);
  const withData = { ...live, data: { a: '1', b: '2' } };
  withData.metadata = { ...live.metadata, managedFields: recordUpdate(live, withData, at('kubectl-edit')) };
  try {
    applyConfiguration(withData, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: { team: 'z' } } as any, data: { a: '9', b: '9' } }, at('ci'), false);
    assert.fail('expected a conflict');
  } catch (e) {
    assert.equal((e as Error).message, 'Apply failed with 3 conflicts: conflicts with "kubectl-edit":\n- .data.b\nconflicts with "kubectl-label":\n- .data.a\n- .metadata.labels.team');
  }
});

test('fields the applier set before and now leaves out are removed, unless another manager owns them; an emptied list goes too', () => {
  const first = applyConfiguration(undefined, deployment({ replicas: 2, template: template([container({ ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }] })]) }), at('kubectl'), false);
  const edited = structuredClone(first);
  edited.spec.template.spec.containers[0].env.push({ name: 'B', value: '2' });
  edited.metadata.managedFields = recordUpdate(first, edited, at('kubectl-edit'));
  const second = applyConfiguration(edited, deployment({ template: template([container({})]) }), at('kubectl'), false);
  const c = second.spec.template.spec.containers[0];
  assert.equal(second.spec.replicas, undefined, 'replicas was only the applier\'s');
  assert.equal(c.ports, undefined, 'the only port went, and the emptied list with it');
  assert.deepEqual(c.env, [{ name: 'B', value: '2' }], 'A went; B belongs to the editor');
});

test('an update owns what it changed, including the maps and list items it added; the entries are sorted Apply first, then by time', () => {
  const live = applyConfiguration(undefined, deployment({ template: template([container({})]) }), at('kubectl', '2026-01-01T00:05:00Z'), false);
  const next = structuredClone(live);
  next.spec.template.spec.containers.push({ name: 'sidecar', image: 'busybox' });
  next.metadata.managedFields = recordUpdate(live, next, at('kubectl-edit', '2026-01-01T00:00:00Z'));
  assert.deepEqual(next.metadata.managedFields!.map((e: any) => e.manager), ['kubectl', 'kubectl-edit']);
  assert.deepEqual(owners(next)['kubectl-edit Update'], { 'f:spec': { 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"sidecar"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } });
  const unchanged = recordUpdate(next, structuredClone(next), at('someone-else'));
  assert.deepEqual(unchanged, next.metadata.managedFields, 'an update that changes nothing adds no manager');
});

test('a re-apply of the same configuration keeps the entry\'s time; status belongs to the status subresource', () => {
  const config = deployment({ replicas: 1, template: template([container({})]) });
  const first = applyConfiguration(undefined, config, at('kubectl', '2026-01-01T00:00:00Z'), false);
  const again = applyConfiguration(first, config, at('kubectl', '2026-01-02T00:00:00Z'), false);
  assert.equal((again.metadata.managedFields as any[])[0].time, '2026-01-01T00:00:00Z');
  const withStatus = { ...again, status: { replicas: 1 } };
  const entries = recordUpdate(again, withStatus, at('kube-controller-manager', '2026-01-03T00:00:00Z', 'status'));
  assert.deepEqual(entries!.find((e) => e.subresource === 'status')?.fieldsV1, { 'f:status': { '.': {}, 'f:replicas': {} } });
  const mainWrite = recordUpdate(again, withStatus, at('kubectl-edit'));
  assert.equal(mainWrite!.find((e) => e.manager === 'kubectl-edit'), undefined, 'status written through the main resource is not owned');
});

test('field sets print as the API server prints paths and read back from fieldsV1', () => {
  assert.equal(pathText(['f:spec', 'f:containers', 'k:{"name":"web"}', 'f:image']), '.spec.containers[name="web"].image');
  assert.equal(pathText(['f:metadata', 'f:finalizers', 'v:"a/b"']), '.metadata.finalizers[="a/b"]');
  const trie = { 'f:data': { '.': {}, 'f:a': {} }, 'f:metadata': { 'f:labels': { 'f:x': {} } } };
  const set = FieldSet.fromFieldsV1(trie);
  assert.deepEqual(set.toFieldsV1(), trie);
  assert.deepEqual(set.paths().map(pathText), ['.data', '.data.a', '.metadata.labels.x']);
});

test('apply refuses, as its typed conversion does, fields the kind does not declare and plain values of the wrong type', () => {
  const config = deployment({ replicas: '3', colour: 'blue', template: template([container({})]) });
  assert.throws(() => applyConfiguration(undefined, config, at('kubectl'), false), (e: unknown) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.code, 500);
    assert.equal(e.message, 'failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.colour: field not declared in schema\n.spec.replicas: expected numeric (int or float), got string');
    return true;
  });
});
