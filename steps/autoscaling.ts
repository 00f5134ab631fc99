import { addOnDefinitions, parseBytes, parseMilliCpu, UserError, type StepSpec, type Manifest, withCapability } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

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

/** The usage steps: per resource, as a share of the request ({int}%) or as an amount ({string}). */
const usage = [
  { resource: 'CPU', share: 'cpuPercent', amount: 'cpuMillis', parse: parseMilliCpu, examples: ['80%', '"400m"'], hint: '"250m" or "1.5"' },
  { resource: 'memory', share: 'memoryPercent', amount: 'memoryBytes', parse: parseBytes, examples: ['90%', '"384Mi"'], hint: '"384Mi" or "1Gi"' },
] as const;

const usageSteps: StepSpec<KubespecWorld>[] = usage.flatMap((u) => [
  {
    pattern: `the pods of {kind} {string} use {int}% ${u.resource}`,
    example: `Given the pods of Deployment "api" use ${u.examples[0]} ${u.resource}`,
    area: 'autoscaling',
    doc: `Every pod the workload selects reports ${u.resource} usage at this share of its request (simulator's metrics-server; unsupported on live clusters).`,
    needs: ['usage-injection'],
    async run({ args: [kind, name, percent] }) {
      await withCapability(this.driver, 'usage-injection').setResourceUsage({ kind: kind as string, name: name as string }, { [u.share]: percent as number });
    },
  },
  {
    pattern: `the pods of {kind} {string} use {string} ${u.resource}`,
    example: `Given the pods of Deployment "api" use ${u.examples[1]} ${u.resource}`,
    area: 'autoscaling',
    doc: `Every container of the workload's pods uses this much ${u.resource}, whatever it requests${u.resource === 'CPU' ? ' (held at its limit, if it has one)' : ''}. Simulator only.`,
    precheck: ({ args: [, , amount] }) => void quantity(amount as string, u.parse, u.hint),
    needs: ['usage-injection'],
    async run({ args: [kind, name, amount] }) {
      await withCapability(this.driver, 'usage-injection').setResourceUsage({ kind: kind as string, name: name as string }, { [u.amount]: quantity(amount as string, u.parse, u.hint) });
    },
  },
]);

export const steps: StepSpec<KubespecWorld>[] = [
  ...usageSteps,
  {
    pattern: 'metrics-server is installed',
    example: 'Given metrics-server is installed',
    area: 'autoscaling',
    doc: "Serves the metrics.k8s.io API (kubectl top) from the simulator's metrics-server, which kind lacks until it is installed; setting usage installs it too. Simulator only.",
    needs: ['add-ons'],
    async run() {
      await withCapability(this.driver, 'add-ons').installAddOn('metrics-server');
    },
  },
  {
    pattern: 'the Vertical Pod Autoscaler is installed',
    example: 'Given the Vertical Pod Autoscaler is installed',
    area: 'autoscaling',
    doc: "The simulated VPA: its CRD, a recommender (measured usage × 1.15, at least 25m and 250Mi, each minute), an updater (Recreate/Auto: evicts pods off the recommendation by over 10 %, one a minute, with two or more live) and the admission controller (Initial/Recreate/Auto: new pods get the recommended requests). Simulator only.",
    precheck: () => ({ manifests: addOnDefinitions('vertical-pod-autoscaler') as Manifest[] }),
    needs: ['add-ons'],
    async run() {
      await withCapability(this.driver, 'add-ons').installAddOn('vertical-pod-autoscaler');
    },
  },
];
