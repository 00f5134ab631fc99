/**
 * Whether command output shows the expected lines, in order (other lines may come between):
 * lines are compared as whitespace-separated words, so column alignment does not matter, and an
 * expected word `*` stands for any one word (an AGE, a generated name, an IP). Returns the first
 * expected line not found, or undefined when all are there.
 */
export function missingPrintedLine(output: string, expected: string): string | undefined {
  const words = (line: string) => line.trim().split(/\s+/).filter(Boolean);
  const actual = output.split('\n').map(words).filter((w) => w.length > 0);
  let from = 0;
  for (const line of expected.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const want = words(line);
    const at = actual.findIndex((got, i) => i >= from && got.length === want.length && want.every((w, j) => w === '*' || w === got[j]));
    if (at < 0) return line;
    from = at + 1;
  }
  return undefined;
}
