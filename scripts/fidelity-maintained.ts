// Fidelity on every maintained Kubernetes minor, for the nightly run (issue 26): for each minor in
// turn, its reference cluster is brought up (built the first time) unless it runs already, the
// @portable scenarios run on it and on the simulator playing the same minor, and the cluster goes
// down again if this run started it. Writes reports/fidelity/<minor>/ (fidelity.txt, fidelity.json
// and each side's run) and reports/fidelity/per-minor.txt, and prints one line per minor last.
//
//   npm run fidelity:maintained -- [--kubernetes-version 1.35,1.37] [--tags EXPR] [--parallel N]
//                                  [--real-nodes 0..3] [paths...]
//
// Exit 0 when every minor has figures and none disagrees, 1 otherwise, 2 for a bad argument.
import { parseArgs } from 'node:util';
import { fidelityRun } from '../src/fidelity/fidelity-run.ts';
import { allAgree, chooseMinors, fidelityPerMinor, summaryLines } from '../src/fidelity/fidelity-per-minor.ts';
import { UserError } from '../src/errors.ts';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { 'kubernetes-version': { type: 'string' }, tags: { type: 'string' }, parallel: { type: 'string' }, 'real-nodes': { type: 'string' } },
  });
  const minors = chooseMinors(values['kubernetes-version']?.split(',').map((v) => v.trim()).filter(Boolean));
  const parallel = values.parallel === undefined ? undefined : Number(values.parallel);
  if (parallel !== undefined && !(Number.isInteger(parallel) && parallel > 0)) throw new UserError(`--parallel ${values.parallel}: expected a whole number of workers, 1 or more`);
  const realNodes = values['real-nodes'] === undefined ? undefined : Number(values['real-nodes']);
  if (realNodes !== undefined && !(Number.isInteger(realNodes) && realNodes >= 0)) throw new UserError(`--real-nodes ${values['real-nodes']}: expected a whole number, 0 up to the kind topology's 3 workers (as kubespec fidelity takes)`);
  const cwd = process.cwd();
  const log = (line: string) => console.log(line);
  const outcomes = await fidelityPerMinor({
    cwd,
    minors,
    log,
    runOne: (minor) => fidelityRun({ cwd, kubernetesVersion: minor, log, ...(positionals.length ? { paths: positionals } : {}), ...(values.tags ? { tags: values.tags } : {}), ...(parallel ? { parallel } : {}), ...(realNodes !== undefined ? { realNodes } : {}) }),
  });
  for (const line of summaryLines(outcomes)) console.log(line);
  return allAgree(outcomes) ? 0 : 1;
}

try {
  process.exitCode = await main();
} catch (error) {
  // A bad argument is the caller's to fix: its message alone, as the CLI does.
  if (!(error instanceof UserError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))) throw error;
  console.error(`fidelity:maintained: ${(error as Error).message}`);
  process.exitCode = 2;
}
