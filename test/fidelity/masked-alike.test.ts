import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { maskedAlike } from '../../src/fidelity/masked-alike.ts';
import type { ScenarioRecord } from '../../src/report/scenario-records.ts';

const feature = `Feature: two
  Scenario: holds a secret
    Given the manifest:
      """
      apiVersion: v1
      kind: Secret
      metadata: {name: db}
      stringData: {role: host}
      """

  Scenario: names a key
    Given a pod
`;

const record = (id: string, state: string): ScenarioRecord => ({ id, name: id, tags: [], status: 'PASSED', durationMs: 1, stepsMs: 1, attachments: { 'final state.yaml': state } });

test('both runs are masked with the Secrets of every file either ran, so masking alone makes no difference', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'masked-alike-'));
  mkdirSync(join(cwd, 'features'));
  writeFileSync(join(cwd, 'features', 'two.feature'), feature);
  // The simulator ran both scenarios and masked `host` everywhere; the reference ran the second only.
  const [sim, reference] = maskedAlike([
    [record('features/two.feature:2', 'x'), record('features/two.feature:11', 'key: database_<redacted>')],
    [record('features/two.feature:11', 'key: database_host')],
  ], cwd);
  assert.equal(sim![1]!.attachments['final state.yaml'], 'key: database_<redacted>');
  assert.equal(reference![0]!.attachments['final state.yaml'], 'key: database_<redacted>');
});

test('runs without Secrets in their files are left as they are', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'masked-alike-'));
  const runs = [[record('features/missing.feature:3', 'key: database_host')]];
  assert.deepEqual(maskedAlike(runs, cwd), runs);
});
