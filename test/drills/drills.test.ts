import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { ServedCluster } from '../../src/serve/served-cluster.ts';
import { writeKubeconfig } from '../../src/serve/kubeconfig.ts';
import { loadImageBehaviors } from '../../src/drivers/sim/index.ts';
import { loadTopology } from '../../src/manifests/topologies.ts';
import { loadLiveContext } from '../../src/drivers/live/live-context.ts';
import { packageRoot } from '../../src/package-root.ts';
import { drillFolders, listDrills, type Drill } from '../../src/drills/drill.ts';
import { prepareDrill } from '../../src/drills/prepare.ts';
import { gradeDrill, type RequirementVerdict } from '../../src/drills/grade.ts';

/**
 * Every built-in drill, graded twice on its own served cluster: the setup alone must fail the
 * checks, and the reference solution, run with the real kubectl, must pass all of them. Virtual
 * time runs 60× wall time; solutions wait through kubectl (rollout status, wait), never sleep.
 */
const kubectlInstalled = await execa('kubectl', ['version', '--client'], { reject: false }).then((r) => r.exitCode === 0, () => false);
const all = listDrills(drillFolders(packageRoot, packageRoot), packageRoot);
const images = loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml'));
const topology = loadTopology('kind', [join(packageRoot, 'scenarios', 'topologies')]);

describe('built-in drills: setup fails the checks, setup + solution passes them', { skip: !kubectlInstalled && 'kubectl is not installed' }, () => {
  for (const drill of all) {
    it(drill.id, async () => {
      assert.ok(drill.solution, `drill "${drill.id}" has no solution.sh`);
      const served = new ServedCluster({ seed: 1, nodes: topology, images, speed: 60, host: '127.0.0.1', port: 0 });
      const url = await served.start();
      try {
        const dir = mkdtempSync(join(tmpdir(), `kubespec-drill-${drill.id}-`));
        const kubeconfig = join(dir, 'kubeconfig');
        writeKubeconfig(kubeconfig, { name: 'kubespec', server: url, caPem: served.certificate(), token: served.token });
        await prepareDrill(await loadLiveContext(undefined, {}, kubeconfig), drill);
        const before = await grade(drill, kubeconfig, dir, 'setup');
        assert.ok(before.some((r) => !r.passed), `the setup alone passes every check of "${drill.id}"`);
        const solution = await execa('sh', [drill.solution!], { cwd: drill.folder, env: { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' }, reject: false, all: true, timeout: 240_000 });
        assert.equal(solution.exitCode, 0, `solution.sh of "${drill.id}" failed:\n${solution.all}`);
        const after = await grade(drill, kubeconfig, dir, 'solved');
        const failed = after.filter((r) => !r.passed);
        assert.deepEqual(failed, [], `after the solution, "${drill.id}" still fails:\n${failed.map((r) => `- ${r.name}: ${r.message}`).join('\n')}`);
        assert.ok(after.length >= 2, `"${drill.id}" grades fewer than 2 requirements`);
      } finally {
        await served.stop();
      }
    });
  }
});

describe('the drill library', () => {
  it('has at least 30 drills covering every CKA domain', () => {
    assert.ok(all.length >= 30, `only ${all.length} drills`);
    for (const domain of ['cluster-architecture', 'workloads-scheduling', 'services-networking', 'storage', 'troubleshooting']) {
      assert.ok(all.some((d) => d.domain === domain), `no drill for ${domain}`);
    }
  });

  it('gives every drill its own namespace, so an exam can hold any of them at once', () => {
    const owners = new Map<string, string>();
    for (const d of all) {
      assert.equal(owners.get(d.namespace), undefined, `"${d.id}" and "${owners.get(d.namespace)}" share namespace ${d.namespace}`);
      owners.set(d.namespace, d.id);
    }
  });
});

async function grade(drill: Drill, kubeconfig: string, dir: string, label: string): Promise<RequirementVerdict[]> {
  return gradeDrill(drill, { kubeconfig }, { cwd: packageRoot, env: { ...process.env, KUBECONFIG: kubeconfig } }, join(dir, 'reports', label));
}
