import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApiError } from '../../src/kube/api-errors.ts';

test('an API error is named for its reason, InternalError without a second "Error"', () => {
  assert.equal(new ApiError('NotFound', 404, 'x').name, 'NotFoundError');
  assert.equal(new ApiError('InternalError', 500, 'x').name, 'InternalError');
  assert.equal(new ApiError('InternalError', 500, 'boom').stack, 'InternalError: boom');
});
