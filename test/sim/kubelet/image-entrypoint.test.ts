import assert from 'node:assert/strict';
import { test } from 'node:test';
import { podLog } from '../../../src/apiserver/subresources.ts';
import { entrypointVerdict, refusalLines } from '../../../src/sim/kubelet/image-entrypoint.ts';
import { clusterWith, get, images, pod } from '../helpers.ts';

// The official database images' entrypoints refuse to set up a database without credentials
// (scenarios/behaviors/images.yaml `requiresEnv`, from docker-library's docker-entrypoint.sh).

const POSTGRES_LOG = [
  'Error: Database is uninitialized and superuser password is not specified.',
  '       You must specify POSTGRES_PASSWORD to a non-empty value for the',
  '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".',
  '',
  '       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all',
  '       connections without a password. This is *not* recommended.',
  '',
  '       See PostgreSQL documentation about "trust":',
  '       https://www.postgresql.org/docs/current/auth-trust.html',
];

const refuses = (container: any, env: Record<string, string> = {}, podSpec: any = {}) => entrypointVerdict({ spec: podSpec }, container, env, images).refusal !== undefined;

test('postgres refuses without a non-empty POSTGRES_PASSWORD (or its _FILE), unless POSTGRES_HOST_AUTH_METHOD is trust', () => {
  const db = { name: 'db', image: 'postgres:17' };
  assert.equal(refuses(db), true);
  assert.equal(refuses(db, { POSTGRES_PASSWORD: '' }), true, 'the script tests -z: empty is none');
  assert.equal(refuses(db, { POSTGRES_USER: 'app', POSTGRES_HOST_AUTH_METHOD: 'md5' }), true);
  assert.equal(refuses(db, { POSTGRES_PASSWORD: 's3cret' }), false);
  assert.equal(refuses(db, { POSTGRES_HOST_AUTH_METHOD: 'trust' }), false);
  assert.deepEqual(entrypointVerdict({}, db, { POSTGRES_PASSWORD_FILE: '/run/secrets/pw' }, images), {
    guesses: [{ field: 'env', assumed: 'the file /run/secrets/pw named by POSTGRES_PASSWORD_FILE exists and is not empty', why: "kubespec does not know the content of the file the image's entrypoint reads" }],
  });
  const { refusal } = entrypointVerdict({}, { name: 'db', image: 'docker.io/library/postgres:16' }, {}, images);
  assert.equal(refusal?.exitCode, 1);
  assert.deepEqual(refusalLines(refusal!, Date.UTC(2026, 0, 1, 0, 0, 3)), POSTGRES_LOG);
});

test('only the entrypoint about to start the server checks: a command replaces it, other programs and help flags skip it', () => {
  assert.equal(refuses({ image: 'postgres:17', args: ['-c', 'max_connections=200'] }), true, 'a flag gets postgres put in front');
  assert.equal(refuses({ image: 'postgres:17', args: ['postgres', '-c', 'shared_buffers=256MB'] }), true);
  assert.equal(refuses({ image: 'postgres:17', command: [] }), true, 'an empty command is none');
  assert.equal(refuses({ image: 'postgres:17', command: ['sleep', 'infinity'] }), false);
  assert.equal(refuses({ image: 'postgres:17', command: ['docker-entrypoint.sh', 'postgres'] }), false, 'kubespec does not read a command as the entrypoint');
  assert.equal(refuses({ image: 'postgres:17', args: ['bash', '-c', 'sleep 10'] }), false);
  assert.equal(refuses({ image: 'postgres:17', args: ['postgres', '--version'] }), false);
  assert.equal(refuses({ image: 'mysql:8.4', args: ['--help'] }), false);
  assert.equal(refuses({ image: 'nginx:1.27' }), false, 'an image without requiresEnv');
});

test('mysql and mariadb: a root password, an allowed empty one or a random one; mariadb takes the MYSQL_ names too', () => {
  assert.equal(refuses({ image: 'mysql:8.0' }), true);
  for (const name of ['MYSQL_ROOT_PASSWORD', 'MYSQL_ALLOW_EMPTY_PASSWORD', 'MYSQL_RANDOM_ROOT_PASSWORD']) assert.equal(refuses({ image: 'mysql:8.0' }, { [name]: 'yes' }), false, name);
  assert.equal(refuses({ image: 'mysql:8.4' }, { MYSQL_PASSWORD: 'app', MYSQL_USER: 'app' }), true, "a user's password is not root's");
  const { refusal } = entrypointVerdict({}, { image: 'mysql:8.4', args: ['--character-set-server=utf8mb4'] }, {}, images);
  assert.deepEqual(refusalLines(refusal!, Date.UTC(2026, 0, 1, 0, 1, 2, 500)), [
    '2026-01-01 00:01:02+00:00 [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
    '    You need to specify one of the following as an environment variable:',
    '    - MYSQL_ROOT_PASSWORD',
    '    - MYSQL_ALLOW_EMPTY_PASSWORD',
    '    - MYSQL_RANDOM_ROOT_PASSWORD',
  ]);
  assert.equal(refuses({ image: 'mariadb:11.8' }), true);
  assert.equal(refuses({ image: 'mariadb:11.8' }, { MYSQL_ROOT_PASSWORD: 'x' }), false);
  assert.equal(refuses({ image: 'mariadb:11.8' }, { MARIADB_ALLOW_EMPTY_ROOT_PASSWORD: '1' }), false);
  assert.equal(refuses({ image: 'mariadb:11.8', args: ['mysqld'] }), true, 'mysqld is set up too');
});

