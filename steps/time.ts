import type { StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: '{duration} pass(es)',
    example: 'When 30 seconds pass',
    area: 'time',
    doc: 'Lets time pass: virtual on the simulator (instant), a real wait on a live cluster.',
    async run({ args: [ms] }) {
      await this.driver.elapse(ms as number);
    },
  },
];
