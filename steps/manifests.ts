import { join } from 'node:path';
import { findManifestFile, loadManifestFile, packageRoot, parseManifests, type Manifest, type StepSpec } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

async function applyAll(world: KubespecWorld, manifests: Manifest[]): Promise<void> {
  world.applied.push(...manifests);
  await world.driver.apply(manifests);
}

/** A manifest file of the project's scenarios/manifests/, else kubespec's own, parsed. */
function manifestFile(name: string, projectRoot: string): Manifest[] {
  const folders = [join(projectRoot, 'scenarios', 'manifests'), join(packageRoot, 'scenarios', 'manifests')];
  return loadManifestFile(findManifestFile(name, folders, projectRoot), projectRoot);
}

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'manifest {string} is applied',
    example: 'Given manifest "statefulset-web.yaml" is applied',
    area: 'manifests',
    doc: "Applies a YAML file from the project's scenarios/manifests/ (then kubespec's own).",
    precheck: ({ args: [name], projectRoot }) => ({ manifests: manifestFile(name as string, projectRoot) }),
    async run({ args: [name] }) {
      await applyAll(this, manifestFile(name as string, this.projectRoot));
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
      await applyAll(this, manifests);
    },
  },
];
