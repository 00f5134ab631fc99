import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describeMismatches, fieldLine, findManifestFile, KubespecAssertionError, loadManifestFile, packageRoot, parseManifests, partialMatch, refusedFields, renderKustomization, UserError, type Manifest, type StepSpec, type YamlOrigin } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/**
 * Applies the manifests; a refusal names where the refused fields stand in their source
 * (`spec.replicas is on features/x.feature:18`), for the doc string or file they came from.
 */
async function applyAll(world: KubespecWorld, manifests: Manifest[], source?: { text: string; origin: YamlOrigin }): Promise<void> {
  world.applied.push(...manifests);
  try {
    await world.driver.apply(manifests);
  } catch (e) {
    if (source && e instanceof Error) {
      const head = `${e.name}: ${e.message}`;
      e.message += refusedFieldPlaces(e.message, source.text, source.origin);
      // The stack repeats the message: keep it one text.
      if (e.stack?.startsWith(head)) e.stack = `${e.name}: ${e.message}${e.stack.slice(head.length)}`;
    }
    throw e;
  }
}

/** `\n  spec.replicas is on file:line` for each field an API refusal names that the manifest holds. */
function refusedFieldPlaces(message: string, text: string, origin: YamlOrigin): string {
  const object = /^(?:\w+Error: )?(\w+)(?:\.[\w.]+)? "([^"]+)" is (?:invalid|forbidden)/.exec(message);
  if (!object) return '';
  const places = refusedFields(message).flatMap((field) => {
    const line = fieldLine(text, origin, object[1]!, object[2]!, field);
    return line === undefined ? [] : [`\n  ${field} is on ${origin.file}:${line}`];
  });
  return places.join('');
}

/** A manifest file of the project's scenarios/manifests/, else kubespec's own. */
function manifestPath(name: string, projectRoot: string): string {
  return findManifestFile(name, [join(projectRoot, 'scenarios', 'manifests'), join(packageRoot, 'scenarios', 'manifests')], projectRoot);
}

function manifestFile(name: string, projectRoot: string): Manifest[] {
  return loadManifestFile(manifestPath(name, projectRoot), projectRoot);
}

/** The kustomization a step names, rendered; messages name the step's feature file and line. */
function kustomization(world: KubespecWorld, path: string) {
  const place = world.place;
  if (!place) throw new UserError(`kustomization "${path}": the step's feature file is not known, and the path is relative to it`);
  return renderKustomization(path, place.uri, `${place.uri}:${place.line}`, world.projectRoot);
}

/** `Deployment "web"` for messages about a rendered object. */
const named = (m: { kind?: unknown; metadata?: { name?: unknown } }) => `${String(m.kind)} "${String(m.metadata?.name)}"`;

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'manifest {string} is applied',
    example: 'Given manifest "statefulset-web.yaml" is applied',
    area: 'manifests',
    doc: "Applies a YAML file from the project's scenarios/manifests/ (then kubespec's own).",
    precheck: ({ args: [name], projectRoot }) => ({ manifests: manifestFile(name as string, projectRoot) }),
    async run({ args: [name] }) {
      const path = manifestPath(name as string, this.projectRoot);
      await applyAll(this, loadManifestFile(path, this.projectRoot), { text: readFileSync(path, 'utf8'), origin: { file: relative(this.projectRoot, path) || path, firstLine: 1 } });
    },
  },
  {
    pattern: 'the following manifest is applied:',
    example: 'Given the following manifest is applied:\n  """yaml\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings}\n  """',
    area: 'manifests',
    doc: 'Applies the YAML in the doc string (several documents allowed).',
    precheck: ({ docString, docStringOrigin }) => ({ manifests: docStringOrigin ? parseManifests(docString ?? '', docStringOrigin) : [] }),
    async run({ docString }) {
      const manifests = this.manifestsFrom(docString);
      await applyAll(this, manifests, this.place?.docStringLine ? { text: docString ?? '', origin: { file: this.place.uri, firstLine: this.place.docStringLine + 1 } } : undefined);
    },
  },
  {
    pattern: 'the kustomization {string} is applied',
    example: 'Given the kustomization "deploy/overlays/staging" is applied',
    area: 'manifests',
    doc: "Renders a kustomization folder (relative to the feature file) with kubectl's built-in kustomize and applies what it renders.",
    async run({ args: [path] }) {
      await applyAll(this, (await kustomization(this, path as string)).manifests);
    },
  },
  {
    pattern: 'the kustomization {string} renders:',
    example: 'Then the kustomization "deploy/overlays/staging" renders:\n  """yaml\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: staging-web}\n  spec: {replicas: 3}\n  """',
    area: 'manifests',
    doc: 'Checks, without a cluster, that the kustomization renders an object of each kind and name in the doc string, matching its fields (a partial match).',
    async run({ docString, args: [path] }) {
      const rendered = await kustomization(this, path as string);
      for (const want of this.manifestsFrom(docString)) {
        const found = rendered.manifests.find((m) => m.kind === want.kind && m.metadata?.name === want.metadata?.name);
        if (!found) {
          const have = rendered.manifests.map(named).join(', ') || 'nothing';
          throw new KubespecAssertionError(`kustomization "${path}" renders no ${named(want)} (it renders ${have})`);
        }
        const mismatches = partialMatch(want, found);
        if (mismatches.length) throw new KubespecAssertionError(describeMismatches(`${named(want)} rendered by kustomization "${path}"`, mismatches));
      }
    },
  },
];
