import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { SimDriver } from '../../src/drivers/sim/sim-driver.ts';
import { UserError } from '../../src/errors.ts';
import { parseManifests } from '../../src/manifests/load-manifests.ts';
import { ApiError } from '../../src/kube/api-errors.ts';
import { LabelSelector } from '../../src/kube/label-selector.ts';
import { parseQuantity } from '../../src/kube/quantity.ts';
import { jsonMerge, strategicMerge } from '../../src/sim/store/strategic-merge.ts';
import { applyConfiguration } from '../../src/sim/store/apply/field-manager.ts';

/**
 * Fuzz tests: whatever a user writes, kubespec answers with an error that names the problem
 * (a UserError for the file, an ApiError in the API server's words) — never a crash, a
 * TypeError from deep inside a controller, or a hang. Seeded, so a failure reproduces.
 */

/** Objects a scenario applies, valid to start with; the fuzzer then breaks them field by field. */
const bases: Record<string, unknown>[] = [
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '100m' } } }] } } } },
  { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'db' }, spec: { serviceName: 'db', replicas: 2, selector: { matchLabels: { app: 'db' } }, template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image: 'redis' }] } }, volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] } },
  { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { completions: 2, parallelism: 2, backoffLimit: 1, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'perl', command: ['sleep', '5'] }] } } } },
  { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'tick' }, spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } } } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'svc' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], type: 'NodePort' } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { disk: 'ssd' }, tolerations: [{ key: 'k', operator: 'Exists' }], containers: [{ name: 'c', image: 'nginx', env: [{ name: 'A', value: '1' }], readinessProbe: { httpGet: { path: '/', port: 80 } } }] } },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'hpa' }, spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, minReplicas: 1, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }] } },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'pdb' }, spec: { minAvailable: 1, selector: { matchLabels: { app: 'web' } } } },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'np' }, spec: { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: { matchLabels: { app: 'web' } } }], ports: [{ port: 80 }] }] } },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, data: { mode: 'fast' } },
];

/** The values that break code written for the happy path. */
const nasty = fc.oneof(
  fc.constantFrom(null, '', -1, 0, 2 ** 31, 1.5, true, 'abc', '100Gi', '-1', '*', [], {}, [null], { '': null }),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -1000, max: 100000 }),
);

/** Every path to a value inside an object, so any field can be replaced. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => paths(v, [...prefix, i]))];
  if (value && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...prefix, k]))];
  return [prefix];
}

function replaced(base: unknown, path: (string | number)[], value: unknown): any {
  if (path.length === 0) return value;
  const copy: any = structuredClone(base);
  let node = copy;
  for (const step of path.slice(0, -1)) node = node[step];
  node[path[path.length - 1]!] = value;
  return copy;
}

const mutation = fc.nat({ max: bases.length - 1 }).chain((b) => {
  const all = paths(bases[b]).filter((p) => p.length > 0 && p[0] !== 'apiVersion' && p[0] !== 'kind' && !(p[0] === 'metadata' && p[1] === 'name'));
  return fc.tuple(fc.constant(b), fc.array(fc.tuple(fc.constantFrom(...all), nasty), { minLength: 1, maxLength: 3 }));
});

test('broken manifests are refused with API errors, and what is accepted never crashes the control plane', async () => {
  await fc.assert(fc.asyncProperty(mutation, async ([b, edits]) => {
    let manifest: any = bases[b];
    for (const [path, value] of edits) {
      try {
        manifest = replaced(manifest, path, value);
      } catch {
        // A path under a value an earlier edit replaced: keep what we have.
      }
    }
    const driver = new SimDriver();
    await driver.setup({ name: 'fuzz', seed: 7, tags: [] } as any);
    try {
      // As a scenario's manifest goes: written as text (JSON is YAML), parsed, applied.
      await driver.apply(parseManifests(JSON.stringify(manifest), { file: 'fuzz.yaml', firstLine: 1 }));
    } catch (e) {
      assert.ok(e instanceof ApiError || e instanceof UserError, `not an API error: ${(e as Error).stack}\nmanifest: ${JSON.stringify(manifest)}`);
      return;
    }
    // Accepted: ten minutes of the control plane working on it must not throw.
    await driver.elapse(600_000);
  }), { seed: Number(process.env.FUZZ_SEED ?? 20261202), numRuns: Number(process.env.FUZZ_RUNS ?? 300) });
});

test('any text given as a manifest file is parsed or refused with a UserError naming the file and line', () => {
  const yamlish = fc.array(fc.oneof(fc.constantFrom('---', 'kind: Pod', 'apiVersion: v1', 'metadata:', '  name: x', '- a', ': b', '{{x}}: 1', '"', "'", '[', '{', '&a x', '*a', '!!binary x', '\t', 'a: b: c'), fc.string({ maxLength: 10 })), { maxLength: 8 }).map((lines) => lines.join('\n'));
  fc.assert(fc.property(yamlish, (text) => {
    try {
      parseManifests(text, { file: 'fuzz.yaml', firstLine: 1 });
    } catch (e) {
      assert.ok(e instanceof UserError, `not a UserError: ${(e as Error).stack}\ntext: ${JSON.stringify(text)}`);
      assert.match((e as Error).message, /^fuzz\.yaml(:\d+)?: /);
    }
  }), { seed: 20261202, numRuns: 2000 });
});

/** Our parsers throw a plain Error with a message; anything else (TypeError, RangeError) is a bug. */
function ownError(e: unknown, input: unknown): void {
  assert.ok(e instanceof Error && e.constructor === Error && e.message.length > 0, `not our error: ${(e as Error)?.stack}\ninput: ${JSON.stringify(input)}`);
}

test('label selectors and quantities of any text parse or are refused with a message', () => {
  const selectorText = fc.array(fc.oneof(fc.constantFrom('app', '=', '==', '!=', ',', ' in ', ' notin ', '(', ')', '!', 'a.b/c', '-', ' ', 'x'), fc.string({ maxLength: 4 })), { maxLength: 10 }).map((parts) => parts.join(''));
  fc.assert(fc.property(selectorText, (text) => {
    try {
      LabelSelector.parse(text).matches({ app: 'x', tier: 'y' });
    } catch (e) {
      ownError(e, text);
    }
  }), { seed: 20261202, numRuns: 3000 });
  const quantityText = fc.oneof(fc.string({ maxLength: 8 }), fc.tuple(fc.constantFrom('', '-', '+'), fc.double({ noNaN: false }), fc.constantFrom('', 'm', 'Ki', 'Mi', 'Gi', 'G', 'e3', 'E', 'k', 'Pi')).map(([s, n, u]) => `${s}${n}${u}`));
  fc.assert(fc.property(quantityText, (text) => {
    try {
      const value = parseQuantity(text);
      assert.ok(typeof value === 'number');
    } catch (e) {
      ownError(e, text);
    }
  }), { seed: 20261202, numRuns: 3000 });
});

test('patches of any JSON merge into any object without throwing; server-side apply answers with API errors only', () => {
  const json = fc.jsonValue({ maxDepth: 4 });
  fc.assert(fc.property(json, json, (target, patch) => {
    strategicMerge(target, patch);
    jsonMerge(target, patch);
    try {
      applyConfiguration(undefined, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', namespace: 'default' }, spec: patch } as any, { manager: 'fuzz', time: '2026-01-01T00:00:00Z' }, false);
    } catch (e) {
      assert.ok(e instanceof ApiError, `not an API error: ${(e as Error).stack}\npatch: ${JSON.stringify(patch)}`);
    }
  }), { seed: 20261202, numRuns: 2000 });
});
