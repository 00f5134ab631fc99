import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LabelSelector } from '../../src/kube/label-selector.ts';

test('the string form supports equality, set and existence requirements', () => {
  const s = LabelSelector.parse('app=web, tier in (fe, be),!canary,env!=prod');
  assert.equal(s.matches({ app: 'web', tier: 'fe' }), true);
  assert.equal(s.matches({ app: 'web', tier: 'db' }), false);
  assert.equal(s.matches({ app: 'web', tier: 'be', canary: 'true' }), false);
  assert.equal(s.matches({ app: 'web', tier: 'be', env: 'prod' }), false);
  assert.equal(s.toString(), 'app=web,tier in (fe,be),!canary,env!=prod');
});

test('notin matches objects without the label, as apimachinery does', () => {
  assert.equal(LabelSelector.parse('tier notin (fe)').matches({}), true);
  assert.equal(LabelSelector.parse('tier notin (fe)').matches({ tier: 'fe' }), false);
});

test('matchLabels and matchExpressions are ANDed; an empty selector matches everything', () => {
  const s = LabelSelector.fromSpec({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] });
  assert.equal(s.matches({ app: 'web', tier: 'x' }), true);
  assert.equal(s.matches({ app: 'web' }), false);
  assert.equal(LabelSelector.fromSpec({}).matches(undefined), true);
});

test('a malformed requirement names itself', () => {
  assert.throws(() => LabelSelector.parse('app=web,tier in fe'), /unable to parse requirement: "tier in fe"/);
  assert.throws(() => LabelSelector.fromSpec({ matchExpressions: [{ key: 'a', operator: 'Equals' }] }), /"Equals" is not a valid label selector operator/);
});
