import { check, expectRefusal, fail, KubespecAssertionError, oldestPodName, pass, UnsupportedError, type StepSpec, withCapability } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'container {string} of pod {string} has environment variable {string} set to {string}',
    example: 'Then container "app" of pod "web" has environment variable "LOG_LEVEL" set to "info"',
    area: 'config',
    doc: 'kubectl exec … env: the environment the running container started with.',
    eventual: 'optional',
    async run({ args: [container, pod, name, value], within }) {
      await expectEnvironmentVariable(this, container as string, pod as string, name as string, value as string, within);
    },
  },
  {
    pattern: 'container {string} of the oldest pod labelled {string} has environment variable {string} set to {string}',
    example: 'Then container "app" of the oldest pod labelled "app=web" has environment variable "LOG_LEVEL" set to "info"',
    area: 'config',
    doc: 'As for a named pod, on the earliest-created pod matching the selector (a workload\'s pods have random names).',
    eventual: 'optional',
    async run({ args: [container, selector, name, value], within }) {
      const pod = await oldestPodName(this.driver, selector as string);
      await expectEnvironmentVariable(this, container as string, pod, name as string, value as string, within);
    },
  },
  {
    pattern: 'container {string} of pod {string} has no environment variable {string}',
    example: 'Then container "app" of pod "web" has no environment variable "DEBUG"',
    area: 'config',
    doc: 'The variable is not in the environment the container started with.',
    async run({ args: [container, pod, name] }) {
      await expectNoEnvironmentVariable(this, container as string, pod as string, name as string);
    },
  },
  {
    pattern: 'container {string} of the oldest pod labelled {string} has no environment variable {string}',
    example: 'Then container "worker" of the oldest pod labelled "job-name=batch" has no environment variable "JOB_COMPLETION_INDEX"',
    area: 'config',
    doc: 'As for a named pod, on the earliest-created pod matching the selector.',
    async run({ args: [container, selector, name] }) {
      await expectNoEnvironmentVariable(this, container as string, await oldestPodName(this.driver, selector as string), name as string);
    },
  },
  {
    pattern: 'container {string} of pod {string} sees file {string} containing {string}',
    example: 'Then container "app" of pod "web" sees file "/etc/app/LOG_LEVEL" containing "info"',
    area: 'config',
    doc: "A file in the container's volumes exists at the path and its content includes the text: ConfigMap and Secret files, and files the pod's containers write into a shared emptyDir.",
    eventual: 'optional',
    async run({ args: [container, pod, path, text], within }) {
      await check(this.driver, `file ${path} in container "${container}" of pod "${pod}"`, within, async () => {
        const files = await this.driver.containerFiles(pod as string, container as string, [path as string]);
        const content = files[path as string];
        if (content === undefined) return fail(`no file ${path}; the volumes hold ${Object.keys(files).join(', ') || 'nothing'}`);
        return content.includes(text as string) ? pass : fail(`${path} contains ${JSON.stringify(content)}`);
      });
    },
  },
  {
    pattern: 'container {string} of pod {string} has no file {string}',
    example: 'Then container "app" of pod "web" has no file "/etc/app/secret.txt"',
    area: 'config',
    doc: "No volume of the container holds a file at the path (ConfigMap, Secret, or a shared emptyDir).",
    async run({ args: [container, pod, path] }) {
      const files = await this.driver.containerFiles(pod as string, container as string, [path as string]);
      if (files[path as string] !== undefined) throw new KubespecAssertionError(`${path} exists`);
    },
  },
  {
    pattern: 'a ConfigMap {string} holding {int} bytes is applied',
    example: 'When a ConfigMap "blob" holding 1048576 bytes is applied',
    area: 'config',
    doc: 'Applies a ConfigMap whose one key `blob` holds that many bytes: for the size limit (1 MiB over all values) without a megabyte in the feature file.',
    async run({ args: [name, bytes] }) {
      await this.driver.apply([bulkyConfigMap(name as string, bytes as number)]);
    },
  },
  {
    pattern: 'a ConfigMap {string} holding {int} bytes is rejected with {string}',
    example: 'Then a ConfigMap "blob" holding 1048577 bytes is rejected with "Too long"',
    area: 'config',
    doc: 'Applying such a ConfigMap fails, and the API error message contains the text.',
    async run({ args: [name, bytes, expected] }) {
      await expectRefusal(`ConfigMap "${name}"`, expected as string, () => this.driver.apply([bulkyConfigMap(name as string, bytes as number)]));
    },
  },
  {
    pattern: 'Stakater Reloader is installed',
    example: 'Given Stakater Reloader is installed',
    area: 'config',
    doc: "The simulated Reloader (env-vars strategy): Deployments, StatefulSets and DaemonSets annotated reloader.stakater.com/auto or configmap|secret.reloader.stakater.com/reload roll out when the data of their ConfigMaps or Secrets changes. Simulator only.",
    needs: ['add-ons'],
    async run() {
      await withCapability(this.driver, 'add-ons').installAddOn('reloader');
    },
  },
];

async function expectEnvironmentVariable(world: KubespecWorld, container: string, pod: string, name: string, value: string, within?: number): Promise<void> {
  await check(world.driver, `${name}=${value} in container "${container}" of pod "${pod}"`, within, async () => {
    const env = await world.driver.containerEnv(pod, container).catch((e: Error) => {
      // A driver that cannot exec skips the step; a container not running yet is a retry.
      if (e instanceof UnsupportedError) throw e;
      return e;
    });
    if (env instanceof Error) return fail(env.message);
    return env[name] === value ? pass : fail(`${name} is ${env[name] === undefined ? 'not set' : JSON.stringify(env[name])} in container "${container}" of pod "${pod}"`);
  });
}

async function expectNoEnvironmentVariable(world: KubespecWorld, container: string, pod: string, name: string): Promise<void> {
  const env = await world.driver.containerEnv(pod, container);
  if (env[name] !== undefined) throw new KubespecAssertionError(`${name} is set to ${JSON.stringify(env[name])} in container "${container}" of pod "${pod}"`);
}

/** A ConfigMap whose one value is `bytes` bytes of text. */
function bulkyConfigMap(name: string, bytes: number) {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { blob: 'x'.repeat(bytes) } };
}
