import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/package-root.ts';
import { readScenarioRecords } from '../../src/report/scenario-records.ts';
import { kubespec, projectWith } from '../cli/cli-helpers.ts';

/**
 * The error catalog: bad inputs and the exact first line each must produce. Scenario-level cases
 * run as one feature file; the verdict and message are read back from the run's messages.
 */
const yaml = (...lines: string[]) => ['    Given the following manifest is applied:', '      """yaml', ...lines.map((l) => `      ${l}`), '      """'];

// Mistakes `kubespec check` finds before any scenario runs (a bad duration, node table, topology,
// manifest file or doc-string manifest) are in test/cli/authoring-mistakes.test.ts.
const scenarioCases: Array<{ name: string; steps: string[]; message: string }> = [
  { name: 'an unknown kind', steps: yaml('apiVersion: v1', 'kind: Podd', 'metadata: {name: x}'), message: 'NotFoundError: no matches for kind "Podd" in version "v1"' },
  { name: 'an unknown apiVersion', steps: yaml('apiVersion: apps/v9', 'kind: Deployment', 'metadata: {name: x}'), message: 'NotFoundError: no matches for kind "Deployment" in version "apps/v9"' },
  { name: 'an invalid object name', steps: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: Bad_Name}'), message: `InvalidError: ConfigMap "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')` },
  { name: 'a selector that does not match the template', steps: yaml('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: web}', 'spec:', '  selector: {matchLabels: {app: a}}', '  template:', '    metadata: {labels: {app: b}}', '    spec: {containers: [{name: c, image: nginx}]}'), message: 'InvalidError: Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`' },
  { name: 'a check of an object that does not exist', steps: ['    Then pod "ghost" is Running'], message: 'KubespecAssertionError: pod "ghost" not found' },
  { name: 'an API fault status the server cannot be made to give', steps: ["    When the API server answers 50% of the control plane's writes with 404 for 1 minute"], message: 'UserError: the API server can be made to answer 429, 500 or 503, not 404' },
  { name: 'a share of refused writes over 100 %', steps: ["    When the API server answers 150% of the control plane's writes with 429 for 1 minute"], message: 'UserError: the share of refused writes must be 1..100%, not 150%' },
  { name: 'failing a node that does not exist', steps: ['    When node "ghost" is partitioned from the control plane'], message: 'UserError: node "ghost" not found' },
  { name: 'ConfigMap data that is not a string', steps: yaml('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: limits}', 'data: {MAX: 100}'), message: 'InternalError: failed to create typed patch object (default/limits; /v1, Kind=ConfigMap): .data.MAX: expected string, got &value.valueUnstructured{Value:100}' },
];

test('each bad input in a scenario fails it with its one message, and no stack trace', async () => {
  const lines = ['Feature: catalog'];
  const docLine = new Map<string, number>();
  for (const c of scenarioCases) {
    lines.push(`  Scenario: ${c.name}`);
    docLine.set(c.name, lines.length + 1);
    lines.push(...c.steps);
  }
  const dir = projectWith({ 'catalog.feature': lines.join('\n') + '\n' });
  const run = await kubespec(dir, 'run', '--format', 'summary');
  assert.equal(run.code, 1);
  assert.doesNotMatch(run.stdout, /^\s+at .*\.ts:\d+/m, 'no stack frames');
  const records = readScenarioRecords(join(dir, 'reports', 'messages.ndjson'), dir);
  for (const c of scenarioCases) {
    const record = records.find((r) => r.name === c.name);
    assert.equal(record?.status, 'FAILED', c.name);
    // `@+N`: N lines below the scenario's first step (a manifest's first YAML line is 2 below its
    // step; a YAML error names its own line). The package's manifests folder is named relative
    // to the project.
    const expected = c.message.replace(/@\+(\d+)/, (_, n) => String(docLine.get(c.name)! + Number(n))).replace('PACKAGE/scenarios/manifests', relative(dir, join(packageRoot, 'scenarios', 'manifests')));
    assert.equal(record!.attachments['failure.txt']!.split('\n')[0], expected, c.name);
  }
});

