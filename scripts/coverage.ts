// npm run coverage: regenerates docs/coverage.md from the seed concepts (../shared/seed-concepts)
// and the last full run on the simulator (reports/messages.ndjson; run `npm run features` first).
// `npm run coverage -- --messages <file>` reads another run's messages.ndjson (e.g. one written
// with `kubespec run --reports <dir>`).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { coverageMatrix, readSeedItems } from '../src/coverage/seed-coverage.ts';
import { MODEL_JUDGED_ATTACHMENT } from '../src/report/model-judged.ts';
import { readScenarioRecords } from '../src/report/scenario-records.ts';

const root = process.cwd();
const seeds = join(root, '..', 'shared', 'seed-concepts');
const at = process.argv.indexOf('--messages');
const messages = at >= 0 && process.argv[at + 1] ? resolve(root, process.argv[at + 1]!) : join(root, 'reports', 'messages.ndjson');
if (!existsSync(seeds)) throw new Error(`no seed concepts at ${seeds}`);
if (!existsSync(messages)) throw new Error(`no run to read verdicts from at ${messages}: run \`npm run features\` first`);
const scenarios = readScenarioRecords(messages, root).map((r) => ({
  id: r.id, name: r.name, status: r.status, seedIds: r.tags.filter((t) => /^@C\d{3}-\d{3}$/.test(t)).map((t) => t.slice(1)),
  tags: r.tags, modelJudged: MODEL_JUDGED_ATTACHMENT in r.attachments,
}));
const { markdown, summary } = coverageMatrix(readSeedItems(seeds), scenarios);
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'coverage.md'), markdown);
console.log(`docs/coverage.md: ${summary.covered} of ${summary.counted} in-scope seed items covered (${summary.percent}%)`);
const { byProof } = summary;
console.log(`  proven on a control plane: ${byProof['control-plane']} of ${summary.counted}; on the simulator only: ${byProof.simulator}; by a model: ${byProof.model}`);
