import { UserError } from '../errors.ts';

/** How a step compares a count: `at least 2`, `at most 1`, `more than 0`, `fewer than 3`, or exactly. */
export type BoundWord = 'at least' | 'at most' | 'more than' | 'fewer than' | 'exactly';

/** A comparison with a number, checked once for sense ({@link countBound}). */
export interface CountBound {
  word: BoundWord;
  n: number;
  /** `at least 2` (`2` for exactly). */
  text: string;
  holds(actual: number): boolean;
}

/** The words the `{bound}` step parameter takes. */
export const boundWords: readonly BoundWord[] = ['at least', 'at most', 'more than', 'fewer than'];

/**
 * A comparison of a count with `n`, refused when it cannot mean what the author wants: a negative
 * count, a bound every count meets (`at least 0`: a check that cannot fail) or none can
 * (`fewer than 0`). `subject` names what is counted in the message (`ready replicas`).
 */
export function countBound(word: BoundWord, n: number, subject: string): CountBound {
  const text = word === 'exactly' ? `${n}` : `${word} ${n}`;
  if (!Number.isInteger(n) || n < 0) throw new UserError(`"${text} ${subject}": a count cannot be negative`);
  if (word === 'at least' && n === 0) throw new UserError(`"${text} ${subject}" always holds, so the step could never fail: write "more than 0" or the number you expect`);
  if (word === 'fewer than' && n === 0) throw new UserError(`"${text} ${subject}" can never hold: no count is below 0`);
  const holds = {
    'at least': (a: number) => a >= n,
    'at most': (a: number) => a <= n,
    'more than': (a: number) => a > n,
    'fewer than': (a: number) => a < n,
    exactly: (a: number) => a === n,
  }[word];
  return { word, n, text, holds };
}
