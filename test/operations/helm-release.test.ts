import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HELM_DEFAULT_TIMEOUT_MS, releaseCommand } from '../../src/operations/helm-release.ts';
import { UserError } from '../../src/errors.ts';

/** A project with a feature folder, a chart beside the feature, one under scenarios/charts, and values files. */
function project() {
  const root = mkdtempSync(join(tmpdir(), 'kubespec-helm-project-'));
  const featureDir = join(root, 'features', 'helm');
  for (const chart of [join(featureDir, 'local'), join(root, 'scenarios', 'charts', 'shared')]) {
    mkdirSync(chart, { recursive: true });
    writeFileSync(join(chart, 'Chart.yaml'), 'apiVersion: v2\nname: x\nversion: 0.1.0\n');
  }
  writeFileSync(join(featureDir, 'prod.yaml'), 'replicaCount: 3\n');
  writeFileSync(join(root, 'common.yaml'), 'a: 1\n');
  writeFileSync(join(featureDir, 'motd.txt'), 'hello\n');
  writeFileSync(join(featureDir, 'web-0.1.0.tgz'), '');
  return { root, places: { featureDir, projectRoot: root, packageRoot: join(root, 'no-package') } };
}

describe('releaseCommand: a Helm step as helm arguments', () => {
  it('finds the chart (a folder or a packaged .tgz) beside the feature file, then under the project\'s scenarios/charts', () => {
    const { root, places } = project();
    assert.deepEqual(releaseCommand({ action: 'install', release: 'web', chart: 'local' }, places).args, ['install', 'web', join(root, 'features', 'helm', 'local')]);
    assert.deepEqual(releaseCommand({ action: 'upgrade', release: 'web', chart: 'shared' }, places).args, ['upgrade', 'web', join(root, 'scenarios', 'charts', 'shared')]);
    assert.deepEqual(releaseCommand({ action: 'upgrade', release: 'web', chart: 'web-0.1.0.tgz' }, places).args, ['upgrade', 'web', join(root, 'features', 'helm', 'web-0.1.0.tgz')]);
  });

  it('names every place it looked for a missing chart', () => {
    const { places } = project();
    assert.throws(() => releaseCommand({ action: 'install', release: 'web', chart: 'nope' }, places), (e: Error) => e instanceof UserError
      && e.message === 'chart "nope" not found: no Chart.yaml (or .tgz) at features/helm/nope, scenarios/charts/nope, no-package/scenarios/charts/nope');
  });

  it('passes flags on as helm takes them, with value files found and --timeout taken as the wait in cluster time', () => {
    const { root, places } = project();
    const command = releaseCommand({ action: 'upgrade', release: 'web', chart: 'local', flags: '--wait --timeout 2m --set image.tag=1.27 -f prod.yaml --values=common.yaml --set-file motd=motd.txt --atomic', valuesFile: '/tmp/v.yaml' }, places);
    const dir = join(root, 'features', 'helm');
    assert.deepEqual(command.args, ['upgrade', 'web', join(dir, 'local'), '--wait', '--set', 'image.tag=1.27', '-f', join(dir, 'prod.yaml'), '--values', join(root, 'common.yaml'), '--set-file', `motd=${join(dir, 'motd.txt')}`, '--atomic', '--values', '/tmp/v.yaml']);
    assert.equal(command.waitMs, 120_000);
    assert.equal(command.cwd, dir);
  });

  it("waits helm's default 5 minutes without --timeout; a rollback names its revision", () => {
    const { places } = project();
    const command = releaseCommand({ action: 'rollback', release: 'web', revision: 1, flags: '--wait' }, places);
    assert.deepEqual(command.args, ['rollback', 'web', '1', '--wait']);
    assert.equal(command.waitMs, HELM_DEFAULT_TIMEOUT_MS);
  });

  it('refuses what the driver sets, a bad --timeout and a missing values file, naming them', () => {
    const { places } = project();
    const refused = (flags: string, message: string) => assert.throws(() => releaseCommand({ action: 'uninstall', release: 'web', flags }, places), (e: Error) => e instanceof UserError && e.message === message);
    refused('--namespace prod', "helm flag --namespace is not for a scenario: kubespec runs helm in the scenario's namespace and cluster and sets --namespace itself");
    refused('--kube-context=kind-kind', "helm flag --kube-context is not for a scenario: kubespec runs helm in the scenario's namespace and cluster and sets --kube-context itself");
    refused('--timeout 5minuts', 'helm --timeout "5minuts": "5minuts" is not a duration (try 30s, 5m, 1h30m or 2 minutes)');
    refused('-f missing.yaml', 'values file "missing.yaml" not found: looked at features/helm/missing.yaml, missing.yaml');
    refused('--wait --timeout', 'helm flag --timeout needs a value in "--wait --timeout"');
  });
});
