import { check, fail, KubespecAssertionError, overcommittedNodes, pass, spreadCounts, expectRefusal, withCapability, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'the scheduler runs with the following configuration:',
    example: 'Given the scheduler runs with the following configuration:\n  """yaml\n  apiVersion: kubescheduler.config.k8s.io/v1\n  kind: KubeSchedulerConfiguration\n  profiles:\n    - schedulerName: default-scheduler\n      plugins:\n        score:\n          disabled: [{name: NodeResourcesBalancedAllocation}]\n  """',
    area: 'scheduling',
    doc: "kube-scheduler restarted with this KubeSchedulerConfiguration: its profiles (plugins enabled and disabled, score weights, pluginConfig such as PodTopologySpread's defaultConstraints) schedule the pods whose schedulerName they carry; pending pods are tried again. Simulator only.",
    needs: ['scheduler-configuration'],
    async run({ docString }) {
      await withCapability(this.driver, 'scheduler-configuration').configureScheduler(this.yamlFrom(docString));
    },
  },
  {
    pattern: 'the scheduler cannot run with the following configuration because {string}:',
    example: 'Then the scheduler cannot run with the following configuration because "does not exist":\n  """yaml\n  ...\n  """',
    area: 'scheduling',
    doc: 'The KubeSchedulerConfiguration is refused, with a reason containing the text; the scheduler keeps its configuration. Simulator only.',
    needs: ['scheduler-configuration'],
    async run({ args: [reason], docString }) {
      const configuration = this.yamlFrom(docString);
      await expectRefusal('the configuration', reason as string, () => withCapability(this.driver, 'scheduler-configuration').configureScheduler(configuration));
    },
  },
  {
    pattern: 'every pod is scheduled',
    example: 'Then every pod is scheduled',
    area: 'scheduling',
    doc: 'No pod of the scenario (terminating ones aside) is without a node; lists the first ones that are, with why.',
    eventual: 'optional',
    async run({ within }) {
      await check(this.driver, 'every pod to be scheduled', within, async () => {
        const waiting = (await this.driver.list('Pod')).filter((p) => !p.spec?.nodeName && !p.metadata.deletionTimestamp);
        if (waiting.length === 0) return pass;
        const why = (p: any) => p.status?.conditions?.find((c: any) => c.type === 'PodScheduled')?.message ?? 'not tried yet';
        return fail(`${waiting.length} pods are not scheduled: ${waiting.slice(0, 5).map((p) => `${p.metadata.name} (${why(p)})`).join('; ')}${waiting.length > 5 ? '; ...' : ''}`);
      });
    },
  },
  {
    pattern: 'no node is overcommitted',
    example: 'Then no node is overcommitted',
    area: 'scheduling',
    doc: "On every node, the pods still running there request no more CPU, memory and pod slots than the node's allocatable.",
    async run() {
      const over = overcommittedNodes(await this.driver.list('Node'), await this.driver.list('Pod', { allNamespaces: true }));
      if (over.length) throw new KubespecAssertionError(`nodes over their allocatable: ${over.join('; ')}`);
    },
  },
  {
    pattern: 'the pods labelled {string} are spread over {string} with a skew of at most {int}',
    example: 'Then the pods labelled "app=web" are spread over "topology.kubernetes.io/zone" with a skew of at most 1',
    area: 'scheduling',
    doc: 'Counts the matching pods per value of the node label (nodes without it aside, empty values counting 0): the largest count minus the smallest.',
    eventual: 'optional',
    async run({ args: [selector, topologyKey, maxSkew], within }) {
      await check(this.driver, `pods labelled ${selector} spread over ${topologyKey}`, within, async () => {
        const counts = spreadCounts(await this.driver.list('Node'), await this.driver.list('Pod', { labelSelector: selector as string }), topologyKey as string);
        const values = [...counts.values()];
        const skew = values.length ? Math.max(...values) - Math.min(...values) : 0;
        const shown = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(', ');
        return skew <= (maxSkew as number) ? pass : fail(`skew ${skew} over ${topologyKey}: ${shown}`);
      });
    },
  },
];