/** Command-line mistakes: one line on stderr, the documented exit code. */
const commandCases: Array<{ args: string[]; files?: Record<string, string>; code: number; stderr: string | RegExp }> = [
  { args: ['run', '--seed', 'abc'], code: 2, stderr: 'kubespec: --seed must be a non-negative integer, not "abc"' },
  { args: ['run', '--parallel', 'x'], code: 2, stderr: 'kubespec: --parallel must be a non-negative integer, not "x"' },
  { args: ['run', '--shard', '5/4'], code: 2, stderr: 'kubespec: --shard must be INDEX/TOTAL with 1 <= INDEX <= TOTAL, e.g. 2/4, not "5/4"' },
  { args: ['run', 'nope.feature'], code: 2, stderr: 'kubespec: feature path "nope.feature" does not exist' },
  { args: ['run', '--profile', 'bad'], code: 2, stderr: "error: option '--profile <name>' argument 'bad' is invalid. Allowed choices are sim, live." },
  { args: ['frobnicate'], code: 2, stderr: "error: unknown command 'frobnicate'" },
  { args: ['steps', '--frob'], code: 2, stderr: "error: unknown option '--frob'" },
  { args: ['serve', '--port', 'abc'], code: 2, stderr: 'kubespec: --port must be a non-negative integer, not "abc"' },
  { args: ['run'], files: { 'kubespec.config.json': '{"sead": 1}' }, code: 2, stderr: 'kubespec: kubespec.config.json: unknown field "sead" (known: profile, seed, parallel, tags, paths, format, driver, strict, kubernetesVersion)' },
  { args: ['run'], files: { 'kubespec.config.json': '{bad' }, code: 2, stderr: /^kubespec: kubespec.config.json: invalid JSON: / },
  { args: ['merge-results', 'nope'], code: 2, stderr: /^kubespec: reports folder ".*\/nope" does not exist$/ },
  { args: ['fidelity', '--compare-only'], code: 2, stderr: /^kubespec: no simulator run to compare \(.*messages\.ndjson\); run `kubespec fidelity` first$/ },
  { args: ['cluster', 'reference', 'bogus'], code: 2, stderr: "error: command-argument value 'bogus' is invalid for argument 'action'. Allowed choices are up, down, status." },
  { args: ['serve', '--speed', '0'], code: 2, stderr: 'kubespec: --speed must be a positive number, not "0"' },
  { args: ['drill', 'start', 'no-such-drill'], code: 2, stderr: /^kubespec: unknown drill "no-such-drill" \(\d+ drills; `kubespec drill list` shows them\)$/ },
  { args: ['drill', 'list', '--domain', 'cooking'], code: 2, stderr: 'kubespec: unknown domain "cooking" (domains: cluster-architecture, workloads-scheduling, services-networking, storage, troubleshooting)' },
  { args: ['drill', 'check'], code: 2, stderr: 'kubespec: no drill to check: name one (`kubespec drill check <id>`) or start one first (`kubespec drill start <id>`)' },
  { args: ['drill', 'check', 'rbac-pod-reader'], code: 2, stderr: 'kubespec: no drill session here: start one (`kubespec drill start <id>`), or pass --kubeconfig or --context' },
  { args: ['drill', 'start', 'rbac-pod-reader', 'quota-team', '--context', 'prod'], code: 2, stderr: /^kubespec: (cannot read the kubeconfig|kubeconfig context "prod" does not exist)/ },
  { args: ['drill', 'list'], files: { 'scenarios/drills/mine/drill.yaml': 'title: Mine\ndomain: cooking\ndifficulty: easy\nminutes: 5\nnamespace: mine\n' }, code: 2, stderr: 'kubespec: scenarios/drills/mine/drill.yaml: domain: Unsupported value: "cooking": supported values: "cluster-architecture", "workloads-scheduling", "services-networking", "storage", "troubleshooting"' },
  { args: ['drill', 'list'], files: { 'scenarios/drills/mine/drill.yaml': 'title: Mine\ndomain: storage\ndifficulty: easy\nminutes: five\nnamespace: mine\n' }, code: 2, stderr: 'kubespec: scenarios/drills/mine/drill.yaml: minutes: must be a positive whole number of minutes' },
  { args: ['drill', 'list'], files: { 'scenarios/drills/mine/drill.yaml': 'title: Mine\ndomain: storage\ndifficulty: easy\nminutes: 5\nnamespace: Mine\n' }, code: 2, stderr: `kubespec: scenarios/drills/mine/drill.yaml: namespace: Invalid value: "Mine": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'` },
  { args: ['drill', 'list'], files: { 'scenarios/drills/mine/drill.yaml': 'title: Mine\ndomain: storage\ndifficulty: easy\nminutes: 5\nnamespace: mine\n' }, code: 2, stderr: 'kubespec: scenarios/drills/mine: drill "mine" has no task.md' },
];

