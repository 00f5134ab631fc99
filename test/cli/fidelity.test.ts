import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readScenarioRecords } from '../../src/report/scenario-records.ts';
import { copyCardFeature, kubespec, projectWith } from './cli-helpers.ts';

test('a run writes messages.ndjson under --reports, and fidelity --compare-only compares two runs from it', async () => {
  const dir = projectWith({});
  copyCardFeature(dir);
  const sim = await kubespec(dir, 'run', '--reports', 'reports/fidelity/sim');
  assert.equal(sim.code, 0, sim.stdout + sim.stderr);
  const records = readScenarioRecords(join(dir, 'reports', 'fidelity', 'sim', 'messages.ndjson'), dir);
  assert.deepEqual(records.map((r) => [r.id, r.status]), [['features/card.feature:7', 'PASSED']]);
  assert.match(records[0]!.attachments['timeline.txt']!, /pod web-2\s+deleted/);
  assert.ok(records[0]!.tags.includes('@portable'));

  const missing = await kubespec(dir, 'fidelity', '--compare-only');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no reference cluster run to compare .*run `kubespec fidelity` first/);

  // The same seed twice: the two sides agree and observe the same.
  await kubespec(dir, 'run', '--reports', 'reports/fidelity/reference');
  const same = await kubespec(dir, 'fidelity', '--compare-only');
  assert.equal(same.code, 0, same.stdout + same.stderr);
  assert.match(same.stdout, /features\/card\.feature:7\s+passed \S+\s+passed \S+\s+KWOK\s+agree, observations equal\n/);
  assert.match(same.stdout, /^portable 1: agree 1, disagree 0, not judged 0 \(kubelet 0, model 0, skipped 0, unavailable 0\); observations equal in 1 of 1 agreeing \(100%\); verdicts agree in 100% of the judged$/m);
  assert.equal(JSON.parse(readFileSync(join(dir, 'reports', 'fidelity.json'), 'utf8')).agree, 1);
});

test('fidelity --kubernetes-version names a reference release; one that is not built is refused before anything runs', async () => {
  const dir = projectWith({});
  const r = await kubespec(dir, 'fidelity', '--compare-only', '--kubernetes-version', '1.99');
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^kubespec: --kubernetes-version 1\.99: the reference cluster is built for 1\.32 \(v1\.32\.5\), 1\.35 \(v1\.35\.4\), 1\.36 \(v1\.36\.3\), 1\.37 \(v1\.37\.2, default\)\n$/);
});
