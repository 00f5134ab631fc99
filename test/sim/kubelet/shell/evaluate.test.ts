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

test('set -e ends the shell at a failing command, but not in conditions, before && or ||, or under !', () => {
  assert.deepEqual(run('set -e; if false; then :; fi; sleep 5; exit 7'), { runsFor: 5000, exitCode: 7, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; false || true; exit 3'), { runsFor: 0, exitCode: 3, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; false && true; exit 5'), { runsFor: 0, exitCode: 5, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; ! false; exit 4'), { runsFor: 0, exitCode: 4, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; ! true; exit 4'), { runsFor: 0, exitCode: 4, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; while false; do :; done; until true; do :; done; exit 6'), { runsFor: 0, exitCode: 6, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; false | true; exit 8'), { runsFor: 0, exitCode: 8, ignoresSigterm: true, guesses: [] });
  // It does end the shell at a failing program, a nested shell, a subshell, the last of && and a command in a then-branch.
  assert.deepEqual(run('set -e; cat /missing; exit 9'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run("set -e; sh -c 'exit 3'; exit 9"), { runsFor: 0, exitCode: 3, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; (exit 4); exit 9'), { runsFor: 0, exitCode: 4, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; true && false; exit 9'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; if true; then false; fi; exit 9'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -o errexit; false; exit 9'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -eu; false; exit 9'), { runsFor: 0, exitCode: 1, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -e; set +e; false; exit 9'), { runsFor: 0, exitCode: 9, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('set -o errexit; set +o errexit; false; exit 9'), { runsFor: 0, exitCode: 9, ignoresSigterm: true, guesses: [] });
  // A nested shell does not inherit it.
  assert.deepEqual(run("set -e; sh -c 'false; exit 0'; exit 9"), { runsFor: 0, exitCode: 9, ignoresSigterm: true, guesses: [] });
});

test('prefix assignments are the environment of that command only; special builtins keep them', () => {
  assert.equal((run("FOO=1 sh -c 'exit $FOO'") as any).exitCode, 1);
  assert.equal((run("FOO=1 sh -c 'exit 0'; exit ${FOO:-5}") as any).exitCode, 5);
  assert.equal((run("FOO=2 :; exit $FOO") as any).exitCode, 2);
});

test('a nested sh -c shares files, time and its wait; it sees exported variables only', () => {
  assert.deepEqual(run('sh -c "echo hi > /tmp/x; sleep 2"; cat /tmp/x'), {
    runsFor: 2000, exitCode: 0, ignoresSigterm: true, guesses: [], files: { '/tmp/x': { createdAt: 0, content: 'hi\n' } },
  });
  assert.equal((run('X=3; sh -c \'exit ${X:-0}\'') as any).exitCode, 0, 'an unexported variable');
  assert.equal((run('export X=3; sh -c \'exit ${X:-0}\'') as any).exitCode, 3);
  assert.equal((run('Y=4; export Y; sh -c \'exit $Y\'') as any).exitCode, 4);
  assert.equal((run('sh -c \'exit $E\'', { env: { E: '6' } }) as any).exitCode, 6, 'the container environment is exported');
  assert.equal((run('sh -c "Z=1; cd /tmp"; exit ${Z:-7}') as any).exitCode, 7, 'its variables stay in it');
  assert.deepEqual((run("sh -c 'until nslookup db; do sleep 2; done'; exit 0") as any).waitsFor, { until: 'dns', host: 'db', every: 2000 });
  assert.equal((run('x=$(sh -c "echo 5"); exit $x') as any).exitCode, 5, 'its output is the command\'s');
  assert.deepEqual(run('sh -c "echo a" > /tmp/o'), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [], files: { '/tmp/o': { createdAt: 0, content: 'a\n' } } });
});

test('>&2 and 1>&2 send output to standard error, in order with other redirections', () => {
  assert.deepEqual(run('echo a >&2 > /tmp/e; echo b 1>&2 >> /tmp/e'), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [], files: { '/tmp/e': { createdAt: 0, content: 'a\nb\n' } } });
  assert.deepEqual(run('echo a >&2 >> /tmp/e; echo b > /tmp/f 1>&2'), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [], files: { '/tmp/e': { createdAt: 0, content: 'a\n' }, '/tmp/f': { createdAt: 0, content: '' } } });
  assert.equal((run('x=$(echo err >&2); [ -z "$x" ]') as any).exitCode, 0, 'not captured');
  assert.equal((run('x=$(cat /missing 2>&1); [ -n "$x" ]') as any).exitCode, 0, '2>&1 is captured');
  assert.equal((run('x=$(cat /missing 2>&1 >/dev/null); [ -n "$x" ]') as any).exitCode, 0, '2>&1 first keeps errors where output was');
  assert.deepEqual(run('echo a 2>/tmp/e >&2'), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [], files: { '/tmp/e': { createdAt: 0, content: 'a\n' } } });
});

test('echo -e, -n and -ne as busybox echo reads them', () => {
  assert.deepEqual(run("echo -e 'a\\nb' > /tmp/f; echo -n x >> /tmp/f; echo -ne 'y\\tz' >> /tmp/f; echo -q >> /tmp/f; echo 'c\\nd' >> /tmp/f; echo -e 'e\\cf' >> /tmp/f") as any,
    { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [], files: { '/tmp/f': { createdAt: 0, content: 'a\nb\nxy\tz-q\nc\\nd\ne' } } });
});

test('exit with a word that is not a number: status 2 (ash "Illegal number")', () => {
  assert.deepEqual(run('exit abc'), { runsFor: 0, exitCode: 2, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('exit -1'), { runsFor: 0, exitCode: 2, ignoresSigterm: true, guesses: [] });
});

test('hostname prints the pod host name; output kubespec cannot know is a guess when the script reads it', () => {
  assert.deepEqual(run('x=$(hostname); [ "$x" = web-0 ] || exit 9; [ "$HOSTNAME" = web-0 ]', { hostname: 'web-0' }), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('[ "$HOSTNAME" = mine ]', { hostname: 'web-0', env: { HOSTNAME: 'mine' } }), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [] });
  assert.deepEqual(run('date; x=$(date +%s); exit 0'), { runsFor: 0, exitCode: 0, ignoresSigterm: true, guesses: [
    { field: 'command', assumed: 'what `date +%s` prints does not matter (kubespec takes it to print nothing)', why: 'kubespec does not know what `date +%s` prints in this container' }] });
  assert.deepEqual((run('x=$(hostname); [ -n "$x" ] || exit 9') as any).guesses.map((g: any) => g.assumed), ['what `hostname` prints does not matter (kubespec takes it to print nothing)']);
  assert.deepEqual(run('echo backup-$(date +%Y%m%d).sql; exit 3'), { runsFor: 0, exitCode: 3, ignoresSigterm: true, guesses: [] }, 'echoed to the log only');
  const guessed = (script: string) => (run(script) as any).guesses.map((g: any) => g.assumed);
  assert.deepEqual(guessed('echo $(id -u) > /tmp/u'), ['what `id -u` prints does not matter (kubespec takes it to print nothing)']);
  assert.deepEqual(guessed('whoami | cat'), ['what `whoami` prints does not matter (kubespec takes it to print nothing)']);
  assert.deepEqual(guessed('for d in $(date); do :; done'), ['what `date` prints does not matter (kubespec takes it to print nothing)']);
});
