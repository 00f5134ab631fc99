import type { StepSpec } from '../step-catalog.ts';

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

/** Word-level edit distance. */
function distance(a: string[], b: string[]): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      const cost = wordsAlike(a[i - 1]!, b[j - 1]!) ? 0 : 1;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + cost);
      prev = tmp;
    }
  }
  return row[b.length]!;
}

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
