import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseKubernetesVersion } from '../../../src/kube/kubernetes-versions.ts';
import { NodeFilesystems } from '../../../src/sim/kubelet/node-filesystem.ts';

const podWith = (hostPath: { path: string; type?: string }) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'default' },
  spec: { nodeName: 'worker-1', containers: [{ name: 'app', image: 'busybox:1.36' }], volumes: [{ name: 'data', hostPath }] },
}) as any;

const on = (minor: string) => new NodeFilesystems(parseKubernetesVersion(minor));

test('a missing Directory: up to 1.36 "is not a directory", from 1.37 the kubelet says it could not tell its type (host_path.go typeMatchedOrError)', () => {
  const pod = podWith({ path: '/srv/kubespec-missing', type: 'Directory' });
  assert.equal(on('1.36').mountProblem(pod), 'MountVolume.SetUp failed for volume "data" : hostPath type check failed: /srv/kubespec-missing is not a directory');
  assert.equal(on('1.32').mountProblem(pod), 'MountVolume.SetUp failed for volume "data" : hostPath type check failed: /srv/kubespec-missing is not a directory');
  assert.equal(on('1.37').mountProblem(pod),
    'MountVolume.SetUp failed for volume "data" : hostPath type check failed, /srv/kubespec-missing is not a directory, unable to determine its type: path "/srv/kubespec-missing" does not exist');
});

test('a path of another type: from 1.37 the text names what it is (hostutil GetFileType)', () => {
  const file = podWith({ path: '/etc/hosts', type: 'Directory' });
  assert.equal(on('1.36').mountProblem(file), 'MountVolume.SetUp failed for volume "data" : hostPath type check failed: /etc/hosts is not a directory');
  assert.equal(on('1.37').mountProblem(file), 'MountVolume.SetUp failed for volume "data" : hostPath type check failed: /etc/hosts is not a directory, it\'s a File');
  const socket = podWith({ path: '/tmp', type: 'Socket' });
  assert.equal(on('1.37').mountProblem(socket), 'MountVolume.SetUp failed for volume "data" : hostPath type check failed: /tmp is not a socket file, it\'s a Directory');
  const device = podWith({ path: '/dev/null', type: 'BlockDevice' });
  assert.equal(on('1.37').mountProblem(device), 'MountVolume.SetUp failed for volume "data" : hostPath type check failed: /dev/null is not a block device, it\'s a CharDevice');
});

test('DirectoryOrCreate makes the path, and a Directory volume finds it afterwards on that node', () => {
  const fs = on('1.37');
  assert.equal(fs.mountProblem(podWith({ path: '/srv/made', type: 'DirectoryOrCreate' })), undefined);
  assert.equal(fs.mountProblem(podWith({ path: '/srv/made', type: 'Directory' })), undefined);
});
