import assert from 'node:assert/strict';
import { test } from 'node:test';
import { thaw } from '../../../../src/sim/store/freeze.ts';
import { clusterWith, get, seconds } from '../../helpers.ts';

const deployment = (replicas: number, strategy?: object) => ({
  apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'api', namespace: 'default' },
  spec: { replicas, ...(strategy ? { strategy } : {}), selector: { matchLabels: { app: 'api' } }, template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }] } } },
});

/** ScalingReplicaSet events as "<t> <message>", the set names read as NEW (latest revision) or OLD at the end. */
function scalingLog(cluster: ReturnType<typeof clusterWith>): { lines(): string[] } {
  const raw: string[] = [];
  cluster.store.watch('Event', (e) => {
    if (e.type === 'ADDED' && e.object.reason === 'ScalingReplicaSet') raw.push(`${seconds(cluster)} ${e.object.message}`);
  });
  return {
    lines: () => {
      const d = get(cluster, 'Deployment', 'api')!;
      const rev = d.metadata.annotations?.['deployment.kubernetes.io/revision'];
      const newest = cluster.store.list('ReplicaSet').find((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] === rev)!.metadata.name;
      return raw.map((l) => l.replace(/api-\w+/, (m) => (m === newest ? 'NEW' : 'OLD')));
    },
  };
}

function updateImage(cluster: ReturnType<typeof clusterWith>, image: string): void {
  const d = thaw(get(cluster, 'Deployment', 'api')!);
  d.spec.template.spec.containers[0].image = image;
  cluster.store.update(d);
}

test('rolling update of 4 replicas (surge 1, unavailable 1): the upstream sequence of resizes', () => {
  const cluster = clusterWith(3);
  cluster.store.create(deployment(4));
  cluster.clock.advanceBy(30_000);
  const log = scalingLog(cluster);
  updateImage(cluster, 'nginx:1.27');
  cluster.clock.advanceBy(60_000);
  assert.deepEqual(log.lines(), [
    '30 Scaled up replica set NEW from 0 to 1',
    '30 Scaled down replica set OLD from 4 to 3',
    '30 Scaled up replica set NEW from 1 to 2',
    '33 Scaled down replica set OLD from 3 to 1',
    '33 Scaled up replica set NEW from 2 to 4',
    '34 Scaled down replica set OLD from 1 to 0',
  ]);
  const status = get(cluster, 'Deployment', 'api')!.status;
  assert.equal(status.updatedReplicas, 4);
  assert.equal(status.conditions.find((c: any) => c.type === 'Progressing').reason, 'NewReplicaSetAvailable');
});

test('Recreate scales the old set to zero and starts new pods only when no old pod runs', () => {
  const cluster = clusterWith(3);
  cluster.store.create(deployment(2, { type: 'Recreate' }));
  cluster.clock.advanceBy(30_000);
  const log = scalingLog(cluster);
  const podsSeen: string[] = [];
  cluster.store.watch('Pod', (e) => { if (e.type !== 'MODIFIED') podsSeen.push(`${seconds(cluster)} ${e.type}`); });
  updateImage(cluster, 'nginx:1.27');
  cluster.clock.advanceBy(60_000);
  assert.deepEqual(log.lines(), ['30 Scaled down replica set OLD from 2 to 0', '31 Scaled up replica set NEW from 0 to 2']);
  assert.deepEqual(podsSeen, ['31 DELETED', '31 DELETED', '31 ADDED', '31 ADDED']);
});

test('revision history beyond revisionHistoryLimit is cleaned up, oldest first', () => {
  const cluster = clusterWith(2);
  cluster.store.create({ ...deployment(1), spec: { ...deployment(1).spec, revisionHistoryLimit: 1 } });
  cluster.clock.advanceBy(30_000);
  for (const tag of ['1.26', '1.27', '1.28']) {
    updateImage(cluster, `nginx:${tag}`);
    cluster.clock.advanceBy(30_000);
  }
  const revisions = cluster.store.list('ReplicaSet').map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision']).sort();
  assert.deepEqual(revisions, ['3', '4']);
});

test('a template that cannot be pulled times out with ProgressDeadlineExceeded after progressDeadlineSeconds', () => {
  const cluster = clusterWith(2);
  cluster.store.create({ ...deployment(2), spec: { ...deployment(2).spec, progressDeadlineSeconds: 30 } });
  cluster.clock.advanceBy(30_000);
  updateImage(cluster, 'nginx:does-not-exist');
  let timedOutAt: number | undefined;
  cluster.store.watch('Deployment', (e) => {
    const c = e.object.status?.conditions?.find((x: any) => x.type === 'Progressing');
    if (c?.reason === 'ProgressDeadlineExceeded' && timedOutAt === undefined) timedOutAt = seconds(cluster);
  });
  cluster.clock.advanceBy(120_000);
  assert.equal(timedOutAt, 61, 'the last progress was at 30s, the deadline 30s later, checked one second after');
  const c = get(cluster, 'Deployment', 'api')!.status.conditions.find((x: any) => x.type === 'Progressing');
  assert.match(c.message, /^ReplicaSet "api-\w+" has timed out progressing\.$/);
});
