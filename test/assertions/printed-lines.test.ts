import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingPrintedLine } from '../../src/assertions/printed-lines.ts';

const table = `NAME    READY   STATUS    RESTARTS   AGE   APP
web     1/1     Running   0          12s   web
api-x   0/1     Pending   0          3s    api`;

test('columns compare word by word, whatever the alignment; * matches any one word', () => {
  assert.equal(missingPrintedLine(table, 'NAME READY STATUS RESTARTS AGE APP\nweb 1/1 Running 0 * web'), undefined);
  assert.equal(missingPrintedLine(table, 'api-x   0/1   Pending   0   *   api'), undefined);
});

test('lines must come in order, and a line needs every word', () => {
  assert.equal(missingPrintedLine(table, 'api-x 0/1 Pending 0 * api\nweb 1/1 Running 0 * web'), 'web 1/1 Running 0 * web');
  assert.equal(missingPrintedLine(table, 'web 1/1 Running 0 *'), 'web 1/1 Running 0 *', 'a missing column is a mismatch');
});
