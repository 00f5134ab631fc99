import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canRunBeside, combineFootprints, docStringKinds, kindsFootprint, kubectlFootprint, stepFootprint } from '../../src/drivers/live/cluster-footprint.ts';

const alone = (f: unknown) => !!f && typeof f === 'object' && 'alone' in f;

test('kubectl commands that read, or write in the scenario namespace, reach nothing shared', () => {
  for (const command of ['get pods -L app', 'get nodes', 'describe node worker-1', 'logs web', 'exec web -- env', 'label pod web env=staging --overwrite',
    'create deployment web --image=nginx', 'scale deploy/web --replicas=3', 'delete pod web -n ${namespace}', 'rollout undo deployment/web', 'auth can-i create clusterroles']) {
    assert.equal(kubectlFootprint(command.split(' ')), undefined, command);
  }
});

test('kubectl commands that change nodes, cluster-scoped objects, other namespaces or unread files run alone', () => {
  const cases: Array<[string, RegExp]> = [
    ['cordon worker-1', /changes what every scenario shares/],
    ['label node worker-1 disk=ssd', /changes what every scenario shares/],
    ['taint nodes worker-2 team=a:NoSchedule', /changes what every scenario shares/],
    ['create namespace team-a', /writes namespaces, which are cluster-scoped/],
    ['create clusterrole reader --verb=get --resource=pods', /writes clusterroles/],
    ['delete sc/standard', /writes storageclasses/],
    ['annotate storageclasses.storage.k8s.io standard x=y', /writes storageclasses/],
    ['create configmap cfg -n kube-system --from-literal=a=b', /namespace "kube-system"/],
    ['delete pods --all -A', /every namespace/],
    ['apply -f scenarios/manifests/web.yaml', /files kubespec does not read/],
    ['certificate approve csr-1', /changes what every scenario shares/],
  ];
  for (const [command, why] of cases) {
    const f = kubectlFootprint(command.split(' '));
    assert.ok(alone(f), command);
    assert.match((f as { alone: string }).alone, why, command);
  }
});

test('a doc string names its objects by their top-level kind only', () => {
  const yaml = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nsubjects:\n  - kind: User\n    name: jane\nroleRef:\n  kind: ClusterRole\n---\nkind: "Pod"\n';
  assert.deepEqual(docStringKinds(yaml), ['RoleBinding', 'Pod']);
  assert.deepEqual(docStringKinds('NAME  READY\nweb   1/1'), []);
});

test("a step's footprint comes from what it declares and the objects it applies, not from what it reads", () => {
  assert.equal(stepFootprint(undefined, 'kind: ConfigMap\n', [{ kind: 'Service' }]), undefined);
  assert.deepEqual(stepFootprint({ workers: 2 }, undefined, []), { workers: 2 });
  assert.match((stepFootprint(undefined, 'kind: PriorityClass\n', []) as { alone: string }).alone, /PriorityClass, which is cluster-scoped/);
  assert.match((stepFootprint(undefined, undefined, [{ kind: 'CronTab' }]) as { alone: string }).alone, /CronTab, a kind whose scope kubespec does not know/);
  assert.match((stepFootprint({ workers: 2 }, undefined, [{ kind: 'Namespace' }]) as { alone: string }).alone, /Namespace/);
});

test('a write of a named kind reaches what that kind is: written as a kind, a plural or a short name', () => {
  assert.equal(kindsFootprint(['Deployment', 'pods', 'cm']), undefined);
  for (const word of ['Node', 'persistentvolumes', 'sc']) assert.match((kindsFootprint([word]) as { alone: string }).alone, /cluster-scoped/, word);
});

test('scenarios run beside each other only when neither runs alone and both want the same workers', () => {
  assert.ok(canRunBeside(undefined, undefined));
  assert.ok(canRunBeside({ workers: 2 }, { workers: 2 }));
  assert.ok(!canRunBeside({ workers: 2 }, { workers: 1 }));
  assert.ok(!canRunBeside({ workers: 3 }, undefined), 'all the workers is not the same as the first three');
  assert.ok(!canRunBeside({ alone: 'cordons a shared node' }, undefined));
  assert.ok(!canRunBeside(undefined, { alone: 'x' }));
  assert.deepEqual(combineFootprints({ workers: 2 }, { workers: 2 }), { workers: 2 });
  assert.match((combineFootprints({ workers: 2 }, { workers: 1 }) as { alone: string }).alone, /as 2 and as 1 workers/);
  assert.deepEqual(combineFootprints({ workers: 2 }, { alone: 'x' }), { alone: 'x' });
});
