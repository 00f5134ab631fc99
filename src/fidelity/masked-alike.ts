import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateMessages } from '@cucumber/gherkin';
import type { SourceMediaType } from '@cucumber/messages';
import { secretObjectsOfDocStrings } from '../report/mask-reports.ts';
import { maskSecrets, secretValues } from '../report/secret-values.ts';
import type { ScenarioRecord } from '../report/scenario-records.ts';

/**
 * The runs' records with their attachments masked by the same Secret values. Each run masked its
 * report with the Secrets of the scenarios it ran, so a Secret holding `host` in a scenario only
 * the simulator ran turned `database_host` into `database_<redacted>` on that side alone, a
 * difference of the masking, not of Kubernetes. The values come from the feature files on disk
 * (the reports' own doc strings are masked by now), over every file either run came from.
 */
export function maskedAlike(runs: ScenarioRecord[][], cwd: string): ScenarioRecord[][] {
  const files = new Set(runs.flat().map((r) => r.id.replace(/:\d+$/, '')));
  const values = secretValues(secretObjectsOfDocStrings([...files].flatMap((file) => docStringsOf(resolve(cwd, file)))));
  if (values.length === 0) return runs;
  return runs.map((records) => records.map((r) => ({
    ...r,
    attachments: Object.fromEntries(Object.entries(r.attachments).map(([name, text]) => [name, maskSecrets(text, values)])),
  })));
}

function docStringsOf(file: string): string[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  let id = 0;
  const envelopes = generateMessages(source, file, 'text/x.cucumber.gherkin+plain' as SourceMediaType, { includeSource: false, includeGherkinDocument: false, includePickles: true, newId: () => String(id++) });
  return envelopes.flatMap((e) => e.pickle?.steps ?? []).flatMap((s) => (s.argument?.docString?.content ? [s.argument.docString.content] : []));
}