test('each command-line mistake gets one line and its exit code', async () => {
  // Three at a time: each case is a CLI process, and they are independent.
  for (let i = 0; i < commandCases.length; i += 3) {
    await Promise.all(commandCases.slice(i, i + 3).map(async (c) => {
      const dir = projectWith({});
      for (const [name, text] of Object.entries(c.files ?? {})) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      const r = await kubespec(dir, ...c.args);
      assert.equal(r.code, c.code, `${c.args.join(' ')}: ${r.stderr}`);
      const line = r.stderr.trim();
      assert.equal(line.split('\n').length, 1, `${c.args.join(' ')} printed one line: ${line}`);
      if (typeof c.stderr === 'string') assert.equal(line, c.stderr);
      else assert.match(line, c.stderr);
    }));
  }
});

/**
 * The served API's refusals: status, reason and the API server's words, for requests a client
 * gets wrong. Each runs against one served cluster over HTTPS.
 */
const apiCases: Array<{ name: string; method: string; path: string; body?: string; contentType?: string; token?: string; status: number; watchError?: number; reason?: string; message: string | RegExp }> = [
  { name: 'a bad bearer token', method: 'GET', path: '/api/v1/pods', token: 'wrong', status: 401, reason: 'Unauthorized', message: 'Unauthorized' },
  { name: 'an unknown resource', method: 'GET', path: '/api/v1/namespaces/default/widgets', status: 404, reason: 'NotFound', message: 'the server could not find the requested resource' },
  { name: 'a missing object', method: 'GET', path: '/api/v1/namespaces/default/configmaps/ghost', status: 404, reason: 'NotFound', message: 'configmaps "ghost" not found' },
  { name: 'a body that is not JSON', method: 'POST', path: '/api/v1/namespaces/default/configmaps', body: '{"kind": ', status: 400, reason: 'BadRequest', message: /^(couldn't get version\/kind; json parse error|the body of the request)/ },
  { name: 'a malformed JSON patch', method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/base', body: '{"op": "add"}', contentType: 'application/json-patch+json', status: 400, reason: 'BadRequest', message: 'the JSON patch must be a list of operations' },
  { name: 'a JSON patch whose test fails', method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/base', body: '[{"op": "test", "path": "/data/a", "value": "z"}]', contentType: 'application/json-patch+json', status: 422, reason: 'Invalid', message: /^the server rejected our request due to an error in our request: / },
  { name: 'a patch of an unknown media type', method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/base', body: '{}', contentType: 'text/plain', status: 415, message: /^the body of the request was in an unknown format - accepted media types include: / },
  // The watch cache answers 200 and ends the stream with one ERROR event (cacher.go newErrWatcher).
  { name: 'a watch from a compacted resourceVersion', method: 'GET', path: '/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1', status: 200, watchError: 410, reason: 'Expired', message: /^too old resource version: 1 \(\d+\)$/ },
  { name: 'a stale resourceVersion on update', method: 'PUT', path: '/api/v1/namespaces/default/configmaps/base', body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"base","resourceVersion":"2"},"data":{"a":"c"}}', status: 409, reason: 'Conflict', message: 'Operation cannot be fulfilled on configmaps "base": the object has been modified; please apply your changes to the latest version and try again' },
  { name: 'an object named differently from the URL', method: 'PUT', path: '/api/v1/namespaces/default/configmaps/base', body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}}', status: 400, reason: 'BadRequest', message: 'the name of the object (other) does not match the name on the URL (base)' },
  { name: 'an unknown dryRun value', method: 'POST', path: '/api/v1/namespaces/default/configmaps?dryRun=Some', body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d"}}', status: 400, reason: 'BadRequest', message: 'Invalid dryRun value: "Some": supported values: "All"' },
  { name: 'an unknown fieldValidation value', method: 'POST', path: '/api/v1/namespaces/default/configmaps?fieldValidation=Loose', body: '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d"}}', status: 400, reason: 'BadRequest', message: 'fieldValidation: Unsupported value: "Loose": supported values: "Ignore", "Strict", "Warn"' },
  { name: 'an unknown propagationPolicy', method: 'DELETE', path: '/api/v1/namespaces/default/configmaps/base', body: '{"propagationPolicy":"Sideways"}', status: 422, reason: 'Invalid', message: 'DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan"' },
  { name: 'deleting an immortal namespace', method: 'DELETE', path: '/api/v1/namespaces/default', status: 403, reason: 'Forbidden', message: 'namespaces "default" is forbidden: this namespace may not be deleted' },
  { name: 'a scale below zero', method: 'PATCH', path: '/apis/apps/v1/namespaces/default/deployments/web/scale', body: '{"spec":{"replicas":-1}}', contentType: 'application/merge-patch+json', status: 422, reason: 'Invalid', message: 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0' },
];

test('each bad request to the served API gets its status and the API server\'s words', async () => {
  const { ServedCluster } = await import('../../src/serve/served-cluster.ts');
  const { request } = await import('node:https');
  const served = new ServedCluster({ seed: 1, nodes: [{ name: 'worker-1' }], images: [], speed: 1, host: '127.0.0.1', port: 0 });
  const url = await served.start();
  try {
    served.cluster.store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'base', namespace: 'default' }, data: { a: 'b' } });
    served.cluster.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } } });
    // Enough changes that resourceVersion 1 has left the watch history.
    for (let i = 0; i < 20_100; i++) served.cluster.store.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: `bulk-${i}`, namespace: 'default' } });
    for (const c of apiCases) {
      const answer = await new Promise<{ status: number; body: any }>((resolve, reject) => {
        const headers = { Authorization: `Bearer ${c.token ?? served.token}`, 'Content-Type': c.contentType ?? 'application/json', ...(c.body ? { 'Content-Length': String(Buffer.byteLength(c.body)) } : {}) };
        const req = request(new URL(c.path, url), { method: c.method, agent: false, ca: served.certificate(), headers }, (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
            } catch {
              reject(new Error(`${c.name}: answered ${res.statusCode} with a body that is not JSON: ${text}`));
            }
          });
        });
        req.on('error', reject);
        req.end(c.body);
      });
      assert.equal(answer.status, c.status, `${c.name}: ${JSON.stringify(answer.body)}`);
      if (c.watchError !== undefined) {
        assert.equal(answer.body.type, 'ERROR', c.name);
        answer.body = answer.body.object;
        assert.equal(answer.body.code, c.watchError, c.name);
      }
      assert.equal(answer.body.kind, 'Status', c.name);
      if (c.reason) assert.equal(answer.body.reason, c.reason, c.name);
      if (typeof c.message === 'string') assert.equal(answer.body.message, c.message, c.name);
      else assert.match(answer.body.message, c.message, c.name);
    }
  } finally {
    await served.stop();
  }
});
