import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnsyncedAllureWriter } from '../../src/report/unsynced-allure-writer.ts';

test('results, containers and attachments land under their Allure names, with no temp files left', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'allure-writer-')), 'allure-results');
  const writer = new UnsyncedAllureWriter(dir);
  writer.writeResult({ uuid: 'r1', name: 'scenario', status: 'passed' } as any);
  writer.writeGroup({ uuid: 'g1', children: ['r1'] } as any);
  writer.writeAttachment('a1-attachment.txt', Buffer.from('kubectl output'));
  assert.deepEqual(readdirSync(dir).sort(), ['a1-attachment.txt', 'g1-container.json', 'r1-result.json']);
  assert.equal(JSON.parse(readFileSync(join(dir, 'r1-result.json'), 'utf8')).status, 'passed');
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'g1-container.json'), 'utf8')).children, ['r1']);
  assert.equal(readFileSync(join(dir, 'a1-attachment.txt'), 'utf8'), 'kubectl output');
});
