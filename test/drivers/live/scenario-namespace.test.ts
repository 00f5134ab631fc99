// Event texts on a live run name the scenario's namespace as the simulator's run does (default).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withScenarioNamespace } from '../../../src/drivers/live/scenario-namespace.ts';

const ns = 'ks-crashloopbackoff-first-restart-at-o-3fa2c1';

test("the kubelet's pod full name and a namespace/name carry the scenario's namespace", () => {
  assert.equal(withScenarioNamespace(`Back-off restarting failed container app in pod crasher_${ns}(0d6f…)`, ns), 'Back-off restarting failed container app in pod crasher_default(0d6f…)');
  assert.equal(withScenarioNamespace(`Successfully assigned ${ns}/web to worker-1`, ns), 'Successfully assigned default/web to worker-1');
});

test('a longer name that only starts with the namespace, and the simulator\'s own default, are left alone', () => {
  assert.equal(withScenarioNamespace(`pvc ${ns}-data bound`, ns), `pvc ${ns}-data bound`);
  assert.equal(withScenarioNamespace(`x-${ns} y`, ns), `x-${ns} y`);
  assert.equal(withScenarioNamespace('pod web_default(1)', 'default'), 'pod web_default(1)');
});
