import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AssumptionLog } from '../../src/kube/assumptions.ts';
import { assumptionsText, assumptionSummary, StrictAssumptionError } from '../../src/report/assumption-report.ts';

const guess = { field: 'spec.containers[app].image', assumed: 'it runs until stopped', why: 'kubespec has no facts about "x"' };

test('an assumption is recorded once per object, field and content, in the order first made', () => {
  const log = new AssumptionLog();
  log.record({ object: 'Pod default/b', ...guess });
  log.recordAll('Pod default/a', [guess, guess]);
  log.record({ object: 'Pod default/b', ...guess });
  assert.deepEqual(log.list().map((a) => a.object), ['Pod default/b', 'Pod default/a']);
  assert.equal(assumptionsText(log.list()), 'Pod default/b spec.containers[app].image: assumed it runs until stopped, because kubespec has no facts about "x"\nPod default/a spec.containers[app].image: assumed it runs until stopped, because kubespec has no facts about "x"\n');
});

test('the run summary counts scenarios and assumptions, and says nothing when there are none', () => {
  assert.equal(assumptionSummary([]), undefined);
  assert.equal(assumptionSummary(['', '']), undefined);
  assert.equal(assumptionSummary(['a\nb\n', '', 'c\n']), '2 scenarios rest on 3 assumptions of the simulator (see assumptions.txt in the report; --strict fails those a scenario does not check)');
});

test('the strict error names every assumption', () => {
  const e = new StrictAssumptionError([{ object: 'Pod default/a', ...guess }]);
  assert.equal(e.name, 'StrictAssumptionError');
  assert.equal(e.message.split('\n').slice(0, 2).join('\n'), '--strict: this scenario rests on 1 assumption of the simulator:\n  - Pod default/a spec.containers[app].image: assumed it runs until stopped, because kubespec has no facts about "x"');
});
