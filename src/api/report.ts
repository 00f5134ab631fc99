import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { execa } from 'execa';
import { UserError } from '../errors.ts';
import type { RunEnvironment } from './run-environment.ts';

export interface ReportOptions {
  /** Open the report in a browser after rendering (allure open). */
  open?: boolean;
}

/**
 * Renders reports/allure-results into one self-contained reports/allure-report/index.html
 * with allure-commandline (needs Java). Returns the report's path.
 */
export async function report(options: ReportOptions, env: RunEnvironment): Promise<string> {
  const results = join(env.cwd, 'reports', 'allure-results');
  const out = join(env.cwd, 'reports', 'allure-report');
  if (!existsSync(results)) throw new UserError(`no results to report: ${results} does not exist (run \`kubespec run\` first)`);
  const allure = allureBinary();
  try {
    await execa(allure, ['generate', results, '-o', out, '--clean', '--single-file'], { env: env.env, stdout: 'pipe', stderr: 'pipe' });
  } catch (e) {
    const detail = (e as { stderr?: string; shortMessage?: string }).stderr || (e as Error).message;
    throw new UserError(`allure could not render the report (is Java installed?): ${detail.trim().split('\n')[0]}`);
  }
  if (options.open) await execa(allure, ['open', out], { env: env.env, stdio: 'inherit' });
  return join(out, 'index.html');
}

/** The allure launcher shipped by the allure-commandline package. */
function allureBinary(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('allure-commandline/package.json');
  return join(pkg, '..', 'dist', 'bin', 'allure');
}
