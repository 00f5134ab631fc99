// DESIGN.md: configuration, environment variables included, is read in one place and passed
// down. dependency-cruiser sees imports, not globals, so this check greps src/, steps/ and
// support/ for the environment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The files that may touch process.env: src/environment.ts lists every variable kubespec reads. */
const allowed = new Set(['src/environment.ts']);

/** `file:line: text` for each line of a source file under `dir` that touches process.env. */
export function processEnvUses(dir: string): string[] {
  const uses: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    if (!/\.(ts|mts|mjs|js|cjs)$/.test(entry)) continue;
    const file = join(dir, entry);
    readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
      if (/process\s*\.\s*env\b|process\s*\[\s*['"]env['"]\s*\]/.test(line)) uses.push(`${file}:${i + 1}: ${line.trim()}`);
    });
  }
  return uses;
}

// steps/ and support/ too: Cucumber loads them into the run's process, and what a run hands them
// comes through supportCodeSettings() (src/environment.ts), not the environment read directly.
test('only src/environment.ts reads or writes process.env in src/, steps/ and support/', () => {
  const stray = ['src', 'steps', 'support'].flatMap(processEnvUses).filter((use) => !allowed.has(use.slice(0, use.indexOf(':'))));
  assert.deepEqual(stray, [], `process.env outside ${[...allowed].join(', ')}; read it there and pass the value down:\n${stray.join('\n')}`);
});

test('the check sees a process.env read', () => {
  // Guards the pattern: a check that can never find anything proves nothing.
  const uses = processEnvUses('src').filter((use) => use.startsWith('src/environment.ts:'));
  assert.ok(uses.some((use) => use.includes('return process.env;')), uses.join('\n'));
});
