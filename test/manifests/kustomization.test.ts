import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { renderKustomization } from '../../src/manifests/kustomization.ts';
import { UserError } from '../../src/errors.ts';

const kubectlInstalled = await execa('kubectl', ['version', '--client'], { reject: false }).then((r) => r.exitCode === 0, () => false);

/** A project folder with a feature file and the given files beside it. */
function project(files: Record<string, string>): { root: string; feature: string } {
  const root = mkdtempSync(join(tmpdir(), 'kubespec-kustomize-'));
  mkdirSync(join(root, 'features'));
  const feature = join(root, 'features', 'deploy.feature');
  writeFileSync(feature, 'Feature: x\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, feature };
}

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {mode: slow}\n';

describe('a kustomization rendered by kubectl kustomize', { skip: !kubectlInstalled && 'kubectl is not installed (kustomizations are rendered by kubectl kustomize)' }, () => {
  it('renders an overlay over its base, relative to the feature file', async () => {
    const { root, feature } = project({
      'deploy/base/kustomization.yaml': 'resources: [settings.yaml]\n',
      'deploy/base/settings.yaml': configMap,
      'deploy/overlays/staging/kustomization.yaml': 'resources: [../../base]\nnamePrefix: staging-\npatches:\n  - patch: \'{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings"},"data":{"mode":"fast"}}\'\n',
    });
    const rendered = await renderKustomization('../deploy/overlays/staging', feature, 'features/deploy.feature:3', root);
    assert.equal(rendered.folder, 'deploy/overlays/staging');
    assert.deepEqual(rendered.manifests.map((m) => [m.kind, m.metadata.name, (m as any).data.mode]), [['ConfigMap', 'staging-settings', 'fast']]);
  });

  it("passes kustomize's error through, naming the missing file relative to the project", async () => {
    const { root, feature } = project({ 'deploy/overlays/broken/kustomization.yaml': 'resources: [missing.yaml]\n' });
    await assert.rejects(renderKustomization('../deploy/overlays/broken', feature, 'features/deploy.feature:7', root), (e: Error) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /^features\/deploy\.feature:7: kustomization "\.\.\/deploy\/overlays\/broken" does not render \(kubectl kustomize deploy\/overlays\/broken\):\n {2}/);
      assert.match(e.message, /deploy\/overlays\/broken\/missing\.yaml/);
      assert.doesNotMatch(e.message, new RegExp(root));
      return true;
    });
  });

  it('names a kustomization.yaml that kustomize cannot read', async () => {
    const { root, feature } = project({ 'deploy/bad/kustomization.yaml': 'resources: [a.yaml\n' });
    await assert.rejects(renderKustomization('../deploy/bad', feature, 'features/deploy.feature:9', root), /does not render \(kubectl kustomize deploy\/bad\):\n {2}deploy\/bad\/kustomization\.yaml: invalid Kustomization: yaml: line 1: /);
  });
});

describe('a kustomization that cannot be rendered before kustomize runs', () => {
  it('names the folder it looked for and what the path is relative to', async () => {
    const { root, feature } = project({});
    await assert.rejects(renderKustomization('../deploy/nowhere', feature, 'features/deploy.feature:4', root), (e: Error) => {
      assert.equal(e.message, `features/deploy.feature:4: kustomization "../deploy/nowhere": there is no folder deploy/nowhere (the path is relative to the feature file, ${feature})`);
      return true;
    });
  });

  it('says in one line that kubectl is missing, as a lack of the machine (the step is skipped, not failed)', async () => {
    const { root, feature } = project({ 'deploy/kustomization.yaml': 'resources: []\n' });
    await assert.rejects(renderKustomization('../deploy', feature, 'f:1', root, join(root, 'no-kubectl')), {
      name: 'UnsupportedError',
      message: 'f:1: kustomization "../deploy": kustomizations are rendered by `kubectl kustomize`, and there is no kubectl on the PATH',
    });
  });
});
