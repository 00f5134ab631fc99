import { check, expectRefusal, fail, fieldAt, managersOf, pass, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/** kubectl apply --server-side --field-manager=<manager> [--force-conflicts] of the doc string. */
async function applyAs(world: KubespecWorld, docString: string | undefined, manager: string, force: boolean): Promise<void> {
  const manifests = world.manifestsFrom(docString);
  world.applied.push(...manifests);
  await world.driver.apply(manifests, { fieldManager: manager, force });
}

/** Server-side apply as a team sees it: who owns which field, conflicts, forcing, pruning. */
export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'the following manifest is applied server-side by {string}:',
    example: 'When the following manifest is applied server-side by "platform":\n  """yaml\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings}\n  data: {mode: fast}\n  """',
    area: 'manifests',
    doc: 'kubectl apply --server-side --field-manager=<name>: fails on a conflict with another manager\'s field.',
    async run({ args: [manager], docString }) {
      await applyAs(this, docString, manager as string, false);
    },
  },
  {
    pattern: 'the following manifest is applied server-side by {string} with force:',
    example: 'When the following manifest is applied server-side by "platform" with force:\n  """yaml\n  ...\n  """',
    area: 'manifests',
    doc: 'kubectl apply --server-side --force-conflicts: the manager takes the conflicting fields over.',
    async run({ args: [manager], docString }) {
      await applyAs(this, docString, manager as string, true);
    },
  },
  {
    pattern: 'applying the following manifest server-side as {string} is rejected with {string}:',
    example: 'Then applying the following manifest server-side as "app-team" is rejected with "Apply failed with 1 conflict":\n  """yaml\n  ...\n  """',
    area: 'manifests',
    doc: 'The server-side apply by that manager is refused (a conflict) and the message contains the text.',
    async run({ args: [manager, expected], docString }) {
      const manifests = this.manifestsFrom(docString);
      await expectRefusal('the apply', expected as string, () => this.driver.apply(manifests, { fieldManager: manager as string, force: false }));
    },
  },
  {
    pattern: 'applying the following manifest server-side as {string} is rejected as {reason} with {string}:',
    example: 'Then applying the following manifest server-side as "app-team" is rejected as Conflict with "Apply failed with 1 conflict":\n  """yaml\n  ...\n  """',
    area: 'manifests',
    doc: 'The server-side apply by that manager is refused with that status reason (Conflict, 409, for a field another manager owns) and the message contains the text.',
    async run({ args: [manager, reason, expected], docString }) {
      const manifests = this.manifestsFrom(docString);
      await expectRefusal('the apply', { reason: reason as string, text: expected as string }, () => this.driver.apply(manifests, { fieldManager: manager as string, force: false }));
    },
  },
  {
    pattern: 'field {string} of {kind} {string} is managed by {string}',
    example: 'Then field ".spec.replicas" of Deployment "web" is managed by "kubectl, platform"',
    area: 'objects',
    doc: 'Exactly these managers (comma-separated; "nobody" for none) own the field, per metadata.managedFields. Paths as in conflict messages: .spec.containers[name="web"].image.',
    eventual: 'optional',
    async run({ args: [path, kind, name, managers], within }) {
      const expected = managers === 'nobody' ? [] : (managers as string).split(',').map((m) => m.trim()).sort();
      const subject = `${kind} "${name}"`;
      await check(this.driver, `${path} of ${subject} to be managed by ${managers}`, within, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${subject} not found`);
        const found = managersOf(obj.metadata, path as string);
        return found.join(',') === expected.join(',') ? pass : fail(`${path} of ${subject} is managed by ${found.length ? found.join(', ') : 'nobody'}`);
      });
    },
  },
  {
    pattern: '{kind} {string} has no field {string}',
    example: 'Then ConfigMap "settings" has no field ".data.level"',
    area: 'objects',
    doc: 'The field (a path of field names) is absent from the object.',
    eventual: 'optional',
    async run({ args: [kind, name, path], within }) {
      const subject = `${kind} "${name}"`;
      await check(this.driver, `${subject} to have no ${path}`, within, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${subject} not found`);
        const value = fieldAt(obj, path as string);
        return value === undefined ? pass : fail(`${subject} has ${path}: ${JSON.stringify(value)}`);
      });
    },
  },
];
