import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Envelope } from '@cucumber/messages';
import { scenarioRecords } from '../../src/report/scenario-records.ts';

const at = (seconds: number) => ({ seconds, nanos: 0 });

/** One feature: a background step on line 3, a scenario on line 5 with steps on lines 6 and 7. */
function envelopes(failing: { stepId: string; exception?: { type: string; message?: string }; message?: string }): Envelope[] {
  const step = (id: string, line: number) => ({ id, location: { line }, keyword: 'Given ', keywordType: 'Context', text: id });
  return [
    { gherkinDocument: { uri: 'features/a.feature', comments: [], feature: { location: { line: 1 }, tags: [], language: 'en', keyword: 'Feature', name: 'a', description: '', children: [
      { background: { id: 'bg', location: { line: 2 }, keyword: 'Background', name: '', description: '', steps: [step('s0', 3)] } },
      { scenario: { id: 'sc', location: { line: 5 }, tags: [], keyword: 'Scenario', name: 'one', description: '', steps: [step('s1', 6), step('s2', 7)], examples: [] } },
    ] } } },
    { pickle: { id: 'p', uri: 'features/a.feature', name: 'one', language: 'en', astNodeIds: ['sc'], tags: [], steps: [{ id: 'ps0', text: 'x', astNodeIds: ['s0'] }, { id: 'ps1', text: 'y', astNodeIds: ['s1'] }, { id: 'ps2', text: 'z', astNodeIds: ['s2'] }] } },
    { testCase: { id: 'tc', pickleId: 'p', testRunStartedId: 'r', testSteps: [{ id: 't0', pickleStepId: 'ps0' }, { id: 't1', pickleStepId: 'ps1' }, { id: 't2', pickleStepId: 'ps2' }, { id: 'after', hookId: 'h' }] } },
    { testCaseStarted: { id: 'run', testCaseId: 'tc', attempt: 0, timestamp: at(0) } },
    ...['t0', 't1', 't2', 'after'].map((id) => ({ testStepFinished: { testCaseStartedId: 'run', testStepId: id, timestamp: at(1), testStepResult: id === failing.stepId
      ? { status: 'FAILED', duration: at(0), ...(failing.exception ? { exception: failing.exception } : {}), ...(failing.message ? { message: failing.message } : {}) }
      : { status: id === 'after' || id < failing.stepId ? 'PASSED' : 'SKIPPED', duration: at(0) } } })),
    { testCaseFinished: { testCaseStartedId: 'run', timestamp: at(2), willBeRetried: false } },
  ] as unknown as Envelope[];
}

test('a failed scenario records the failing step by its feature line and the error class', () => {
  const [r] = scenarioRecords(envelopes({ stepId: 't1', exception: { type: 'WaitTimeoutAssertionError', message: 'x' } }), '/p');
  assert.deepEqual(r!.failure, { step: 'line 6', error: 'WaitTimeoutAssertionError' });
  assert.equal(r!.status, 'FAILED');
});

test('a background step is found by its own line; a plain Error takes the class its message names', () => {
  const [r] = scenarioRecords(envelopes({ stepId: 't0', exception: { type: 'Error' }, message: 'InvalidError: Deployment.apps "web" is invalid' }), '/p');
  assert.deepEqual(r!.failure, { step: 'line 3', error: 'InvalidError' });
});

test('a failing hook is "hook"', () => {
  const [r] = scenarioRecords(envelopes({ stepId: 'after', exception: { type: 'StrictAssumptionError' } }), '/p');
  assert.deepEqual(r!.failure, { step: 'hook', error: 'StrictAssumptionError' });
});
