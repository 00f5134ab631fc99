import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/package-root.ts';
import { kubespec } from './cli-helpers.ts';

test('steps --json lists every step with one example', async () => {
  const r = await kubespec(packageRoot, 'steps', '--json');
  assert.equal(r.code, 0);
  const steps = JSON.parse(r.stdout) as Array<{ patterns: string[]; example: string }>;
  assert.ok(steps.some((s) => s.patterns.includes('pod {string} is {transition} before pod {string}')));
  for (const s of steps) assert.ok(s.example.length > 0);
});

test('the committed editor glue is what `kubespec steps --glue` generates', async () => {
  const r = await kubespec(packageRoot, 'steps', '--glue');
  assert.equal(readFileSync(join(packageRoot, '.vscode', 'kubespec-steps.ts'), 'utf8'), r.stdout, 'run: node bin/kubespec.mjs steps --glue > .vscode/kubespec-steps.ts');
});

test('every example in the catalogue matches exactly one step (no ambiguity)', async () => {
  const { allSteps } = await import('../../steps/index.ts');
  const { patternsOf } = await import('../../src/step-catalog.ts');
  const { CucumberExpression, ParameterTypeRegistry, ParameterType } = await import('@cucumber/cucumber-expressions');
  const { parameterTypes } = await import('../../src/step-parameters.ts');
  const registry = new ParameterTypeRegistry();
  for (const p of parameterTypes) registry.defineParameterType(new ParameterType(p.name, p.regexp, null, (s: string) => s, false, false));
  const expressions = allSteps.flatMap((s) => patternsOf(s).map((p) => new CucumberExpression(p, registry)));
  for (const s of allSteps) {
    const text = s.example.split('\n')[0]!.replace(/^(Given|When|Then|And|But) /, '');
    const matches = expressions.filter((e) => e.match(text));
    assert.equal(matches.length, 1, `${text} matches ${matches.map((m) => m.source).join(' | ')}`);
  }
});
