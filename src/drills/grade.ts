import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, loadSupport, runCucumber, type IRunEnvironment } from '@cucumber/cucumber/api';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import type { Envelope, Pickle, TestStepResult } from '@cucumber/messages';
import { cucumberConfig } from '../../support/cucumber-config.mjs';
import { loadLiveContext } from '../drivers/live/live-context.ts';
import { handToSupportCode } from '../environment.ts';
import type { Drill } from './drill.ts';

/** Where the graded cluster is: a kubeconfig file (a served drill) and/or a context. */
export interface GradeTarget {
  kubeconfig?: string;
  context?: string;
}

/** One requirement of a drill (a scenario of its check.feature) and how the learner did. */
export interface RequirementVerdict {
  name: string;
  passed: boolean;
  /** What was expected: the text of the check that failed. */
  expected?: string;
  /** What was found: the check's own message. */
  message?: string;
}

/** Support code is imported once per process; ES modules would not register steps twice. */
let support: ISupportCodeLibrary | undefined;

/**
 * Runs a drill's check.feature against the cluster the learner worked on, looking at the drill's
 * namespace as it is (no scenario namespace is made, nothing is cleaned up). Each scenario is one
 * requirement. Reports (Allure results, JUnit) go under `reports`.
 */
export async function gradeDrill(drill: Drill, target: GradeTarget, run: { cwd: string; env: Record<string, string | undefined> }, reports: string): Promise<RequirementVerdict[]> {
  // A wrong or disallowed context is refused here, with the run's own message.
  await loadLiveContext(target.context, run.env, target.kubeconfig);
  // Read by the support code as it loads (step timeouts, a team's driver), as `kubespec run` sets them.
  handToSupportCode({ profile: 'live' });
  rmSync(reports, { recursive: true, force: true });
  mkdirSync(join(reports, 'allure-results'), { recursive: true });
  const provided = cucumberConfig({
    profile: 'live',
    projectRoot: run.cwd,
    paths: [drill.checkFeature],
    format: 'summary',
    context: target.context,
    kubeconfig: target.kubeconfig,
    attachNamespace: drill.namespace,
    reports,
  });
  // The console formatter is not shown: the verdicts are printed by the caller.
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const environment: IRunEnvironment = { cwd: run.cwd, stdout: silent, stderr: process.stderr, env: run.env };
  const { runConfiguration } = await loadConfiguration({ file: false, provided: provided as any }, environment);
  support ??= await loadSupport(runConfiguration, environment);
  const verdicts = new VerdictCollector();
  await runCucumber({ ...runConfiguration, support }, environment, (m) => verdicts.add(m));
  return verdicts.list();
}

/** Reads each scenario's outcome from the message stream, in the order of the feature. */
class VerdictCollector {
  private readonly pickles = new Map<string, Pickle>();
  private readonly testCasePickle = new Map<string, string>();
  private readonly stepOfTestStep = new Map<string, string>();
  private readonly startedCase = new Map<string, string>();
  private readonly failures = new Map<string, { result: TestStepResult; stepText?: string }>();
  private readonly order: string[] = [];

  add(m: Envelope): void {
    if (m.pickle) this.pickles.set(m.pickle.id, m.pickle);
    if (m.testCase) {
      this.testCasePickle.set(m.testCase.id, m.testCase.pickleId);
      for (const step of m.testCase.testSteps) if (step.pickleStepId) this.stepOfTestStep.set(step.id, step.pickleStepId);
    }
    if (m.testCaseStarted) {
      const pickleId = this.testCasePickle.get(m.testCaseStarted.testCaseId)!;
      this.startedCase.set(m.testCaseStarted.id, pickleId);
      this.order.push(pickleId);
    }
    if (m.testStepFinished) {
      const pickleId = this.startedCase.get(m.testStepFinished.testCaseStartedId)!;
      const result = m.testStepFinished.testStepResult;
      if (result.status !== 'PASSED' && !this.failures.has(pickleId)) {
        const pickleStepId = this.stepOfTestStep.get(m.testStepFinished.testStepId);
        const stepText = this.pickles.get(pickleId)?.steps.find((s) => s.id === pickleStepId)?.text;
        this.failures.set(pickleId, { result, stepText });
      }
    }
  }

  list(): RequirementVerdict[] {
    return this.order.map((id) => {
      const failure = this.failures.get(id);
      const name = this.pickles.get(id)?.name ?? id;
      if (!failure) return { name, passed: true };
      return { name, passed: false, expected: failure.stepText, message: failureText(failure.result) };
    });
  }
}

function failureText(result: TestStepResult): string {
  if (result.status === 'UNDEFINED') return 'a step of the check is not defined (a broken drill, not your answer)';
  if (result.status === 'SKIPPED' && !result.message) return 'skipped: an earlier step of this requirement did not pass';
  // The first lines of the error: its message, not the stack.
  const text = result.exception?.message ?? result.message ?? result.status;
  return text.split('\n').filter((line) => !/^\s+at /.test(line)).join('\n').trim();
}
