// Every built-in drill on the reference control plane (real kube-apiserver, controllers and
// scheduler; KWOK nodes): the setup alone must fail its checks, and setup + solution.sh (the real
// kubectl) must pass them, as on `kubespec serve`. Run by scripts/ci-reference.mjs with
// KUBECONFIG pointing at the reference cluster. Between drills, the drill's namespaces are
// deleted and the nodes get back the labels, taints and cordons they had, so drills do not
// see each other's changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { execa } from 'execa';
import { loadLiveContext } from '../src/drivers/live/live-context.ts';
import { RestClient } from '../src/drivers/live/rest-client.ts';
import { packageRoot } from '../src/package-root.ts';
import { drillFolders, listDrills } from '../src/drills/drill.ts';
import { drillNamespaces, prepareDrill } from '../src/drills/prepare.ts';
import { gradeDrill } from '../src/drills/grade.ts';

const context = 'kubespec-reference';
const kubeconfig = process.env.KUBECONFIG!;
const kc = await loadLiveContext(context, process.env);
const rest = new RestClient(kc);
const env = { ...process.env, KUBECONFIG: kubeconfig };

/** Waits (at most 90 s) until the object at `path` no longer exists. */
async function gone(path: string): Promise<void> {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(500)) {
    const exists = await rest.request('GET', path).then(() => true, (e) => e?.code !== 404);
    if (!exists) return;
  }
}

for (const drill of listDrills(drillFolders(packageRoot, packageRoot), packageRoot)) {
  test(`drill ${drill.id} on the reference cluster`, async () => {
    const nodes = (await rest.request('GET', '/api/v1/nodes')).items as any[];
    const dir = mkdtempSync(join(tmpdir(), `kubespec-ref-drill-${drill.id}-`));
    try {
      await prepareDrill(kc, drill);
      const before = await gradeDrill(drill, { context }, { cwd: packageRoot, env }, join(dir, 'setup'));
      assert.ok(before.some((r) => !r.passed), 'the setup alone passes every check');
      const solution = await execa('sh', [drill.solution!], { cwd: drill.folder, env: { KUBECONFIG: kubeconfig, HOME: dir, PATH: process.env.PATH ?? '' }, reject: false, all: true, timeout: 300_000 });
      assert.equal(solution.exitCode, 0, `solution.sh failed:\n${solution.all}`);
      const after = await gradeDrill(drill, { context }, { cwd: packageRoot, env }, join(dir, 'solved'));
      const failed = after.filter((r) => !r.passed);
      assert.deepEqual(failed, [], failed.map((r) => `- ${r.name}: expected ${r.expected}; found ${r.message}`).join('\n'));
    } finally {
      for (const ns of drillNamespaces(drill)) await rest.request('DELETE', `/api/v1/namespaces/${ns}`).catch(() => undefined);
      // The next drill must not meet this one's pods (a bare pod left on a node makes a drain fail).
      for (const ns of drillNamespaces(drill)) await gone(`/api/v1/namespaces/${ns}`);
      for (const node of nodes) {
        const restore = { metadata: { labels: node.metadata.labels ?? {} }, spec: { taints: node.spec?.taints ?? null, unschedulable: node.spec?.unschedulable ?? null } };
        // A merge patch replaces the labels map only key by key: remove the keys added since.
        const now = (await rest.request('GET', `/api/v1/nodes/${node.metadata.name}`)).metadata.labels ?? {};
        for (const key of Object.keys(now)) if (!(key in restore.metadata.labels)) (restore.metadata.labels as any)[key] = null;
        await rest.request('PATCH', `/api/v1/nodes/${node.metadata.name}`, { body: restore, contentType: 'application/merge-patch+json' });
      }
    }
  });
}
