import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configValues, volumeFiles, type ObjectLookup } from '../../src/kube/volume-files.ts';

const meta = (name: string) => ({ name, namespace: 'ns', uid: `uid-${name}`, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' });
const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta('settings'), data: { 'app.conf': 'debug=true', mode: 'fast' } };
const secret = { apiVersion: 'v1', kind: 'Secret', metadata: meta('creds'), data: { password: btoa('s3cret') } };
const lookup: ObjectLookup = (kind, name) => [configMap, secret].find((o) => o.kind === kind && o.metadata.name === name);
const pod = (volumes: object[]) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { ...meta('web'), labels: { tier: 'front', app: 'web' }, annotations: { owner: 'team "a"' } },
  spec: { volumes },
});

test('a ConfigMap volume shows every key as a file under the mount; a Secret decoded from base64', () => {
  const p = pod([{ name: 'conf', configMap: { name: 'settings' } }, { name: 'sec', secret: { secretName: 'creds' } }]);
  const files = volumeFiles(p, { volumeMounts: [{ name: 'conf', mountPath: '/etc/app/' }, { name: 'sec', mountPath: '/run/creds' }] }, lookup);
  assert.deepEqual(files, { '/etc/app/app.conf': 'debug=true', '/etc/app/mode': 'fast', '/run/creds/password': 's3cret' });
});

test('items pick and rename keys; a subPath mount is that one file at the mount path', () => {
  const p = pod([{ name: 'conf', configMap: { name: 'settings', items: [{ key: 'mode', path: 'speed/mode.txt' }] } }]);
  assert.deepEqual(volumeFiles(p, { volumeMounts: [{ name: 'conf', mountPath: '/etc/app' }] }, lookup), { '/etc/app/speed/mode.txt': 'fast' });
  const whole = pod([{ name: 'conf', configMap: { name: 'settings' } }]);
  assert.deepEqual(volumeFiles(whole, { volumeMounts: [{ name: 'conf', mountPath: '/etc/app.conf', subPath: 'app.conf' }] }, lookup), { '/etc/app.conf': 'debug=true' });
});

test('a missing source shows nothing; a volume the container does not mount shows nothing', () => {
  const p = pod([{ name: 'gone', configMap: { name: 'absent', optional: true } }, { name: 'conf', configMap: { name: 'settings' } }]);
  assert.deepEqual(volumeFiles(p, { volumeMounts: [{ name: 'gone', mountPath: '/etc/gone' }] }, lookup), {});
});

test('a downwardAPI volume writes labels as sorted key="value" lines and single fields as their value', () => {
  const p = pod([{ name: 'info', downwardAPI: { items: [
    { path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } },
    { path: 'annotations', fieldRef: { fieldPath: 'metadata.annotations' } },
    { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
    { path: 'tier', fieldRef: { fieldPath: "metadata.labels['tier']" } },
    { path: 'cpu', resourceFieldRef: { resource: 'limits.cpu' } },
  ] } }]);
  assert.deepEqual(volumeFiles(p, { volumeMounts: [{ name: 'info', mountPath: '/etc/podinfo' }] }, lookup), {
    '/etc/podinfo/labels': 'app="web"\ntier="front"',
    '/etc/podinfo/annotations': 'owner="team \\"a\\""',
    '/etc/podinfo/name': 'web',
    '/etc/podinfo/tier': 'front',
  });
});

test('configValues: ConfigMap data as is, Secret data decoded as UTF-8', () => {
  assert.deepEqual(configValues(configMap), { 'app.conf': 'debug=true', mode: 'fast' });
  const utf8 = { ...secret, data: { greeting: Buffer.from('grüß dich').toString('base64') } };
  assert.deepEqual(configValues(utf8), { greeting: 'grüß dich' });
});
