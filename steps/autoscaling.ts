import type { StepSpec } from '../src/index.ts';
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
    pattern: 'metrics-server is installed',
    example: 'Given metrics-server is installed',
    area: 'autoscaling',
    doc: "Serves the metrics.k8s.io API (kubectl top) from the simulator's metrics-server, which kind lacks until it is installed; setting usage installs it too. Simulator only.",
    async run() {
      await this.driver.installAddOn('metrics-server');
    },
  },
];
