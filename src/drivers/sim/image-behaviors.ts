import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ImageBehavior } from '../../sim/index.ts';

/** Reads scenarios/behaviors/images.yaml (or another file of the same shape). */
export function loadImageBehaviors(path: string): ImageBehavior[] {
  const data = parse(readFileSync(path, 'utf8')) ?? [];
  if (!Array.isArray(data)) throw new Error(`${path}: expected a list of image behaviors`);
  return data as ImageBehavior[];
}
