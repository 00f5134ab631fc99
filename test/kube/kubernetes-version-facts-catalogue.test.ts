/**
 * Keeps the versioned facts, the simulator code and the catalogue in step (issue 26): every fact
 * in src/kube/kubernetes-versions/behaviours.ts is either read by code under src/ or says why not
 * (`notModelled`), and docs/kubernetes-versions.md names every fact in a row whose "modelled"
 * column agrees: not `no` for a fact the code reads, not `yes` for one it does not. "Read" is a
 * static check: the fact's id, quoted, in a source file other than the data itself.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BEHAVIOURS } from '../../src/kube/kubernetes-versions.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = join('src', 'kube', 'kubernetes-versions', 'behaviours.ts');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && path !== DATA ? [path] : [];
  });
}

const sources = sourceFiles('src').map((path) => ({ path, text: readFileSync(join(ROOT, path), 'utf8') }));
const readersOf = (id: string): string[] => sources.filter((s) => s.text.includes(`'${id}'`)).map((s) => s.path);

/** The catalogue's table rows, each with its "modelled" verdict (the last column's first word). */
const rows = readFileSync(join(ROOT, 'docs', 'kubernetes-versions.md'), 'utf8').split('\n')
  .filter((line) => line.startsWith('|') && !/^\|[-| ]+\|$/.test(line))
  .map((line) => {
    const cells = line.replace(/\|\s*$/, '').split('|');
    return { line, verdict: /^\s*(yes|partly|no)\b/.exec(cells.at(-1) ?? '')?.[1] };
  });
const rowsNaming = (id: string) => rows.filter((r) => r.line.includes(`\`${id}\``));

const facts = Object.entries(BEHAVIOURS) as [string, { notModelled?: string }][];

test('every fact is read by simulator code or says why it is not modelled, never both', () => {
  const problems: string[] = [];
  for (const [id, fact] of facts) {
    const readers = readersOf(id);
    if (readers.length === 0 && !fact.notModelled) problems.push(`${id}: no code under src/ reads it and it has no notModelled reason`);
    if (readers.length > 0 && fact.notModelled) problems.push(`${id}: marked notModelled, yet ${readers.join(', ')} reads it`);
  }
  assert.deepEqual(problems, []);
});

test('the catalogue names every fact in a row with a modelled verdict', () => {
  const missing = facts.map(([id]) => id).filter((id) => !rowsNaming(id).some((r) => r.verdict));
  assert.deepEqual(missing, [], 'facts no row of docs/kubernetes-versions.md names (as `id`) with yes/partly/no');
});

test('the catalogue\'s verdict agrees with the code: a fact read is not "no", a fact not modelled is not "yes"', () => {
  const problems: string[] = [];
  for (const [id, fact] of facts) {
    const read = readersOf(id).length > 0;
    for (const row of rowsNaming(id)) {
      if (read && row.verdict === 'no') problems.push(`${id} is read by ${readersOf(id).join(', ')} but its row says no: ${row.line.slice(0, 120)}`);
      if (fact.notModelled && row.verdict === 'yes') problems.push(`${id} is not modelled but its row says yes: ${row.line.slice(0, 120)}`);
    }
  }
  assert.deepEqual(problems, []);
});
