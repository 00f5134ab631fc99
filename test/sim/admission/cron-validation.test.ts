import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cronScheduleProblem } from '../../../src/sim/admission/cron-validation.ts';

test('standard schedules, names and descriptors parse', () => {
  for (const good of ['0 */6 * * *', '30 18 * * 1', '0 0 1 * *', '*/15 9-17 * jan-jun MON-FRI', '5,35 * * * ?', '@hourly', '@every 90m', 'CRON_TZ=UTC 0 0 * * *', '0 0 * * 0']) {
    assert.equal(cronScheduleProblem(good), undefined, good);
  }
});

test("a bad schedule is refused in robfig/cron's words", () => {
  assert.equal(cronScheduleProblem(''), 'empty spec string');
  assert.equal(cronScheduleProblem('* * *'), 'expected exactly 5 fields, found 3: [* * *]');
  assert.equal(cronScheduleProblem('0 24 * * *'), 'end of range (24) above maximum (23): 24');
  assert.equal(cronScheduleProblem('0 0 0 * *'), 'beginning of range (0) below minimum (1): 0');
  assert.equal(cronScheduleProblem('0 0 * * 7'), 'end of range (7) above maximum (6): 7');
  assert.equal(cronScheduleProblem('0 5-2 * * *'), 'beginning of range (5) beyond end of range (2): 5-2');
  assert.equal(cronScheduleProblem('*/0 * * * *'), 'step of range should be a positive number: */0');
  assert.equal(cronScheduleProblem('x * * * *'), 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax');
  assert.equal(cronScheduleProblem('1-2-3 * * * *'), 'too many hyphens: 1-2-3');
  assert.equal(cronScheduleProblem('@fortnightly'), 'unrecognized descriptor: @fortnightly');
});
