import type { StepSpec } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'a cluster with {int} worker node(s)',
    example: 'Given a cluster with 3 worker nodes',
    area: 'cluster',
    doc: 'A control-plane node plus N Ready workers named worker-1..N (4 cpu, 16Gi, 110 pods each).',
    async run({ args: [count] }) {
      const n = count as number;
      await this.driver.addNodes([
        { name: 'control-plane', role: 'control-plane' },
        ...Array.from({ length: n }, (_, i) => ({ name: `worker-${i + 1}` })),
      ]);
    },
  },
];
