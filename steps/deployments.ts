import { check, deploymentManifest, fail, formatDuration, KubespecAssertionError, pass, rollBack, rolloutDone, setImage, setPaused, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'a Deployment {string} with {int} replica(s)',
    example: 'Given a Deployment "api" with 4 replicas',
    area: 'deployments',
    doc: 'Applies a Deployment of nginx pods (container "app") labelled app=<name>, default RollingUpdate strategy.',
    async run({ args: [name, replicas] }) {
      const manifest = deploymentManifest(name as string, replicas as number);
      this.applied.push(manifest);
      await this.driver.apply([manifest]);
    },
  },
  {
    pattern: '{kind} {string} is updated to image {string}',
    example: 'When Deployment "api" is updated to image "nginx:1.27"',
    area: 'deployments',
    doc: 'kubectl set image for every container of the pod template.',
    async run({ args: [kind, name, image] }) {
      await setImage(this.driver, { kind: kind as string, name: name as string }, image as string);
    },
  },
  {
    pattern: 'Deployment {string} is rolled back',
    example: 'When Deployment "api" is rolled back',
    area: 'deployments',
    doc: 'kubectl rollout undo: the template of the previous revision becomes current again.',
    async run({ args: [name] }) {
      await rollBack(this.driver, name as string);
    },
  },
  {
    pattern: 'Deployment {string} is rolled back to revision {int}',
    example: 'When Deployment "api" is rolled back to revision 1',
    area: 'deployments',
    doc: 'kubectl rollout undo --to-revision=N.',
    async run({ args: [name, revision] }) {
      await rollBack(this.driver, name as string, revision as number);
    },
  },
  {
    pattern: 'Deployment {string} is paused',
    example: 'When Deployment "api" is paused',
    area: 'deployments',
    doc: 'kubectl rollout pause: template changes wait; scaling still applies.',
    async run({ args: [name] }) {
      await setPaused(this.driver, { kind: 'Deployment', name: name as string }, true);
    },
  },
  {
    pattern: 'Deployment {string} is resumed',
    example: 'When Deployment "api" is resumed',
    area: 'deployments',
    doc: 'kubectl rollout resume.',
    async run({ args: [name] }) {
      await setPaused(this.driver, { kind: 'Deployment', name: name as string }, false);
    },
  },
  {
    pattern: 'Deployment {string} is rolled out',
    example: 'Then Deployment "api" is rolled out within 2 minutes',
    area: 'deployments',
    doc: 'What kubectl rollout status waits for: all replicas updated and available, no old pods left.',
    eventual: 'optional',
    async run({ args: [name], within }) {
      await check(this.driver, `Deployment "${name}" to be rolled out`, within, async () => {
        const d = await this.driver.get({ kind: 'Deployment', name: name as string });
        if (!d) return fail(`Deployment "${name}" not found`);
        const r = rolloutDone(d);
        return r.done ? pass : fail(r.reason);
      });
    },
  },
  {
    pattern: 'Deployment {string} is at revision {int}',
    example: 'Then Deployment "api" is at revision 3',
    area: 'deployments',
    doc: 'The deployment.kubernetes.io/revision annotation.',
    eventual: 'optional',
    async run({ args: [name, revision], within }) {
      await check(this.driver, `Deployment "${name}" to be at revision ${revision}`, within, async () => {
        const d = await this.driver.get({ kind: 'Deployment', name: name as string });
        const actual = d?.metadata.annotations?.['deployment.kubernetes.io/revision'];
        return actual === String(revision) ? pass : fail(`Deployment "${name}" is at revision ${actual ?? '<none>'}`);
      });
    },
  },
];

steps.push({
  pattern: 'Deployment {string} rolls out within {duration} with at most {int} pods and at least {int} available',
  example: 'Then Deployment "api" rolls out within 2 minutes with at most 4 pods and at least 3 available',
  area: 'deployments',
  doc: 'Waits for the rollout and checks, at every change on the way, the count of running (not terminating) pods and status.availableReplicas.',
  async run({ args: [name, within, most, least] }) {
    await this.driver.waitFor(`Deployment "${name}" to roll out`, async () => {
      const d = await this.driver.get({ kind: 'Deployment', name: name as string });
      if (!d) throw new KubespecAssertionError(`Deployment "${name}" not found`);
      const selector = Object.entries(d.spec.selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
      const pods = (await this.driver.list('Pod', { labelSelector: selector })).filter((p) => !p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      const available = d.status?.availableReplicas ?? 0;
      if (pods.length > (most as number)) throw new KubespecAssertionError(`Deployment "${name}" had ${pods.length} pods at ${formatDuration(this.driver.elapsed())}, more than ${most}: ${pods.map((p) => p.metadata.name).join(', ')}`);
      if (available < (least as number) && (d.metadata.generation ?? 0) <= (d.status?.observedGeneration ?? 0)) {
        throw new KubespecAssertionError(`Deployment "${name}" had ${available} available replicas at ${formatDuration(this.driver.elapsed())}, fewer than ${least}`);
      }
      return rolloutDone(d).done ? true : undefined;
    }, within as number);
  },
});
