/**
 * kubespec's programmatic API: what the CLI calls, what steps and support code use, and what a
 * team's own steps may import (`import { defineSteps } from 'kubespec'`).
 */
export { run, checkFeatures, type RunOptions, type RunResult, type ScenarioCounts } from './api/run.ts';
export { CheckFailedError, problemText, type CheckProblem, type StaticCheckResult } from './api/check.ts';
export { report, type ReportOptions } from './api/report.ts';
export { listSteps, renderSteps, type StepInfo } from './api/list-steps.ts';
export { init } from './api/init.ts';
export { serve, callServed, kubeconfigArgument, type ServeCommandOptions } from './api/serve.ts';
export { fidelityRun, type FidelityOptions } from './fidelity/fidelity-run.ts';
export { fidelityTable, headline as fidelityHeadline } from './fidelity/fidelity-table.ts';
export { compareRuns, sameVerdict, type FidelityReport, type FidelityRow, type NotJudgedReason } from './fidelity/compare-runs.ts';
export { clean } from './api/clean.ts';
export { drills, drill, pickExam, startDrills, checkDrills, resetDrillsCommand, renderTask, renderGrades, type DrillSession, type DrillGrade } from './api/drill.ts';
export { type Drill, drillDomains } from './drills/drill.ts';
export { mergeResults, type MergeSummary } from './api/merge-results.ts';
export { nightly, nightlyShard, nightlyCollect, type NightlyOptions, type ShardOptions } from './api/nightly.ts';
export { assignShards, parseShard, type Shard } from './api/shard.ts';
export { kindCluster } from './api/kind-cluster.ts';
export { referenceCluster, type ReferenceAction } from './api/reference-cluster.ts';
export { renderEditorGlue } from './api/editor-glue.ts';
export { loadProjectConfig, CONFIG_FILE } from './api/config.ts';
export type { RunEnvironment } from './api/run-environment.ts';

export * from './step-kit.ts';
