import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { dataHash, envVarName } from '../../../src/sim/addons/reloader/index.ts';

test('a source name becomes an env var name as Reloader spells it', () => {
  assert.equal(envVarName('app-config'), 'APP_CONFIG');
  assert.equal(envVarName('-db..creds-'), 'DB_CREDS_');
});

test('the hash covers the sorted key=value pairs, a Secret by its decoded values', () => {
  const sha = (text: string) => createHash('sha512-256').update(text).digest('hex');
  const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { b: '2', a: '1' } } as any;
  assert.equal(dataHash(configMap), sha('a=1;b=2'));
  const secret = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data: { pw: Buffer.from('s3cr3t').toString('base64') } } as any;
  assert.equal(dataHash(secret), sha('pw=s3cr3t'));
});
