import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { applyToFreshCluster, corpusFiles } from '../../src/corpus/apply-corpus.ts';
import { expectedRejections, knownGaps } from '../../src/corpus/real-cluster-outcomes.ts';
import { packageRoot } from '../../src/package-root.ts';

const corpus = join(packageRoot, '..', 'shared', 'corpus');

test('every corpus manifest is accepted, or refused for the reason a real API server of the default release gives', { skip: !existsSync(corpus) && 'no ../shared/corpus beside the project' }, () => {
  const outcomes = corpusFiles(corpus).map((file) => applyToFreshCluster(corpus, file));
  const rejected = outcomes.filter((o) => o.rejected);
  console.log(`corpus: ${outcomes.length} files, ${outcomes.length - rejected.length} accepted, ${rejected.length} rejected`);
  for (const o of rejected) console.log(`  ${o.file}: ${o.rejected}`);
  assert.ok(outcomes.length >= 250, `expected the whole corpus, found ${outcomes.length} files`);
  const mismatches: string[] = [];
  for (const o of outcomes) {
    const expected = expectedRejections.get(o.file);
    if (expected === undefined && o.rejected && !knownGaps.has(o.file)) mismatches.push(`${o.file}: refused ("${o.rejected}") but a real cluster accepts it`);
    if (expected !== undefined && !o.rejected) mismatches.push(`${o.file}: accepted but a real cluster refuses it with "${expected}"`);
    if (expected !== undefined && o.rejected && !o.rejected.includes(expected)) mismatches.push(`${o.file}: refused with "${o.rejected}", a real cluster with "${expected}"`);
  }
  assert.deepEqual(mismatches, []);
});
