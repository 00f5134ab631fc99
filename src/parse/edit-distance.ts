/**
 * Levenshtein distance between two sequences (letters of a word, words of a step), with the
 * caller saying when two elements count as the same: one row of the table at a time.
 */
export function editDistance<T>(a: ArrayLike<T>, b: ArrayLike<T>, same: (x: T, y: T) => boolean = (x, y) => x === y): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (same(a[i - 1]!, b[j - 1]!) ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
