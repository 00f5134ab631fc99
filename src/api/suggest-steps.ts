import type { StepSpec } from '../step-catalog.ts';
import { editDistance } from '../parse/edit-distance.ts';

/** Words of a step with its values blanked, so "web" and "api" compare equal. */
function shape(text: string): string[] {
  return text
    .replace(/^(Given|When|Then|And|But)\s+/, '')
    .replace(/"[^"]*"/g, '"_"')
    .replace(/\b\d+(\.\d+)?\b/g, '0')
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
}

/** Word-level edit distance, a typo within a word not counting. */
const distance = (a: string[], b: string[]) => editDistance(a, b, wordsAlike);

/** Words one typo apart count as the same word ("redy" ~ "ready"). */
function wordsAlike(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 4) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

/** The examples of the closest steps in the vocabulary, best first (at most `limit`). */
export function suggestSteps(text: string, steps: readonly StepSpec[], limit = 3): string[] {
  const wanted = shape(text);
  return steps
    .map((s) => ({ example: s.example.split('\n')[0]!, d: distance(wanted, shape(s.example.split('\n')[0]!)) }))
    .filter((s) => s.d <= Math.max(2, Math.ceil(wanted.length / 2)))
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((s) => s.example);
}
