import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskSecrets } from '../../src/report/secret-values.ts';

test('a secret value is masked where it stands as a value, not inside a longer word', () => {
  const values = ['admin', 'host', 's3cr3t.pw+1'];
  assert.equal(maskSecrets('user=admin; password: s3cr3t.pw+1', values), 'user=<redacted>; password: <redacted>');
  assert.equal(maskSecrets('the administrator reads hostIP and agnhost', values), 'the administrator reads hostIP and agnhost');
  assert.equal(maskSecrets('postgres://admin:s3cr3t.pw+1@db/host', values), 'postgres://<redacted>:<redacted>@db/<redacted>');
  assert.equal(maskSecrets('"host"\n- host\nhost', values), '"<redacted>"\n- <redacted>\n<redacted>');
  assert.equal(maskSecrets('mysqladmin ping -uroot -phunter22 MYSQL_PWD=hunter22', ['hunter22']), 'mysqladmin ping -uroot -p<redacted> MYSQL_PWD=<redacted>');
});
