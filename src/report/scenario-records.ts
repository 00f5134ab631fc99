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
  /**
   * The time its steps took, without the hooks (setup, reports, a fidelity run's settling):
   * what the speed comparison measures.
   */
  stepsMs: number;
  /** The report attachments by file name (timeline.txt, events.txt, final state.yaml, failure.txt) and `log`. */
  attachments: Record<string, string>;
  /**
   * Where a failed scenario failed: the step's line in its feature file (or `hook` for a
   * Before/After hook) and the error's class (`WaitTimeoutAssertionError`, `InvalidError`, …).
   */
  failure?: { step: string; error: string };
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
  const stepLines = new Map<string, number>();
  /** testCaseStarted id → testCase id. */
  const caseOf = new Map<string, string>();
  const done: ScenarioRecord[] = [];
  for (const m of envelopes) {
    if (m.gherkinDocument) {
      for (const child of m.gherkinDocument.feature?.children ?? []) {
        const backgrounds = [child.background, ...(child.rule?.children.map((c) => c.background) ?? [])];
        for (const b of backgrounds) for (const step of b?.steps ?? []) stepLines.set(step.id, step.location.line);
        const scenarios = child.rule ? child.rule.children.map((c) => c.scenario) : [child.scenario];
        for (const s of scenarios) {
          if (!s) continue;
          lines.set(s.id, s.location.line);
          for (const step of s.steps) stepLines.set(step.id, step.location.line);
          for (const examples of s.examples) for (const row of examples.tableBody) lines.set(row.id, row.location.line);
        }
      }
    }
    if (m.pickle) pickles.set(m.pickle.id, m.pickle);
    if (m.testCase) testCases.set(m.testCase.id, m.testCase);
    if (m.testCaseStarted) {
      caseOf.set(m.testCaseStarted.id, m.testCaseStarted.testCaseId);
      const pickle = pickles.get(testCases.get(m.testCaseStarted.testCaseId)!.pickleId)!;
      // An outline's row is its own scenario: the row's line, not the outline's.
      const line = lines.get(pickle.astNodeIds[pickle.astNodeIds.length - 1]!) ?? 0;
      byStart.set(m.testCaseStarted.id, {
        id: `${relative(projectRoot, pickle.uri.startsWith('/') ? pickle.uri : `${projectRoot}/${pickle.uri}`)}:${line}`,
        name: pickle.name,
        tags: pickle.tags.map((t) => t.name),
        status: 'PASSED',
        durationMs: 0,
        stepsMs: 0,
        attachments: {},
        startedAt: millis(m.testCaseStarted.timestamp),
      });
    }
    if (m.testStepFinished) {
      const r = byStart.get(m.testStepFinished.testCaseStartedId);
      const result = m.testStepFinished.testStepResult;
      const status = result.status as ScenarioRecord['status'];
      if (r && rank.indexOf(status) > rank.indexOf(r.status)) r.status = status;
      const testCase = r && testCases.get(caseOf.get(m.testStepFinished.testCaseStartedId)!);
      if (r && testCase?.testSteps.find((s) => s.id === m.testStepFinished!.testStepId)?.pickleStepId) r.stepsMs += millis(result.duration);
      if (r && status === 'FAILED' && !r.failure) {
        const testCase = testCases.get(caseOf.get(m.testStepFinished.testCaseStartedId)!);
        const step = testCase?.testSteps.find((s) => s.id === m.testStepFinished!.testStepId);
        const pickle = testCase && pickles.get(testCase.pickleId);
        const pickleStep = step?.pickleStepId ? pickle?.steps.find((s) => s.id === step.pickleStepId) : undefined;
        r.failure = { step: pickleStep ? `line ${stepLines.get(pickleStep.astNodeIds[0]!) ?? '?'}` : 'hook', error: errorClass(result) };
      }
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

/** The error's class name: Cucumber's exception type, else the `Name: ` a message starts with. */
function errorClass(result: { exception?: { type: string }; message?: string }): string {
  const type = result.exception?.type;
  if (type && type !== 'Error') return type;
  return /^(\w*Error)\b/.exec(result.message ?? '')?.[1] ?? type ?? 'Error';
}

function millis(t: { seconds: number; nanos: number }): number {
  return t.seconds * 1000 + Math.round(t.nanos / 1e6);
}
