import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/package-root.ts';

/** Each built-in scenario with its own and its feature's tags (docs/tags.md). */
function scenarios(): Array<{ where: string; tags: string[] }> {
  const folder = join(packageRoot, 'features');
  const out: Array<{ where: string; tags: string[] }> = [];
  for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.feature'))) {
    const lines = readFileSync(join(folder, file), 'utf8').split('\n');
    let pending: string[] = [];
    let featureTags: string[] = [];
    lines.forEach((line, i) => {
      const text = line.trim();
      if (text.startsWith('@')) pending.push(...text.split(/\s+/).filter((t) => t.startsWith('@')));
      else if (text.startsWith('Feature:')) [featureTags, pending] = [pending, []];
      else if (/^Scenario( Outline)?:/.test(text)) {
        out.push({ where: `features/${file}:${i + 1}`, tags: [...featureTags, ...pending] });
        pending = [];
      } else if (text && !text.startsWith('#')) pending = [];
    });
  }
  return out;
}

test('every built-in scenario says where it is valid: exactly one of @portable, @sim-only, @live-only', () => {
  const all = scenarios();
  assert.ok(all.length > 100, `found ${all.length} scenarios`);
  const wrong = all.filter((s) => s.tags.filter((t) => ['@portable', '@sim-only', '@live-only'].includes(t)).length !== 1);
  assert.deepEqual(wrong.map((s) => s.where), []);
});

test('@needs-kubelet marks portable scenarios only', () => {
  const wrong = scenarios().filter((s) => s.tags.includes('@needs-kubelet') && !s.tags.includes('@portable'));
  assert.deepEqual(wrong.map((s) => s.where), []);
});
