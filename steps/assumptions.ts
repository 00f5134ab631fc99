import { assumptionKey, describeAssumption, KubespecAssertionError, withCapability, type Assumption, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/** The driver's assumptions about one pod; a driver that observes a real cluster has none to show. */
function assumptionsAbout(world: KubespecWorld, pod: string): Assumption[] {
  return withCapability(world.driver, 'assumptions').assumptions().filter((a) => a.object === `Pod ${world.driver.namespace()}/${pod}`);
}

const listed = (all: Assumption[]) => (all.length ? all.map((a) => `  - ${describeAssumption(a)}`).join('\n') : '  (none)');

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'the simulator assumed {string} of pod {string}',
    example: 'Then the simulator assumed "spec.containers[app].image" of pod "app"',
    area: 'pods',
    doc: "The simulator wrote down an assumption about this field of the pod: it could not know what the image, command or probe target does and took the usual answer (README \"Assumptions\"). A scenario that checks an assumption is about it, so --strict does not fail it for that one. Simulator only.",
    needs: ['assumptions'],
    async run({ args: [field, pod] }) {
      const all = assumptionsAbout(this, pod as string);
      const checked = all.filter((a) => a.field === field);
      if (!checked.length) throw new KubespecAssertionError(`the simulator made no assumption about ${field} of pod "${pod}"; it assumed:\n${listed(all)}`);
      // The scenario is about this assumption: --strict does not hold it against it.
      for (const a of checked) this.acknowledgedAssumptions.add(assumptionKey(a));
    },
  },
  {
    pattern: 'the simulator assumed nothing about pod {string}',
    example: 'Then the simulator assumed nothing about pod "web"',
    area: 'pods',
    doc: 'Everything the simulator decided about the pod came from facts it has (the image data in scenarios/behaviors, the command, a behavior annotation). Simulator only.',
    needs: ['assumptions'],
    async run({ args: [pod] }) {
      const all = assumptionsAbout(this, pod as string);
      if (all.length) throw new KubespecAssertionError(`the simulator assumed, about pod "${pod}":\n${listed(all)}`);
    },
  },
];