test('a persistent volume holding the data directory is taken to be new and empty, and the refusal says so', () => {
  const claim = { volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'records' } }, { name: 'scratch', emptyDir: {} }] };
  const at = (mountPath: string, name = 'data', image = 'postgres:16') => ({ name: 'db', image, volumeMounts: [{ name, mountPath }] });
  assert.deepEqual(entrypointVerdict({ spec: claim }, at('/var/lib/postgresql/data'), {}, images).guesses, [{
    field: 'volumeMounts',
    assumed: 'the volume "data" holds no database at /var/lib/postgresql/data yet, so the image\'s entrypoint sets one up and asks for POSTGRES_PASSWORD',
    why: "kubespec does not know what a persistent volume holds (a new claim's volume is empty)",
  }]);
  assert.equal(entrypointVerdict({ spec: claim }, at('/var/lib/postgresql/'), {}, images).guesses?.length, 1, 'mounted above it');
  assert.equal(entrypointVerdict({ spec: claim }, at('/var/lib/postgresql/data', 'scratch'), {}, images).guesses, undefined, 'an emptyDir is new with the pod');
  assert.equal(entrypointVerdict({ spec: claim }, at('/srv'), { PGDATA: '/var/lib/postgresql/data/pgdata' }, images).guesses, undefined, 'PGDATA elsewhere');
  assert.equal(entrypointVerdict({ spec: claim }, at('/srv'), { PGDATA: '/srv/pgdata' }, images).guesses?.length, 1, 'PGDATA moved into the claim');
  assert.equal(entrypointVerdict({ spec: claim }, at('/var/lib/mysql', 'data', 'mysql:8.0'), {}, images).guesses?.length, 1);
  assert.equal(entrypointVerdict({ spec: claim }, at('/var/lib/postgresql/data'), { POSTGRES_PASSWORD: 'x' }, images).guesses, undefined, 'with a password the volume does not matter');
});

test('on the kubelet: postgres without a password crash-loops with the log line; the password from a Secret starts it', () => {
  const cluster = clusterWith(1);
  cluster.store.create(pod('nopw', { containers: [{ name: 'db', image: 'postgres:17' }] }));
  cluster.store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pg', namespace: 'default' }, stringData: { password: 's3cret' } });
  cluster.store.create(pod('withpw', { containers: [{ name: 'db', image: 'postgres:17', env: [{ name: 'POSTGRES_PASSWORD', valueFrom: { secretKeyRef: { name: 'pg', key: 'password' } } }] }] }));
  cluster.clock.advanceBy(60_000);
  const failing = get(cluster, 'Pod', 'nopw')!;
  const status = failing.status.containerStatuses[0];
  // On 1.37, between runs the status keeps the run that ended (crash-loop-display.ts).
  assert.deepEqual({ exitCode: status.state.terminated?.exitCode, reason: status.state.terminated?.reason }, { exitCode: 1, reason: 'Error' });
  assert.deepEqual({ exitCode: status.lastState.terminated.exitCode, reason: status.lastState.terminated.reason }, { exitCode: 1, reason: 'Error' });
  assert.ok(status.restartCount >= 2, `restarts: ${status.restartCount}`);
  assert.equal(podLog(cluster, failing, new URLSearchParams('previous=true')), `${POSTGRES_LOG.join('\n')}\n`);
  assert.equal(podLog(cluster, failing, new URLSearchParams()), `${POSTGRES_LOG.join('\n')}\n`, 'waiting to restart: the last run\'s log');
  const running = get(cluster, 'Pod', 'withpw')!.status.containerStatuses[0];
  assert.ok(running.state.running, JSON.stringify(running.state));
  assert.equal(running.restartCount, 0);
  assert.equal(podLog(cluster, get(cluster, 'Pod', 'withpw')!, new URLSearchParams()), '');
});

test('each start reads the environment afresh: an empty password fixed in the Secret lets the next run start', () => {
  const cluster = clusterWith(1);
  cluster.store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'my', namespace: 'default' }, stringData: { root: '' } });
  cluster.store.create(pod('db', { containers: [{ name: 'mysql', image: 'mysql:8.4', envFrom: [{ secretRef: { name: 'my' } }], env: [{ name: 'MYSQL_ROOT_PASSWORD', valueFrom: { secretKeyRef: { name: 'my', key: 'root' } } }] }] }));
  cluster.clock.advanceBy(15_000);
  assert.equal(get(cluster, 'Pod', 'db')!.status.containerStatuses[0].lastState.terminated?.exitCode, 1);
  const secret = get(cluster, 'Secret', 'my')!;
  cluster.store.update({ ...secret, data: { root: Buffer.from('s3cret').toString('base64') } });
  cluster.clock.advanceBy(5 * 60_000);
  const status = get(cluster, 'Pod', 'db')!.status.containerStatuses[0];
  assert.ok(status.state.running, JSON.stringify(status.state));
  assert.equal(status.lastState.terminated.exitCode, 1);
  assert.match(podLog(cluster, get(cluster, 'Pod', 'db')!, new URLSearchParams('previous=true')), /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\+00:00 \[ERROR\] \[Entrypoint\]: Database is uninitialized/);
  assert.equal(podLog(cluster, get(cluster, 'Pod', 'db')!, new URLSearchParams()), '', 'the running server prints nothing kubespec models');
});
