import { stringify } from 'yaml';
import { mergeKeys } from '../kube/merge-keys.ts';

/** One field where the actual object differs from the expectation. */
export interface Mismatch {
  path: string;
  expected: unknown;
  /** `missing` when the field is absent. */
  actual: unknown;
  missing?: boolean;
}

/**
 * Compares an expected partial object with an actual one. Every field the expectation names
 * must be present and equal; fields it does not name are ignored (so server-filled fields
 * never show up). Lists are matched item by item by their merge key where Kubernetes has one
 * (containers by name, conditions by type, ...), otherwise in order. Returns every mismatch.
 */
export function partialMatch(expected: unknown, actual: unknown, path = ''): Mismatch[] {
  if (isPlainObject(expected)) {
    if (!isPlainObject(actual)) return [{ path: path || '.', expected, actual, missing: actual === undefined }];
    return Object.entries(expected).flatMap(([k, v]) => {
      const present = Object.prototype.hasOwnProperty.call(actual, k);
      const sub = joinPath(path, k);
      if (!present) return v === null ? [] : [{ path: sub, expected: v, actual: undefined, missing: true }];
      return partialMatch(v, actual[k], sub);
    });
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [{ path, expected, actual, missing: actual === undefined }];
    const key = mergeKeyFor(path, expected);
    return expected.flatMap((item, i) => {
      if (key) {
        const id = (item as any)[key];
        // Several items may share the key (a node's taints differ by effect): take one that matches.
        const candidates = actual.filter((a) => isPlainObject(a) && a[key] === id);
        const match = candidates.find((c) => partialMatch(item, c).length === 0) ?? candidates[0];
        const sub = `${path}[${key}=${id}]`;
        return match === undefined ? [{ path: sub, expected: item, actual: undefined, missing: true }] : partialMatch(item, match, sub);
      }
      const sub = `${path}[${i}]`;
      return i < actual.length ? partialMatch(item, actual[i], sub) : [{ path: sub, expected: item, actual: undefined, missing: true }];
    });
  }
  return scalarEqual(expected, actual) ? [] : [{ path, expected, actual, missing: actual === undefined }];
}

/** Renders mismatches as one line each: `path: expected X, got Y`. */
export function describeMismatches(subject: string, mismatches: Mismatch[]): string {
  const n = mismatches.length;
  const lines = mismatches.map((m) => `  ${m.path}: expected ${show(m.expected)}, got ${m.missing ? '<missing>' : show(m.actual)}`);
  return `${subject} does not match (${n} field${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''}):\n${lines.join('\n')}`;
}

function mergeKeyFor(path: string, items: unknown[]): string | undefined {
  const field = path.slice(path.lastIndexOf('.') + 1).replace(/\[.*$/, '');
  const key = mergeKeys[field];
  return key && items.every((i) => isPlainObject(i) && (i as any)[key] !== undefined) ? key : undefined;
}

function joinPath(path: string, key: string): string {
  const safe = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `["${key}"]`;
  if (!path) return safe.startsWith('[') ? safe : safe;
  return safe.startsWith('[') ? `${path}${safe}` : `${path}.${safe}`;
}

/** YAML writes numbers and strings apart; a quantity or port written as a string still matches. */
function scalarEqual(expected: unknown, actual: unknown): boolean {
  if (expected === actual) return true;
  if ((typeof expected === 'number' && typeof actual === 'string') || (typeof expected === 'string' && typeof actual === 'number')) {
    return String(expected) === String(actual);
  }
  return false;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (v === undefined) return '<missing>';
  if (typeof v === 'object' && v !== null) return stringify(v, { lineWidth: 0 }).trim().split('\n').join(' ').replace(/\s+/g, ' ').slice(0, 200);
  return JSON.stringify(v);
}
