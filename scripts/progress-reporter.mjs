// A node:test reporter for npm test (scripts/test-all.mjs): one line per top-level test as it
// finishes, with its file, so a run of several minutes shows progress. The spec reporter, whose
// output test-all prints at the end, keeps the details and the counts.
import { relative } from 'node:path';

export default async function* progress(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.nesting !== 0) continue;
    const mark = event.type === 'test:pass' ? (data.skip ? '-' : '✔') : '✖';
    const file = data.file ? relative(process.cwd(), data.file) : '';
    yield `${mark} ${file}${file ? ' › ' : ''}${data.name} (${Math.round(data.details?.duration_ms ?? 0)} ms)\n`;
  }
}
