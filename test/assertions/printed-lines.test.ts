import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingLineMatching, missingPrintedLine, missingWholeLine } from '../../src/assertions/printed-lines.ts';

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

test('a single expected line is compared whole: a nodePort 30080 is not "3"', () => {
  assert.equal(missingWholeLine('30080', '30080'), undefined);
  assert.equal(missingWholeLine('30080', '3'),
    'expected a line "3"; the lines printed:\n  30080\n(the line "30080" contains it, but lines are compared whole: write the whole line, or use "prints a line matching" with a regular expression)');
  assert.equal(missingWholeLine('web-7d9f8\napi-1\n', 'web-'),
    'expected a line "web-"; the lines printed:\n  web-7d9f8\n  api-1\n(the line "web-7d9f8" contains it, but lines are compared whole: write the whole line, or use "prints a line matching" with a regular expression)');
  assert.equal(missingWholeLine('', 'yes'), 'expected a line "yes"; the lines printed:\n  (nothing)');
});

test('trailing spaces (and a CRLF) do not count; leading spaces and inner spacing do', () => {
  assert.equal(missingWholeLine('yes   \r\n', 'yes'), undefined);
  assert.equal(missingWholeLine('a  b\n', 'a  b '), undefined);
  assert.equal(missingWholeLine('  nameserver 10.96.0.10\n', 'nameserver 10.96.0.10')?.startsWith('expected a line "nameserver 10.96.0.10"'), true);
  assert.equal(missingWholeLine('a  b\n', 'a b')?.startsWith('expected a line "a b"; the lines printed:\n  a  b'), true);
});

test('a regular expression must match a whole line', () => {
  assert.equal(missingLineMatching('30080\n', '3[0-9]{4}'), undefined);
  assert.equal(missingLineMatching('pod/web-5d8f7 \npod/api-x\n', 'pod/web-[a-z0-9]+'), undefined);
  assert.equal(missingLineMatching('30080', '3'), 'expected a line matching /3/ (the whole line); the lines printed:\n  30080');
  assert.equal(missingLineMatching('b', 'a|b'), undefined, 'alternatives are grouped before anchoring');
  assert.equal(missingLineMatching('xa', 'a|x'), 'expected a line matching /a|x/ (the whole line); the lines printed:\n  xa');
  assert.throws(() => missingLineMatching('x', 'web-('), /^SyntaxError: \/web-\(\/ is not a regular expression: /);
});
