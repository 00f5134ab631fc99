import { UserError, withCapability, type StepSpec } from '../src/step-kit.ts';
import type { ApiFault } from '../src/drivers/driver.ts';
import type { KubespecWorld } from '../support/world.ts';

/** Hands a fault to the driver (the steps need api-faults: other drivers never get here). */
async function inject(world: KubespecWorld, fault: ApiFault): Promise<void> {
  await withCapability(world.driver, 'api-faults').injectApiFault(fault);
}

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: "the API server answers {int}% of the control plane's writes with {int} for {duration}",
    example: "When the API server answers 50% of the control plane's writes with 429 for 2 minutes",
    area: 'faults',
    doc: "For that long, the share of the controllers', scheduler's and kubelets' creates, updates and deletes is refused with the status (429 Too many requests, 500 etcdserver: request timed out, 503): they retry with backoff and must converge. The scenario's own requests and Events are not refused. Which writes fail follows the seed. Simulator only.",
    needs: ['api-faults'],
    async run({ args: [percent, status, ms] }) {
      if ((percent as number) < 1 || (percent as number) > 100) throw new UserError(`the share of refused writes must be 1..100%, not ${percent}%`);
      if (![429, 500, 503].includes(status as number)) throw new UserError(`the API server can be made to answer 429, 500 or 503, not ${status}`);
      await inject(this, { type: 'refused-writes', status: status as number, percent: percent as number, durationMs: ms as number });
    },
  },
  {
    pattern: "the control plane's watches are disconnected for {duration}",
    example: "When the control plane's watches are disconnected for 1 minute",
    area: 'faults',
    doc: 'Every controller, the scheduler and the kubelets stop receiving watch events for that long; then each relists, as client-go reflectors do after a broken watch, seeing every object as updated and the ones deleted meanwhile as deleted. Simulator only.',
    needs: ['api-faults'],
    async run({ args: [ms] }) {
      await inject(this, { type: 'watch-disconnect', durationMs: ms as number });
    },
  },
];
