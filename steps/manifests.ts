import { join } from 'node:path';
import { findManifestFile, loadManifestFile, packageRoot, type Manifest, type StepSpec } from '../src/index.ts';
import type { KubespecWorld } from '../support/world.ts';

async function applyAll(world: KubespecWorld, manifests: Manifest[]): Promise<void> {
  world.applied.push(...manifests);
  await world.driver.apply(manifests);
}

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'manifest {string} is applied',
    example: 'Given manifest "statefulset-web.yaml" is applied',
    area: 'manifests',
    doc: "Applies a YAML file from the project's scenarios/manifests/ (then kubespec's own).",
    async run({ args: [name] }) {
      const folders = [join(this.projectRoot, 'scenarios', 'manifests'), join(packageRoot, 'scenarios', 'manifests')];
      const file = findManifestFile(name as string, folders, this.projectRoot);
      await applyAll(this, loadManifestFile(file, this.projectRoot));
    },
  },
  {
    pattern: 'the following manifest is applied:',
    example: 'Given the following manifest is applied:\n  """yaml\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: settings}\n  """',
    area: 'manifests',
    doc: 'Applies the YAML in the doc string (several documents allowed).',
    async run({ docString }) {
      const manifests = this.manifestsFrom(docString);
      await applyAll(this, manifests);
    },
  },
];
