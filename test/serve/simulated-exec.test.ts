import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runSimulated } from '../../src/serve/simulated-exec.ts';

const view = { env: { MODE: 'fast', HOME: '/root' }, files: { '/etc/cfg/MODE': 'fast', '/etc/cfg/LEVEL': 'debug', '/etc/secret/token': 's3cr3t' }, hostname: 'web-0' };

test('env, printenv, cat, ls, hostname and echo answer from what the container was given', () => {
  assert.deepEqual(runSimulated(['env'], view), { stdout: 'MODE=fast\nHOME=/root\n', stderr: '', exitCode: 0 });
  assert.deepEqual(runSimulated(['printenv', 'MODE'], view), { stdout: 'fast\n', stderr: '', exitCode: 0 });
  assert.equal(runSimulated(['printenv', 'NOPE'], view).exitCode, 1);
  assert.deepEqual(runSimulated(['cat', '/etc/cfg/MODE', '/etc/cfg/LEVEL'], view), { stdout: 'fastdebug', stderr: '', exitCode: 0 });
  assert.deepEqual(runSimulated(['cat', '/etc/none'], view), { stdout: '', stderr: "cat: can't open '/etc/none': No such file or directory\n", exitCode: 1 });
  assert.equal(runSimulated(['ls', '/etc/cfg/'], view).stdout, 'LEVEL\nMODE\n');
  assert.equal(runSimulated(['ls', '/etc'], view).stdout, 'cfg\nsecret\n');
  assert.equal(runSimulated(['ls', '/var'], view).exitCode, 1);
  assert.equal(runSimulated(['hostname'], view).stdout, 'web-0\n');
});

test('sh -c runs one simple command, expanding variables outside single quotes', () => {
  assert.equal(runSimulated(['sh', '-c', 'echo "$MODE" ${HOME} \'$MODE\''], view).stdout, 'fast /root $MODE\n');
  assert.equal(runSimulated(['sh', '-c', 'cat /etc/secret/token'], view).stdout, 's3cr3t');
});

test('sh -c expands unquoted globs against the files, sorted, and leaves a glob that matches nothing', () => {
  assert.equal(runSimulated(['sh', '-c', 'cat /etc/cfg/*'], view).stdout, 'debugfast');
  assert.equal(runSimulated(['sh', '-c', 'ls /etc/s*'], view).stdout, 'token\n');
  assert.match(runSimulated(['sh', '-c', 'cat /etc/cfg/X*'], view).stderr, /can't open '\/etc\/cfg\/X\*'/);
  assert.equal(runSimulated(['sh', '-c', "cat '/etc/cfg/*'"], view).exitCode, 1);
});

test('id and stat answer from the identity and the mount groups; without them they are not simulated', () => {
  const who = { ...view, identity: { uid: 1000, gid: 3000, groups: [2000, 3000] }, mountGroups: { '/data': 2000 } };
  assert.equal(runSimulated(['id'], who).stdout, 'uid=1000 gid=3000 groups=2000,3000\n');
  // busybox 1.36 (setpriv --reuid 1000 --regid 3000 --groups 2000,3000 busybox id -G): the gid first.
  assert.equal(runSimulated(['id', '-G'], who).stdout, '3000 2000\n');
  assert.equal(runSimulated(['stat', '-c', '%g', '/data/'], who).stdout, '2000\n');
  assert.equal(runSimulated(['id'], { ...view, identity: { uid: 0, gid: 0, groups: [0] } }).stdout, 'uid=0(root) gid=0(root) groups=0(root)\n');
  assert.equal(runSimulated(['id'], view).exitCode, 126);
  assert.equal(runSimulated(['stat', '-c', '%g', '/etc'], who).exitCode, 126);
});

test('a command the simulator cannot answer is refused with 126 and what is simulated', () => {
  const r = runSimulated(['nslookup', 'web'], view);
  assert.equal(r.exitCode, 126);
  assert.match(r.stderr, /^kubespec: "nslookup web" is not simulated in a container \(what is: env, printenv, cat, ls/);
});

test('touch, rm and echo redirections change files through the view, in busybox words when refused', () => {
  const changes: Array<[string, object]> = [];
  const writable = {
    ...view,
    change: (path: string, change: object) => {
      changes.push([path, change]);
      return path.startsWith('/etc/') ? 'Read-only file system' : path.startsWith('/nfs/') ? 'kubespec: files in nfs volumes are not simulated' : undefined;
    },
  };
  assert.deepEqual(runSimulated(['touch', '/data/new'], writable), { stdout: '', stderr: '', exitCode: 0 });
  assert.deepEqual(runSimulated(['touch', '/etc/cfg/new'], writable), { stdout: '', stderr: 'touch: /etc/cfg/new: Read-only file system\n', exitCode: 1 });
  assert.equal(runSimulated(['touch', '/etc/cfg/MODE'], writable).exitCode, 0, 'touching a file that exists changes nothing');
  assert.equal(runSimulated(['sh', '-c', 'echo hi there >> /data/log'], writable).exitCode, 0);
  assert.deepEqual(runSimulated(['sh', '-c', 'echo hi >/etc/x'], writable), { stdout: '', stderr: "sh: can't create /etc/x: Read-only file system\n", exitCode: 1 });
  assert.equal(runSimulated(['rm', '-f', '/data/none'], writable).exitCode, 0);
  assert.equal(runSimulated(['touch', '/nfs/x'], writable).exitCode, 126);
  assert.deepEqual(changes.slice(0, 4), [
    ['/data/new', { content: '' }],
    ['/etc/cfg/new', { content: '' }],
    ['/data/log', { content: 'hi there\n', append: true }],
    ['/etc/x', { content: 'hi\n', append: false }],
  ]);
});
