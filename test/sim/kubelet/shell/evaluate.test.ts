import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateCommand, type ShellInput } from '../../../../src/sim/kubelet/shell/evaluate.ts';

// busybox's list from scenarios/behaviors/images.yaml, in short.
const BUSYBOX = ['/bin/...', '/bin/sh', '/etc/...', '/etc/passwd', '/home/', '/tmp/', '/usr/...'];
const run = (script: string, extra: Partial<ShellInput> = {}) =>
  evaluateCommand({ argv: ['sh', '-c', script], env: {}, unknownEnv: () => false, imagePaths: BUSYBOX, mounts: [], field: 'command', ...extra });

test('the last command sets the exit code; ; && || ! and exit N', () => {
  assert.deepEqual(run('false; echo done'), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('false && echo x'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('false || exit 3'), { runsFor: 0, exitCode: 3, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('! true'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('sleep 5; exit 2'), { runsFor: 5000, exitCode: 2, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('sleep 1m 30; exit 300'), { runsFor: 90_000, exitCode: 44, ignoresSigterm: true, guesses: [] });
});

test('if/elif/else with test and [ ] against the image file system', () => {
  assert.equal((run('if [ -f /etc/hostname ]; then exit 0; else exit 2; fi') as any).exitCode, 0);
  assert.equal((run('if [ -d /etc/hostname ]; then exit 0; elif test -d /tmp; then exit 4; else exit 2; fi') as any).exitCode, 4);
  assert.equal((run('if [ -e /nope ]; then exit 0; else exit 2; fi') as any).exitCode, 2);
  assert.equal((run('[ -z "" ] && [ -n x ] && [ a != b ] && [ 3 -gt 2 ] && [ 2 -le 2 ] && [ 1 -eq 01 ]') as any).exitCode, 0);
  assert.equal((run('[ 3 -lt 2 ]') as any).exitCode, 1);
  assert.equal((run('[ abc -lt 2 ]') as any).exitCode, 2, 'a bad number is a usage error');
});

test('cat and ls fail on a path the image does not have, with busybox statuses', () => {
  assert.deepEqual(run('cat /missing'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('ls /nope'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.equal((run('cat /etc/passwd /etc/resolv.conf && ls /tmp') as any).exitCode, 0);
});

test('variables: assignment, $VAR and ${VAR}, defaults, the environment, $?', () => {
  assert.equal((run('X=3; exit $X') as any).exitCode, 3);
  assert.equal((run('exit ${CODE}', { env: { CODE: '5' } }) as any).exitCode, 5);
  assert.equal((run('exit ${NOPE:-6}') as any).exitCode, 6);
  assert.equal((run('false; exit $?') as any).exitCode, 1);
  assert.equal((run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; exit $i') as any).exitCode, 3);
  assert.deepEqual((run('exit ${TOKEN:-0}', { unknownEnv: (n) => n === 'TOKEN' }) as any).guesses,
    [{ field: 'command', assumed: '$TOKEN is empty', why: "its value comes from outside the manifest's env values (the runtime, a Secret or ConfigMap, a Service)" }]);
});

test('files written, appended and removed, at the time they were', () => {
  assert.deepEqual(run('echo a > /tmp/f; sleep 2; printf "%s\\n" b >> /tmp/f; touch /tmp/h; sleep 3; rm /tmp/h; cat /tmp/h'), {
    runsFor: 5000, exitCode: 1, ignoresSigterm: true, guesses: [],
    files: { '/tmp/f': { createdAt: 0, content: 'a\nb\n' }, '/tmp/h': { createdAt: 2000, removedAt: 5000, content: '' } },
  });
  assert.equal((run('echo x > /nodir/f') as any).exitCode, 1, 'a missing directory');
});

test('endless forms run until stopped; a trap on TERM with wait stops promptly', () => {
  assert.deepEqual(run('while true; do echo x; sleep 1; done'), { exitCode: 0, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('sleep infinity'), { exitCode: 0, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('tail -f /dev/null'), { exitCode: 0, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run("trap 'exit 0' TERM; sleep infinity & wait"), { exitCode: 0, ignoresSigterm: false, guesses: [] });
});

test('what it cannot know is a guess: unknown programs, unlisted images, volumes', () => {
  assert.deepEqual(run('curl -f localhost || exit 1; sleep 2'), { runsFor: 2000, exitCode: 0, ignoresSigterm: true,
    guesses: [{ field: 'command', assumed: '`curl -f localhost` exits 0 at once', why: 'kubespec does not know what `curl -f localhost` does' }] });
  assert.deepEqual(run('python app.py'), { exitCode: 0, ignoresSigterm: false,
    guesses: [{ field: 'command', assumed: 'it runs until stopped and stops promptly on SIGTERM', why: 'kubespec does not know what `python app.py` does' }] });
  const unlisted = run('cat /missing', { imagePaths: undefined }) as any;
  assert.equal(unlisted.exitCode, 0);
  assert.equal(unlisted.guesses[0].assumed, '/missing exists (for `cat`)');
  assert.equal((run('test -f /config/app.yaml', { mounts: ['/config'] }) as any).guesses[0].assumed, '/config/app.yaml exists (for `test -f`)');
  assert.deepEqual(run('case x in x) exit 1;; esac'), { notInterpreted: 'CaseClause (case x in x) exit 1;; esac)' });
  assert.deepEqual(run('if then'), { runsFor: 0, exitCode: 2, ignoresSigterm: false, guesses: [] }, 'a syntax error: sh exits 2');
});

test('a plain argv is one program', () => {
  assert.deepEqual(evaluateCommand({ argv: ['sleep', '10'], env: {}, unknownEnv: () => false, mounts: [], field: 'command' }), { runsFor: 10_000, exitCode: 0, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(evaluateCommand({ argv: ['/bin/false'], env: {}, unknownEnv: () => false, mounts: [], field: 'command' }), { runsFor: 0, exitCode: 1, ignoresSigterm: false, guesses: [] });
});
