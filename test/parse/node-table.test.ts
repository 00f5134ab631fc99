import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNodeTable } from '../../src/parse/node-table.ts';

test('a node table gives names, roles, labels, taints and capacity', () => {
  assert.deepEqual(parseNodeTable([
    ['name', 'role', 'labels', 'taints', 'cpu'],
    ['cp', 'control-plane', '', '', ''],
    ['gpu-1', '', 'gpu=true,zone=a', 'dedicated=gpu:NoSchedule,spot:PreferNoSchedule', '8'],
  ]), [
    { name: 'cp', role: 'control-plane', labels: undefined, taints: undefined, capacity: undefined },
    { name: 'gpu-1', role: 'worker', labels: { gpu: 'true', zone: 'a' }, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }, { key: 'spot', effect: 'PreferNoSchedule' }], capacity: { cpu: '8' } },
  ]);
});

test('bad cells name the node and the expected form', () => {
  assert.throws(() => parseNodeTable([['name', 'taints'], ['n1', 'dedicated=gpu']]), { message: 'node "n1": "dedicated=gpu" is not a taint (use key=value:NoSchedule, key:NoExecute or key=value:PreferNoSchedule)' });
  assert.throws(() => parseNodeTable([['name', 'zone']]), { message: 'unknown node table column "zone" (known: name, role, labels, taints, cpu, memory, pods)' });
  assert.throws(() => parseNodeTable([['name', 'cpu'], ['w1', '1.5Gi2']]), { message: `node "w1": cpu "1.5Gi2" is not a quantity: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'` });
});
