// npm run coverage: regenerates docs/coverage.md from the seed concepts (../shared/seed-concepts)
// and the last full run on the simulator (reports/messages.ndjson; run `npm run features` first).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageMatrix, readSeedItems } from '../src/coverage/seed-coverage.ts';
import { readScenarioRecords } from '../src/report/scenario-records.ts';

const root = process.cwd();
const seeds = join(root, '..', 'shared', 'seed-concepts');
const messages = join(root, 'reports', 'messages.ndjson');
if (!existsSync(seeds)) throw new Error(`no seed concepts at ${seeds}`);
if (!existsSync(messages)) throw new Error('no run to read verdicts from: run `npm run features` first');
const scenarios = readScenarioRecords(messages, root).map((r) => ({
  id: r.id, name: r.name, status: r.status, seedIds: r.tags.filter((t) => /^@C\d{3}-\d{3}$/.test(t)).map((t) => t.slice(1)),
}));
const { markdown, summary } = coverageMatrix(readSeedItems(seeds), scenarios);
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'coverage.md'), markdown);
console.log(`docs/coverage.md: ${summary.covered} of ${summary.counted} in-scope seed items covered (${summary.percent}%)`);
