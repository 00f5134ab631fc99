import { check, describeMismatches, fail, parseYamlDocuments, partialMatch, pass, UserError, type StepSpec } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: '{kind} {string} matches:',
    example: 'Then StatefulSet "web" matches:\n  """yaml\n  spec:\n    replicas: 3\n  status:\n    readyReplicas: 3\n  """',
    area: 'objects',
    doc: 'Every field in the YAML is present and equal in the object; lists match by name (containers, env, ...), by type (conditions), or in order. Lists every mismatch.',
    eventual: 'optional',
    async run({ args: [kind, name], docString, within }) {
      if (!this.place?.docStringLine) throw new UserError('this step needs a YAML doc string');
      const docs = parseYamlDocuments(docString ?? '', { file: this.place.uri, firstLine: this.place.docStringLine + 1 });
      if (docs.length !== 1) throw new UserError(`${this.place.uri}:${this.place.line}: the expectation must be exactly one YAML document`);
      const expected = docs[0]!.value;
      const subject = `${kind} "${name}"`;
      await check(this.driver, `${subject} to match`, within, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${subject} not found`);
        const mismatches = partialMatch(expected, obj);
        return mismatches.length === 0 ? pass : fail(describeMismatches(subject, mismatches));
      });
    },
  },
  {
    pattern: '{kind} {string} exists',
    example: 'Then PersistentVolumeClaim "data-web-0" exists',
    area: 'objects',
    doc: 'The object is in the API (possibly terminating).',
    eventual: 'optional',
    async run({ args: [kind, name], within }) {
      await check(this.driver, `${kind} "${name}" to exist`, within, async () =>
        (await this.driver.get({ kind: kind as string, name: name as string })) ? pass : fail(`${kind} "${name}" not found`));
    },
  },
  {
    pattern: '{kind} {string} does not exist',
    example: 'Then pod "web-2" does not exist within 1 minute',
    area: 'objects',
    doc: 'The object is gone from the API.',
    eventual: 'optional',
    async run({ args: [kind, name], within }) {
      await check(this.driver, `${kind} "${name}" to be gone`, within, async () =>
        (await this.driver.get({ kind: kind as string, name: name as string })) ? fail(`${kind} "${name}" still exists`) : pass);
    },
  },
  {
    pattern: '{kind} {string} is deleted',
    example: 'When pod "web-1" is deleted',
    area: 'objects',
    doc: 'Deletes the object with the default grace period and background propagation.',
    async run({ args: [kind, name] }) {
      await this.driver.delete({ kind: kind as string, name: name as string }, { propagationPolicy: 'Background' });
    },
  },
];
