import assert from 'node:assert/strict';
import { test } from 'node:test';
import { suggestSteps } from '../../src/api/suggest-steps.ts';
import { allSteps } from '../../steps/index.ts';

test('a misspelt step gets the closest step of the vocabulary first', () => {
  assert.equal(suggestSteps('StatefulSet "api" has 2 redy replicas within 1 minute', allSteps)[0], 'Then StatefulSet "web" has 3 ready replicas within 2 minutes');
  assert.equal(suggestSteps('pod "x" was deleted before pod "y"', allSteps)[0], 'Then pod "web-2" is deleted before pod "web-1"');
});

test('nothing close, nothing suggested', () => {
  assert.deepEqual(suggestSteps('the moon is made of cheese and crackers today', allSteps), []);
});
