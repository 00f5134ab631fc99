import { parseBytes, parseMilliCpu, UserError, type StepSpec } from '../src/index.ts';

/** A quantity as the parser reads it, or a UserError saying what to write instead. */
function quantity(text: string, parse: (t: string) => number, example: string): number {
  let value: number;
  try {
    value = parse(text);
  } catch {
    value = NaN;
  }
  if (!Number.isFinite(value)) throw new UserError(`"${text}" is not a quantity (try ${example})`);
  return value;
}
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'the pods of {kind} {string} use {int}% CPU',
    example: 'Given the pods of Deployment "api" use 80% CPU',
    area: 'autoscaling',
    doc: "Every pod the workload selects reports CPU usage at this share of its request (simulator's metrics-server; unsupported on live clusters).",
    async run({ args: [kind, name, percent] }) {
      await this.driver.setResourceUsage({ kind: kind as string, name: name as string }, { cpuPercent: percent as number });
    },
  },
  {
    pattern: 'the pods of {kind} {string} use {int}% memory',
    example: 'Given the pods of Deployment "api" use 90% memory',
    area: 'autoscaling',
    doc: 'As the CPU step, for memory.',
    async run({ args: [kind, name, percent] }) {
      await this.driver.setResourceUsage({ kind: kind as string, name: name as string }, { memoryPercent: percent as number });
    },
  },
  {
    pattern: 'the pods of {kind} {string} use {string} CPU',
    example: 'Given the pods of Deployment "api" use "400m" CPU',
    area: 'autoscaling',
    doc: "Every container of the workload's pods uses this much CPU, whatever it requests (held at its limit, if it has one). Simulator only.",
    async run({ args: [kind, name, amount] }) {
      await this.driver.setResourceUsage({ kind: kind as string, name: name as string }, { cpuMillis: quantity(amount as string, parseMilliCpu, '"250m" or "1.5"') });
    },
  },
  {
    pattern: 'the pods of {kind} {string} use {string} memory',
    example: 'Given the pods of Deployment "api" use "384Mi" memory',
    area: 'autoscaling',
    doc: 'As the CPU step, for memory.',
    async run({ args: [kind, name, amount] }) {
      await this.driver.setResourceUsage({ kind: kind as string, name: name as string }, { memoryBytes: quantity(amount as string, parseBytes, '"384Mi" or "1Gi"') });
    },
  },
  {
    pattern: 'metrics-server is installed',
    example: 'Given metrics-server is installed',
    area: 'autoscaling',
    doc: "Serves the metrics.k8s.io API (kubectl top) from the simulator's metrics-server, which kind lacks until it is installed; setting usage installs it too. Simulator only.",
    async run() {
      await this.driver.installAddOn('metrics-server');
    },
  },
  {
    pattern: 'the Vertical Pod Autoscaler is installed',
    example: 'Given the Vertical Pod Autoscaler is installed',
    area: 'autoscaling',
    doc: "The simulated VPA: its CRD, a recommender (measured usage × 1.15, at least 25m and 250Mi, each minute), an updater (Recreate/Auto: evicts pods off the recommendation by over 10 %, one a minute, with two or more live) and the admission controller (Initial/Recreate/Auto: new pods get the recommended requests). Simulator only.",
    async run() {
      await this.driver.installAddOn('vertical-pod-autoscaler');
    },
  },
];
