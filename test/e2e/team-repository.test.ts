import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { execa } from 'execa';
import { packageRoot } from '../../src/package-root.ts';

/**
 * The way platform teams use kubespec: as a dev dependency of their own repository. Packs this
 * package once, installs the tarball into fresh projects (from the local npm cache where it
 * can), scaffolds each with `kubespec init`, and runs the example (which uses one of the team's
 * own steps) green: a CommonJS project as `npm init -y` writes it, and an ES-module one.
 */
let work = '';
let tarball = '';
/**
 * A hang guard, not a speed check: the first install took 101.6 s of 120 in a 2-core CI-style
 * run (2026-12-07, alongside the other test files), so the old limit was within reach of a slower machine.
 */
const REPOSITORY_TIMEOUT_MS = 300_000;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'kubespec-team-'));
  const packed = await execa('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: packageRoot });
  tarball = join(work, packed.stdout.trim().split('\n').at(-1)!);
});

async function teamRepository(name: string, init: (dir: string) => Promise<void>): Promise<string> {
  const project = join(work, name);
  mkdirSync(project);
  await init(project);
  await execa('npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project });
  return project;
}

async function initAndRun(project: string): Promise<void> {
  const init = await execa('npx', ['kubespec', 'init'], { cwd: project });
  assert.match(init.stdout, /created features\/example\.feature/);
  assert.match(init.stdout, /created steps\/team-steps\.mts/);
  assert.match(init.stdout, /created \.vscode\/settings\.json/);

  const runResult = await execa('npx', ['kubespec', 'run'], { cwd: project, reject: false });
  assert.equal(runResult.exitCode, 0, runResult.stdout + runResult.stderr);
  assert.match(runResult.stdout, /kubespec: 2 passed, 0 failed/);

  const again = await execa('npx', ['kubespec', 'init'], { cwd: project });
  assert.match(again.stdout, /kept {4}features\/example\.feature \(exists\)/);
}

test('a CommonJS repository (npm init -y): install → kubespec init → kubespec run passes', { timeout: REPOSITORY_TIMEOUT_MS }, async () => {
  const project = await teamRepository('cjs', async (dir) => {
    await execa('npm', ['init', '-y'], { cwd: dir });
  });
  assert.equal(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).type, 'commonjs', 'npm init -y writes "type": "commonjs"');
  await initAndRun(project);
});

test('an ES-module repository: install → kubespec init → kubespec run passes', { timeout: REPOSITORY_TIMEOUT_MS }, async () => {
  const project = await teamRepository('esm', async (dir) => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'team-specs', private: true, type: 'module' }));
  });
  await initAndRun(project);
});
