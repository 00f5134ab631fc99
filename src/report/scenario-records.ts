import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Envelope, Pickle, TestCase } from '@cucumber/messages';

/** One scenario as a run saw it: what the fidelity comparison needs from the message stream. */
export interface ScenarioRecord {
  /** `features/x.feature:12`: stable between runs of the same files. */
  id: string;
  name: string;
  tags: string[];
  status: 'PASSED' | 'FAILED' | 'SKIPPED' | 'UNDEFINED' | 'PENDING' | 'AMBIGUOUS';
  durationMs: number;
  /** The report attachments by file name (timeline.txt, events.txt, final state.yaml, failure.txt) and `log`. */
  attachments: Record<string, string>;
}

const rank = ['PASSED', 'SKIPPED', 'PENDING', 'UNDEFINED', 'AMBIGUOUS', 'FAILED'];

/** Reads `messages.ndjson` (Cucumber's message formatter) into one record per scenario run. */
export function readScenarioRecords(file: string, projectRoot: string): ScenarioRecord[] {
  const envelopes = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as Envelope);
  return scenarioRecords(envelopes, projectRoot);
}

export function scenarioRecords(envelopes: Envelope[], projectRoot: string): ScenarioRecord[] {
  const pickles = new Map<string, Pickle>();
  const testCases = new Map<string, TestCase>();
  const lines = new Map<string, number>();
  const byStart = new Map<string, ScenarioRecord & { startedAt: number }>();
  const done: ScenarioRecord[] = [];
  for (const m of envelopes) {
    if (m.gherkinDocument) {
      for (const child of m.gherkinDocument.feature?.children ?? []) {
        const scenarios = child.rule ? child.rule.children.map((c) => c.scenario) : [child.scenario];
        for (const s of scenarios) {
          if (!s) continue;
          lines.set(s.id, s.location.line);
          for (const examples of s.examples) for (const row of examples.tableBody) lines.set(row.id, row.location.line);
        }
      }
    }
    if (m.pickle) pickles.set(m.pickle.id, m.pickle);
    if (m.testCase) testCases.set(m.testCase.id, m.testCase);
    if (m.testCaseStarted) {
      const pickle = pickles.get(testCases.get(m.testCaseStarted.testCaseId)!.pickleId)!;
      // An outline's row is its own scenario: the row's line, not the outline's.
      const line = lines.get(pickle.astNodeIds[pickle.astNodeIds.length - 1]!) ?? 0;
      byStart.set(m.testCaseStarted.id, {
        id: `${relative(projectRoot, pickle.uri.startsWith('/') ? pickle.uri : `${projectRoot}/${pickle.uri}`)}:${line}`,
        name: pickle.name,
        tags: pickle.tags.map((t) => t.name),
        status: 'PASSED',
        durationMs: 0,
        attachments: {},
        startedAt: millis(m.testCaseStarted.timestamp),
      });
    }
    if (m.testStepFinished) {
      const r = byStart.get(m.testStepFinished.testCaseStartedId);
      const status = m.testStepFinished.testStepResult.status as ScenarioRecord['status'];
      if (r && rank.indexOf(status) > rank.indexOf(r.status)) r.status = status;
    }
    if (m.attachment?.testCaseStartedId) {
      const r = byStart.get(m.attachment.testCaseStartedId);
      const body = m.attachment.contentEncoding === 'BASE64' ? Buffer.from(m.attachment.body, 'base64').toString('utf8') : m.attachment.body;
      // Steps' log lines (this.log: e.g. why a step was skipped) gather under "log".
      if (r && m.attachment.fileName) r.attachments[m.attachment.fileName] = body;
      else if (r && m.attachment.mediaType === 'text/x.cucumber.log+plain') r.attachments.log = r.attachments.log ? `${r.attachments.log}\n${body}` : body;
    }
    if (m.testCaseFinished) {
      const r = byStart.get(m.testCaseFinished.testCaseStartedId);
      if (r && !m.testCaseFinished.willBeRetried) {
        const { startedAt, ...record } = r;
        done.push({ ...record, durationMs: millis(m.testCaseFinished.timestamp) - startedAt });
      }
    }
  }
  return done;
}

function millis(t: { seconds: number; nanos: number }): number {
  return t.seconds * 1000 + Math.round(t.nanos / 1e6);
}
