import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.ts';
import type { RunOptions } from './run.ts';

export const CONFIG_FILE = 'kubespec.config.json';

const allowed = new Set(['profile', 'seed', 'parallel', 'tags', 'paths', 'format', 'driver', 'strict', 'kubernetesVersion']);

/**
 * A project's defaults for `kubespec run` (kubespec.config.json), overridden by flags.
 * Unknown keys are refused by name, so a typo does not pass silently.
 */
export function loadProjectConfig(cwd: string): RunOptions {
  const path = join(cwd, CONFIG_FILE);
  if (!existsSync(path)) return {};
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UserError(`${CONFIG_FILE}: invalid JSON: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UserError(`${CONFIG_FILE}: expected an object`);
  for (const key of Object.keys(data)) {
    if (key.startsWith('$')) continue;
    if (!allowed.has(key)) throw new UserError(`${CONFIG_FILE}: unknown field "${key}" (known: ${[...allowed].join(', ')})`);
  }
  return data as RunOptions;
}
