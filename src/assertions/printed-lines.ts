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

/** The output's lines, each without its trailing spaces (and the `\r` of a CRLF). */
const linesOf = (output: string) => output.split('\n').map((line) => line.trimEnd());

/** The printed lines for a failure message, indented, or `(nothing)`. */
function shown(output: string): string {
  const lines = linesOf(output);
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.length ? lines.map((l) => `  ${l}`).join('\n') : '  (nothing)';
}

/**
 * Whether the output has a line that is exactly `expected` (trailing spaces aside, on both sides):
 * undefined when it has, else a message saying what was expected and showing the lines printed,
 * pointing at a line that merely contains the text (a nodePort "30080" is not "3").
 */
export function missingWholeLine(output: string, expected: string): string | undefined {
  const want = expected.trimEnd();
  const lines = linesOf(output);
  if (lines.includes(want)) return undefined;
  const near = want ? lines.find((l) => l.includes(want)) : undefined;
  const hint = near === undefined ? '' : `\n(the line "${near}" contains it, but lines are compared whole: write the whole line, or use "prints a line matching" with a regular expression)`;
  return `expected a line "${want}"; the lines printed:\n${shown(output)}${hint}`;
}

/**
 * Whether a whole line of the output (trailing spaces aside) matches the regular expression
 * `pattern` (JavaScript syntax, anchored at both ends as if written `^(?:pattern)$`): undefined
 * when one does, else a message saying what was expected and showing the lines printed.
 * Throws a SyntaxError naming the pattern when it is not a regular expression.
 */
export function missingLineMatching(output: string, pattern: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`);
  } catch (e) {
    throw new SyntaxError(`/${pattern}/ is not a regular expression: ${(e as Error).message}`);
  }
  if (linesOf(output).some((l) => re.test(l))) return undefined;
  return `expected a line matching /${pattern}/ (the whole line); the lines printed:\n${shown(output)}`;
}
