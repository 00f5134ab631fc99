import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { packageRoot } from '../../src/package-root.ts';

export const bin = join(packageRoot, 'bin', 'kubespec.mjs');

/** A throwaway project folder with the given feature files. */
export function projectWith(features: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubespec-test-'));
  for (const [name, text] of Object.entries(features)) {
    mkdirSync(join(dir, 'features'), { recursive: true });
    writeFileSync(join(dir, 'features', name), text);
  }
  return dir;
}

export function copyCardFeature(dir: string): void {
  mkdirSync(join(dir, 'features'), { recursive: true });
  cpSync(join(packageRoot, 'features', 'workloads', 'statefulset-scale-down.feature'), join(dir, 'features', 'card.feature'));
}

/** Runs the CLI; never throws on a non-zero exit. */
export async function kubespec(cwd: string, ...args: string[]) {
  const r = await execa('node', [bin, ...args], { cwd, reject: false, stripFinalNewline: false, env: { NO_COLOR: '1', FORCE_COLOR: '0' } });
  return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The contents of the Allure attachments with this name, from test results and from their
 * containers' tear-down (where attachments made in After hooks land).
 */
export function attachments(dir: string, name: string): string[] {
  const results = join(dir, 'reports', 'allure-results');
  const out: string[] = [];
  const walk = (node: any) => {
    for (const a of node.attachments ?? []) if (a.name === name) out.push(readFileSync(join(results, a.source), 'utf8'));
    for (const s of node.steps ?? []) walk(s);
  };
  for (const f of readdirSync(results).filter((f) => f.endsWith('.json')).sort()) {
    const doc = JSON.parse(readFileSync(join(results, f), 'utf8'));
    walk(doc);
    for (const fixture of [...(doc.befores ?? []), ...(doc.afters ?? [])]) walk(fixture);
  }
  return out;
}
