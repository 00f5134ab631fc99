import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escalationProblem } from '../../src/security/escalation.ts';
import type { RbacObjects } from '../../src/security/rbac.ts';

const jane = { user: 'jane', groups: ['system:authenticated'] };
const rbac = (rules: object[]): RbacObjects => ({
  roles: [{ kind: 'Role', metadata: { name: 'r', namespace: 'ns' }, rules }],
  roleBindings: [{ kind: 'RoleBinding', metadata: { name: 'b', namespace: 'ns' }, subjects: [{ kind: 'User', name: 'jane' }], roleRef: { kind: 'Role', name: 'r' } }],
  clusterRoles: [], clusterRoleBindings: [],
} as unknown as RbacObjects);

test('held rules cover what is granted: a wildcard only by a wildcard, a subresource by */sub', () => {
  const held = rbac([{ apiGroups: [''], resources: ['pods', '*/status'], verbs: ['get', 'list'] }]);
  assert.equal(escalationProblem(jane, 'ns', [{ apiGroups: [''], resources: ['pods', 'services/status'], verbs: ['get'] }], held), undefined);
  assert.match(escalationProblem(jane, 'ns', [{ apiGroups: [''], resources: ['pods'], verbs: ['*'] }], held) ?? '', /\{APIGroups:\[""\], Resources:\["pods"\], Verbs:\["\*"\]\}/);
  assert.equal(escalationProblem(jane, 'other', [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }], held)?.startsWith('user "jane" (groups=["system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n'), true, 'a RoleBinding holds only in its namespace');
});

test('the missing tuples are compacted per resource and sorted', () => {
  const problem = escalationProblem(jane, 'ns', [{ apiGroups: ['apps'], resources: ['deployments', 'daemonsets'], verbs: ['create', 'delete'] }], rbac([]));
  assert.equal(problem?.split('\n').slice(1).join('\n'), '{APIGroups:["apps"], Resources:["daemonsets"], Verbs:["create" "delete"]}\n{APIGroups:["apps"], Resources:["deployments"], Verbs:["create" "delete"]}');
});
