import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenRequestFor } from '../../src/apiserver/service-account-token.ts';

const account: any = { kind: 'ServiceAccount', metadata: { name: 'ci', namespace: 'dev', uid: 'u-1' } };

test('a token request gets a JWT for system:serviceaccount:<ns>:<name>, expiring after an hour unless asked otherwise', () => {
  const at = Date.parse('2026-01-01T00:00:00Z');
  const answer: any = tokenRequestFor(account, { spec: {} }, at);
  const [, payload] = answer.status.token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  assert.equal(claims.sub, 'system:serviceaccount:dev:ci');
  assert.deepEqual(claims['kubernetes.io'], { namespace: 'dev', serviceaccount: { name: 'ci', uid: 'u-1' } });
  assert.equal(claims.exp - claims.iat, 3600);
  assert.equal(answer.status.expirationTimestamp, '2026-01-01T01:00:00Z');
  const short: any = tokenRequestFor(account, { spec: { expirationSeconds: 600, audiences: ['vault'] } }, at);
  assert.equal(short.status.expirationTimestamp, '2026-01-01T00:10:00Z');
  assert.deepEqual(short.spec.audiences, ['vault']);
  assert.equal((tokenRequestFor(account, { spec: {} }, at) as any).status.token, answer.status.token, 'same time, same token: deterministic');
});
