import { canonicalKindName, check, checkStatusCode, describeMismatches, expectRefusal, fail, kindsFootprint, labelPatch, partialMatch, pass, type ObjectRef, type StepCall, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/** A step that writes the object it names reaches what its kind is (a Node, a Namespace: shared by every scenario). */
const writesNamedKind = ({ args: [kind] }: StepCall) => kindsFootprint([kind as string]);

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: '{kind} {string} matches:',
    example: 'Then StatefulSet "web" matches:\n  """yaml\n  spec:\n    replicas: 3\n  status:\n    readyReplicas: 3\n  """',
    area: 'objects',
    doc: 'Every field in the YAML is present and equal in the object; lists match by name (containers, env, ...), by type (conditions), or in order. Lists every mismatch.',
    eventual: 'optional',
    async run({ args: [kind, name], docString, within }) {
      await expectMatch(this, { kind: kind as string, name: name as string }, `${kind} "${name}"`, docString, within);
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
    pattern: '{kind} {string} in namespace {string} matches:',
    example: 'Then pod "kube-scheduler-control-plane" in namespace "kube-system" matches:\n  """yaml\n  metadata:\n    labels: {component: kube-scheduler}\n  """',
    area: 'objects',
    doc: 'As "{kind} {string} matches:", for an object of another namespace (kube-system, one the scenario created).',
    eventual: 'optional',
    async run({ args: [kind, name, namespace], docString, within }) {
      await expectMatch(this, { kind: kind as string, name: name as string, namespace: namespace as string }, `${kind} "${name}" in namespace "${namespace}"`, docString, within);
    },
  },
  {
    pattern: '{kind} {string} is terminating',
    example: 'Then pod "web-0" is terminating',
    area: 'objects',
    doc: 'The object is in the API with a deletionTimestamp: deleted, waiting for its finalizers or (a pod) for its kubelet.',
    eventual: 'optional',
    async run({ args: [kind, name], within }) {
      await check(this.driver, `${kind} "${name}" to be terminating`, within, async () => {
        const object = await this.driver.get({ kind: kind as string, name: name as string });
        if (!object) return fail(`${kind} "${name}" not found`);
        return object.metadata.deletionTimestamp ? pass : fail(`${kind} "${name}" has no deletionTimestamp`);
      });
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
    footprint: writesNamedKind,
    async run({ args: [kind, name] }) {
      await this.driver.delete({ kind: kind as string, name: name as string }, { propagationPolicy: 'Background' });
    },
  },
];

steps.push(
  {
    pattern: '{kind} {string} is labelled {string}',
    example: 'When pod "stray" is labelled "app-"',
    area: 'objects',
    doc: 'kubectl label: "key=value" sets a label, "key-" removes it (several separated by commas).',
    footprint: writesNamedKind,
    async run({ args: [kind, name, labels] }) {
      await this.driver.patch({ kind: kind as string, name: name as string }, { metadata: { labels: labelPatch(labels as string) } }, 'merge');
    },
  },
  {
    pattern: 'the following manifest is rejected with {string}:',
    example: 'Then the following manifest is rejected with "`selector` does not match template `labels`":\n  """yaml\n  ...\n  """',
    area: 'objects',
    doc: 'Applying the YAML fails, and the API error message contains the given text.',
    async run({ args: [expected], docString }) {
      const manifests = this.manifestsFrom(docString);
      await expectRefusal('the manifest', expected as string, () => this.driver.apply(manifests));
    },
  },
  ...refusalSteps(),
  {
    pattern: 'the pods labelled {string} are owned by {kind} {string}',
    example: 'Then the pods labelled "app=nginx" are owned by ReplicaSet "nginx"',
    area: 'objects',
    doc: 'Every pod matching the selector has a controller ownerReference to that object.',
    eventual: 'optional',
    async run({ args: [selector, kind, name], within }) {
      await check(this.driver, `pods labelled ${selector} to be owned by ${kind} "${name}"`, within, async () => {
        const owner = await this.driver.get({ kind: kind as string, name: name as string });
        if (!owner) return fail(`${kind} "${name}" not found`);
        const pods = await this.driver.list('Pod', { labelSelector: selector as string });
        if (pods.length === 0) return fail(`no pods labelled ${selector}`);
        const strays = pods.filter((p) => !p.metadata.ownerReferences?.some((r) => r.controller && r.uid === owner.metadata.uid));
        return strays.length === 0 ? pass : fail(`not owned by ${kind} "${name}": ${strays.map((p) => p.metadata.name).join(', ')}`);
      });
    },
  },
  {
    pattern: '{kind} {string} is not owned by anything',
    example: 'Then pod "web-0" is not owned by anything',
    area: 'objects',
    doc: 'The object has no controller ownerReference (it was orphaned or never owned).',
    eventual: 'optional',
    async run({ args: [kind, name], within }) {
      await check(this.driver, `${kind} "${name}" to have no controller`, within, async () => {
        const obj = await this.driver.get({ kind: kind as string, name: name as string });
        if (!obj) return fail(`${kind} "${name}" not found`);
        const ref = obj.metadata.ownerReferences?.find((r) => r.controller);
        return ref ? fail(`${kind} "${name}" is owned by ${ref.kind} "${ref.name}"`) : pass;
      });
    },
  },
);

steps.push({
  pattern: '{kind} {string} is patched with:',
  example: 'When StatefulSet "web" is patched with:\n  """yaml\n  spec:\n    updateStrategy:\n      rollingUpdate: {partition: 2}\n  """',
  area: 'objects',
  doc: 'kubectl patch with a strategic merge patch written as YAML (containers merge by name, null deletes).',
  footprint: writesNamedKind,
  async run({ args: [kind, name], docString }) {
    await this.driver.patch({ kind: kind as string, name: name as string }, this.yamlFrom(docString), 'strategic');
  },
});

steps.push({
  pattern: 'patching {kind} {string} with the following is rejected with {string}:',
  example: 'Then patching StatefulSet "web" with the following is rejected with "field is immutable":\n  """yaml\n  spec: {serviceName: other}\n  """',
  area: 'objects',
  doc: 'The strategic merge patch is refused and the API error message contains the given text.',
  footprint: writesNamedKind,
  async run({ args: [kind, name, expected], docString }) {
    const patch = this.yamlFrom(docString);
    await expectRefusal('the patch', expected as string, () => this.driver.patch({ kind: kind as string, name: name as string }, patch, 'strategic'));
  },
});

steps.push({
  pattern: 'there are no {kinds}',
  example: 'Then there are no PersistentVolumes within 30s',
  area: 'objects',
  doc: 'No object of the kind (plural, e.g. PersistentVolumes, Jobs) exists in the scenario (its namespace, for namespaced kinds).',
  eventual: 'optional',
  async run({ args: [plural], within }) {
    const kind = canonicalKindName(plural as string);
    await check(this.driver, `no ${plural}`, within, async () => {
      const left = (await this.driver.list(kind)).filter((o) => !o.metadata.deletionTimestamp);
      return left.length === 0 ? pass : fail(`${plural}: ${left.map((o) => o.metadata.name).join(', ')}`);
    });
  },
});

/** The partial match of the step's YAML against the object, once or until `within` runs out. */
async function expectMatch(world: KubespecWorld, ref: ObjectRef, subject: string, docString: string | undefined, within: number | undefined): Promise<void> {
  const expected = world.yamlFrom(docString);
  await check(world.driver, `${subject} to match`, within, async () => {
    const obj = await world.driver.get(ref);
    if (!obj) return fail(`${subject} not found`);
    const mismatches = partialMatch(expected, obj);
    return mismatches.length === 0 ? pass : fail(describeMismatches(subject, mismatches));
  });
}

/**
 * Refusals in Kubernetes' terms: the status reason (`as Forbidden`), the HTTP status code
 * (`with status 422`), and text of the message, for manifests and patches.
 */
function refusalSteps(): StepSpec<KubespecWorld>[] {
  const manifest = (world: KubespecWorld, docString: string | undefined) => {
    const manifests = world.manifestsFrom(docString);
    return () => world.driver.apply(manifests);
  };
  return [
    {
      pattern: 'the following manifest is rejected as {reason}:',
      example: 'Then the following manifest is rejected as Forbidden:\n  """yaml\n  ...\n  """',
      area: 'objects',
      doc: 'Applying the YAML fails with that status reason (Invalid 422, Forbidden 403, AlreadyExists or Conflict 409, NotFound 404, BadRequest 400, ...).',
      async run({ args: [reason], docString }) {
        await expectRefusal('the manifest', { reason: reason as string }, manifest(this, docString));
      },
    },
    {
      pattern: 'the following manifest is rejected as {reason} with {string}:',
      example: 'Then the following manifest is rejected as Forbidden with "exceeded quota: compute":\n  """yaml\n  ...\n  """',
      area: 'objects',
      doc: 'Applying the YAML fails with that status reason, and the API error message contains the given text.',
      async run({ args: [reason, text], docString }) {
        await expectRefusal('the manifest', { reason: reason as string, text: text as string }, manifest(this, docString));
      },
    },
    {
      pattern: 'the following manifest is rejected with status {int}:',
      example: 'Then the following manifest is rejected with status 422:\n  """yaml\n  ...\n  """',
      area: 'objects',
      doc: "Applying the YAML fails with that HTTP status code (one the API refuses with: 400, 403, 404, 409, 422, ...).",
      precheck: ({ args: [code] }) => void checkStatusCode(code as number),
      async run({ args: [code], docString }) {
        await expectRefusal('the manifest', { code: checkStatusCode(code as number) }, manifest(this, docString));
      },
    },
    {
      pattern: 'patching {kind} {string} with the following is rejected as {reason} with {string}:',
      example: 'Then patching Job "pi" with the following is rejected as Invalid with "field is immutable":\n  """yaml\n  spec: {completions: 3}\n  """',
      area: 'objects',
      doc: 'The strategic merge patch is refused with that status reason and the API error message contains the given text.',
      footprint: writesNamedKind,
      async run({ args: [kind, name, reason, text], docString }) {
        const patch = this.yamlFrom(docString);
        await expectRefusal('the patch', { reason: reason as string, text: text as string }, () => this.driver.patch({ kind: kind as string, name: name as string }, patch, 'strategic'));
      },
    },
  ];
}
