import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatIndexes } from '../../../../src/sim/controllers/job/job-policies.ts';

// The Job controller writes completedIndexes and failedIndexes with orderedIntervals.String
// (pkg/controller/job/indexed_job_utils.go:167-184, K@1.36.3): a run of two is two indexes, only
// three or more make a range. The v1.36.3 reference cluster's real nodes wrote "0,1" where the
// simulator had written "0-1" (fidelity, 2026-12-07, job.feature:267).
test('index runs of two are listed, of three or more are ranges', () => {
  assert.equal(formatIndexes([1, 0]), '0,1');
  assert.equal(formatIndexes([0, 1, 2]), '0-2');
  assert.equal(formatIndexes([7, 0, 1, 2, 4, 5]), '0-2,4,5,7');
  assert.equal(formatIndexes([3]), '3');
  assert.equal(formatIndexes([]), '');
});
