import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { packageRoot } from '../package-root.ts';
import type { RunEnvironment } from './run-environment.ts';

/**
 * Scaffolds a team's repository for kubespec (templates/init): an example feature, a place
 * for their own steps and manifests, a config, and the editor setting and glue for step
 * completion.
 * Existing files are never overwritten. Returns the files written, relative to the project.
 */
export function init(env: RunEnvironment, editorGlue: string): { written: string[]; kept: string[] } {
  const templates = join(packageRoot, 'templates', 'init');
  const written: string[] = [];
  const kept: string[] = [];
  for (const file of walk(templates)) {
    const target = join(env.cwd, relative(templates, file).replace(/(^|\/)_/g, '$1.'));
    const shown = relative(env.cwd, target);
    if (existsSync(target)) {
      kept.push(shown);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    cpSync(file, target);
    written.push(shown);
  }
  // The editor glue is generated, so it is always refreshed.
  const glue = join(env.cwd, '.vscode', 'kubespec-steps.ts');
  mkdirSync(dirname(glue), { recursive: true });
  writeFileSync(glue, editorGlue);
  written.push(relative(env.cwd, glue));
  return { written, kept };
}

function walk(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
