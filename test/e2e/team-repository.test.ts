import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { execa } from 'execa';
import { packageRoot } from '../../src/package-root.ts';

/**
 * The way platform teams use kubespec: as a dev dependency of their own repository. Packs this
 * package, installs the tarball into a fresh project, scaffolds it with `kubespec init`, and
 * runs the example (which uses one of the team's own steps) green.
 */
test('npm pack → install into a new project → kubespec init → kubespec run passes', { timeout: 300_000 }, async () => {
  const work = mkdtempSync(join(tmpdir(), 'kubespec-team-'));
  const packed = await execa('npm', ['pack', '--pack-destination', work, '--silent'], { cwd: packageRoot });
  const tarball = join(work, packed.stdout.trim().split('\n').at(-1)!);
  const project = join(work, 'team');
  await execa('mkdir', ['-p', project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'team-specs', private: true, type: 'module' }));
  await execa('npm', ['install', '--save-dev', tarball, '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project });

  const init = await execa('npx', ['kubespec', 'init'], { cwd: project });
  assert.match(init.stdout, /created features\/example\.feature/);
  assert.match(init.stdout, /created steps\/team-steps\.ts/);
  assert.match(init.stdout, /created \.vscode\/settings\.json/);

  const runResult = await execa('npx', ['kubespec', 'run'], { cwd: project, reject: false });
  assert.equal(runResult.exitCode, 0, runResult.stdout + runResult.stderr);
  assert.match(runResult.stdout, /kubespec: 2 passed, 0 failed/);

  const again = await execa('npx', ['kubespec', 'init'], { cwd: project });
  assert.match(again.stdout, /kept {4}features\/example\.feature \(exists\)/);
});
