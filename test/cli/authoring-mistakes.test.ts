import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../../src/package-root.ts';
import { kubespec, projectWith } from './cli-helpers.ts';

/**
 * Authoring mistakes (issue 27, part A): each feature text with the exact problems `kubespec
 * check` must print for it, as `file:line:column: message`. None may pass silently: every one
 * fails the check (exit 2) and so every run before a scenario executes. Cases with no problems
 * are the other side: a kind a CRD of the feature or an add-on defines is fine.
 * `PACKAGE` stands for kubespec's own scenarios/manifests, relative to the project.
 */
const yamlStep = (...lines: string[]) => ['    Given the following manifest is applied:', '      """yaml', ...lines.map((l) => `      ${l}`), '      """'].join('\n');
const scenario = (...steps: string[]) => `Feature: f\n\n  Scenario: s\n${steps.join('\n')}\n`;
const notKnown = 'not a kind kubespec knows, nor defined by a CustomResourceDefinition this feature applies';
const syntaxExpected = "expected: #EOF, #TableRow, #DocStringSeparator, #StepLine, #TagLine, #ExamplesLine, #ScenarioLine, #RuleLine, #Comment, #Empty";

const cases: Array<{ name: string; feature: string; problems: string[] }> = [
  { name: 'no-colon-scenario', feature: 'Feature: f\n\n  Scenario Rolling update\n    Given a cluster with 3 worker nodes\n',
    problems: ['3:3: "Scenario Rolling update" is not read as a Scenario: Gherkin needs a colon after the keyword ("Scenario: Rolling update"), so this line is description text'] },
  { name: 'no-colon-background', feature: 'Feature: f\n\n  Background\n  Scenario: s\n    Given a cluster with 3 worker nodes\n',
    problems: ['3:3: "Background" is not read as a Background: Gherkin needs a colon after the keyword ("Background:"), so this line is description text'] },
  { name: 'no-colon-outline', feature: 'Feature: f\n\n  Scenario Outline scale to <n>\n    Given a cluster with <n> worker nodes\n',
    problems: ['3:3: "Scenario Outline scale to <n>" is not read as a Scenario Outline: Gherkin needs a colon after the keyword ("Scenario Outline: scale to <n>"), so this line is description text'] },
  { name: 'no-colon-rule', feature: 'Feature: f\n\n  Rule ordering\n\n  Scenario: s\n    Given a cluster with 1 worker node\n',
    problems: ['3:3: "Rule ordering" is not read as a Rule: Gherkin needs a colon after the keyword ("Rule: ordering"), so this line is description text'] },
  { name: 'prose-starting-with-a-keyword-ok', feature: 'Feature: f\n  Scenarios run on the simulator in seconds,\n  or on a live cluster.\n\n  Scenario: s\n    Given a cluster with 1 worker node\n',
    problems: [] },
  { name: 'no-colon-examples', feature: 'Feature: f\n\n  Scenario Outline: o\n    Given a cluster with <n> worker nodes\n\n    Examples\n      | n |\n      | 1 |\n',
    problems: [`6:5: Gherkin syntax: ${syntaxExpected}, got 'Examples' (a keyword needs its colon: "Examples:")`] },
  { name: 'no-colon-feature', feature: 'Feature rollouts\n\n  Scenario: s\n    Given a cluster with 1 worker node\n',
    problems: [
      `1:1: Gherkin syntax: expected: #EOF, #Language, #TagLine, #FeatureLine, #Comment, #Empty, got 'Feature rollouts' (a keyword needs its colon: "Feature: rollouts")`,
      `3:3: Gherkin syntax: expected: #EOF, #Language, #TagLine, #FeatureLine, #Comment, #Empty, got 'Scenario: s'`,
      `4:5: Gherkin syntax: expected: #EOF, #Language, #TagLine, #FeatureLine, #Comment, #Empty, got 'Given a cluster with 1 worker node'`,
    ] },
  { name: 'syntax-table', feature: scenario('    Given a cluster with nodes:', '      | name | role |', '      | cp   |'),
    problems: ['6:7: Gherkin syntax: inconsistent cell count within the table'] },
  { name: 'syntax-keyword', feature: scenario('    Given a cluster with 1 worker node', '    Thn pod "web" is Running'),
    problems: [`5:5: Gherkin syntax: ${syntaxExpected}, got 'Thn pod "web" is Running'`] },
  { name: 'syntax-docstring', feature: scenario('    Given the following manifest is applied:', '      """yaml', '      kind: ConfigMap'),
    problems: ['7:1: Gherkin syntax: unexpected end of file, expected: #DocStringSeparator, #Other'] },
  { name: 'undefined-step', feature: scenario('    Given a cluster with 3 worker nodes', '    Then StatefulSet "web" has 3 redy replicas'),
    problems: ['5:10: undefined step: Then StatefulSet "web" has 3 redy replicas\n    closest steps (kubespec steps lists them all):\n      Given a StatefulSet "web" with 3 replicas\n      Then StatefulSet "web" has 3 ready replicas within 2 minutes\n      Then CronJob "report" has 3 jobs'] },
  { name: 'undefined-step-no-suggestion', feature: scenario('    Given the deployment is fine'),
    problems: ['4:11: undefined step: Given the deployment is fine (kubespec steps lists the vocabulary)'] },
  { name: 'kind-positive', feature: scenario('    Given a cluster with 1 worker node', '    Then Deploymnt "web" exists'),
    problems: [`5:10: unknown kind "Deploymnt" (did you mean Deployment?): ${notKnown}`] },
  { name: 'kind-negative', feature: scenario('    Given a cluster with 1 worker node', '    Then Deploymnt "web" does not exist'),
    problems: [`5:10: unknown kind "Deploymnt" (did you mean Deployment?): ${notKnown}`] },
  { name: 'kind-plural', feature: scenario('    Given a cluster with 1 worker node', '    Then there are no Deploymnts'),
    problems: [`5:23: unknown kind "Deploymnts" (did you mean Deployments?): ${notKnown}`] },
  { name: 'kind-lowercase-plural', feature: scenario('    Given a cluster with 1 worker node', '    Then there are no deploymnts within 1m'),
    problems: [`5:23: unknown kind "deploymnts" (did you mean Deployments?): ${notKnown}`] },
  { name: 'kind-unknown', feature: scenario('    Given a cluster with 1 worker node', '    Then Widget "w" does not exist'),
    problems: [`5:10: unknown kind "Widget": ${notKnown}`] },
  { name: 'kind-in-scale-step', feature: scenario('    Given a Deployment "web" with 2 replicas', '    When Deploymnet "web" is scaled to 3'),
    problems: [`5:10: unknown kind "Deploymnet" (did you mean Deployment?): ${notKnown}`] },
  { name: 'kind-crd-ok', feature: scenario(yamlStep('apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata: {name: widgets.example.com}', 'spec:', '  group: example.com', '  scope: Namespaced', '  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}', '  versions:', '    - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}}'), '    Then Widget "w" does not exist', '    And there are no Widgets'),
    problems: [] },
  { name: 'kind-addon-ok', feature: scenario('    Given cert-manager is installed', '    Then Certificate "web" does not exist'),
    problems: [] },
  { name: 'duration-bad', feature: scenario('    Given a cluster with 1 worker node', '    Then pod "web-0" does not exist within 5 minuts'),
    problems: ['5:44: "5 minuts" is not a duration (try 30s, 5m, 1h30m or 2 minutes)'] },
  { name: 'duration-when', feature: scenario('    Given a cluster with 1 worker node', '    When 2 fortnights pass'),
    problems: ['5:10: "2 fortnights" is not a duration (try 30s, 5m, 1h30m or 2 minutes)'] },
  { name: 'duration-outline', feature: 'Feature: f\n\n  Scenario Outline: o\n    Given a cluster with 1 worker node\n    Then pod "web-0" does not exist within <t>\n\n    Examples:\n      | t     |\n      | 1 hr  |\n',
    problems: ['5:10: "1 hr" is not a duration (try 30s, 5m, 1h30m or 2 minutes)'] },
  { name: 'manifest-missing', feature: scenario('    Given manifest "web.yml" is applied'),
    problems: ['4:11: manifest "web.yml" not found (looked in scenarios/manifests, PACKAGE)'] },
  { name: 'manifest-broken-file', feature: scenario('    Given manifest "broken.yaml" is applied'),
    problems: ['scenarios/manifests/broken.yaml:4:1: invalid YAML at line 4, column 1: Flow map in block collection must be sufficiently indented and end with a }'] },
  { name: 'manifest-docstring-yaml', feature: scenario(yamlStep('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: x')),
    problems: ['8:1: invalid YAML at line 3, column 19: Flow map in block collection must be sufficiently indented and end with a }'] },
  { name: 'manifest-docstring-kind', feature: scenario(yamlStep('apiVersion: v1', 'metadata: {name: x}')),
    problems: ['6:1: kind: Required value'] },
  { name: 'manifest-docstring-name', feature: scenario(yamlStep('apiVersion: v1', 'kind: ConfigMap', 'data: {a: b}')),
    problems: ['6:1: ConfigMap: metadata.name: Required value: name or generateName is required'] },
  { name: 'manifest-docstring-yaml11-name', feature: scenario(yamlStep('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: n}')),
    problems: ['6:1: ConfigMap: metadata.name: Required value: name or generateName is required'] },
  { name: 'manifest-docstring-list', feature: scenario(yamlStep('- just', '- a list')),
    problems: ['6:1: a manifest must be a mapping with apiVersion, kind and metadata'] },
  { name: 'quantity-usage', feature: scenario('    Given a Deployment "api" with 2 replicas', '    And the pods of Deployment "api" use "lots" CPU'),
    problems: ['5:9: "lots" is not a quantity (try "250m" or "1.5")'] },
  { name: 'quantity-node-table', feature: scenario('    Given a cluster with nodes:', '      | name     | cpu  |', '      | worker-1 | four |'),
    problems: [`4:11: node "worker-1": cpu "four" is not a quantity: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`] },
  { name: 'node-table-column', feature: scenario('    Given a cluster with nodes:', '      | name | zone |', '      | w1   | a    |'),
    problems: ['4:11: unknown node table column "zone" (known: name, role, labels, taints, cpu, memory, pods)'] },
  { name: 'node-table-taint', feature: scenario('    Given a cluster with nodes:', '      | name | taints        |', '      | w1   | dedicated=gpu |'),
    problems: ['4:11: node "w1": "dedicated=gpu" is not a taint (use key=value:NoSchedule, key:NoExecute or key=value:PreferNoSchedule)'] },
  { name: 'topology-unknown', feature: scenario('    Given a cluster with topology "three-zone"'),
    problems: ['4:11: unknown topology "three-zone" (known: gpu-pool, kind, three-zones, zones-300)'] },
];

/** A project with one feature file per case, and a manifest file that does not parse. */
function mistakesProject(): string {
  const dir = projectWith(Object.fromEntries(cases.map((c) => [`${c.name}.feature`, c.feature])));
  mkdirSync(join(dir, 'scenarios', 'manifests'), { recursive: true });
  writeFileSync(join(dir, 'scenarios', 'manifests', 'broken.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x\n');
  return dir;
}

/** Each problem with its continuation lines (indented), as printed. */
function blocks(stderr: string): string[] {
  const out: string[] = [];
  for (const line of stderr.trimEnd().split('\n')) {
    if (/^\s/.test(line) && out.length) out[out.length - 1] += `\n${line}`;
    else out.push(line);
  }
  return out;
}

function expectedBlocks(dir: string): string[] {
  const pkg = relative(dir, join(packageRoot, 'scenarios', 'manifests'));
  return cases.flatMap((c) => c.problems.map((p) => (p.startsWith('scenarios/') ? p : `features/${c.name}.feature:${p}`).replace('PACKAGE', pkg)));
}

test('kubespec check names every mistake at its file:line:column, all together, and exits 2', { timeout: 120_000 }, async () => {
  const dir = mistakesProject();
  const r = await kubespec(dir, 'check');
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  const printed = blocks(r.stderr);
  const expected = expectedBlocks(dir);
  for (const c of cases) {
    const mine = printed.filter((b) => b.startsWith(`features/${c.name}.feature:`) || (c.name === 'manifest-broken-file' && b.startsWith('scenarios/')));
    const want = expectedBlocks(dir).filter((b) => b.startsWith(`features/${c.name}.feature:`) || (c.name === 'manifest-broken-file' && b.startsWith('scenarios/')));
    assert.deepEqual(mine, want, c.name);
  }
  assert.equal(printed.at(-1), `kubespec: ${expected.length} problems found by kubespec check; nothing was run`);
  assert.equal(printed.length, expected.length + 1, 'no other problem');
});

test('kubespec run checks first: the same problems, exit 2, no scenario executed', { timeout: 120_000 }, async () => {
  const dir = mistakesProject();
  const r = await kubespec(dir, 'run', '--format', 'summary');
  assert.equal(r.code, 2);
  assert.equal(blocks(r.stderr).length, expectedBlocks(dir).length + 1);
  assert.doesNotMatch(r.stdout, /passed/);
  assert.equal(existsSync(join(dir, 'reports', 'messages.ndjson')), false, 'nothing ran');
});

const scenarioText = scenario('    Given a cluster with 1 worker node', '    Then node "worker-1" has no taints');

/** Command-line mistakes about what is selected, each its own process. */
const selectionCases: Array<{ name: string; args: string[]; files: Record<string, string>; code: number; stderr: string; stdout?: RegExp }> = [
  { name: 'the issue: a scenario without its colon no longer runs 0 scenarios green', args: ['run'], files: { 'a.feature': 'Feature: f\n\n  Scenario Rolling update\n    Given a cluster with 3 worker nodes\n' }, code: 2,
    stderr: 'features/a.feature:3:3: "Scenario Rolling update" is not read as a Scenario: Gherkin needs a colon after the keyword ("Scenario: Rolling update"), so this line is description text\nkubespec: 1 problem found by kubespec check; nothing was run\n' },
  { name: 'a tag no scenario has', args: ['run', '--tags', '@smoke and @wrokloads'], files: { 'a.feature': `@workloads @smoke\n${scenarioText}` }, code: 2,
    stderr: '--tags: no scenario has the tag @wrokloads (did you mean @workloads?)\nkubespec: 1 problem found by kubespec check; nothing was run\n' },
  { name: 'a tag under not may be absent', args: ['check', '--tags', 'not @live-only'], files: { 'a.feature': scenarioText }, code: 0, stderr: '', stdout: /^kubespec check: 1 scenario in 1 feature file, no problems$/m },
  { name: 'a tag expression that does not parse', args: ['check', '--tags', '@a and'], files: { 'a.feature': `@a\n${scenarioText}` }, code: 2,
    stderr: '--tags: "@a and" is not a tag expression: Expected operand.\nkubespec: 1 problem found by kubespec check; nothing was run\n' },
  { name: 'no scenario selected', args: ['run'], files: { 'a.feature': 'Feature: nothing yet\n' }, code: 2,
    stderr: 'features: no scenario selected (1 feature file); pass --allow-empty if that is intended\nkubespec: 1 problem found by kubespec check; nothing was run\n' },
  { name: 'no scenario selected, on purpose', args: ['run', '--allow-empty'], files: { 'a.feature': 'Feature: nothing yet\n' }, code: 0, stderr: '', stdout: /^kubespec: 0 passed, 0 failed, 0 skipped \(profile sim, Kubernetes v1\.37\.2\)$/m },
];

for (const c of selectionCases) {
  test(`selection: ${c.name}`, { timeout: 60_000 }, async () => {
    const dir = projectWith(c.files);
    const r = await kubespec(dir, ...c.args);
    assert.equal(r.stderr, c.stderr);
    assert.equal(r.code, c.code, r.stdout);
    if (c.stdout) assert.match(r.stdout, c.stdout);
  });
}

test('a features folder whose name has a dot runs (was EISDIR)', { timeout: 60_000 }, async () => {
  const dir = projectWith({});
  mkdirSync(join(dir, 'my.features'));
  writeFileSync(join(dir, 'my.features', 'a.feature'), scenarioText);
  const r = await kubespec(dir, 'run', 'my.features/', '--format', 'summary');
  assert.equal(r.stderr, '');
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^kubespec: 1 passed, 0 failed, 0 skipped \(profile sim, Kubernetes v1\.37\.2\)$/m);
});

test("a failing step's error points at its feature line in the console, JUnit and Allure", { timeout: 60_000 }, async () => {
  const dir = projectWith({ 'a.feature': scenario('    Given a cluster with 1 worker node', '    Then pod "ghost" is Running') });
  const r = await kubespec(dir, 'run');
  assert.equal(r.code, 1);
  const frame = 'KubespecAssertionError: pod "ghost" not found\n(on the simulated Kubernetes v1.37.2)\n    at features/a.feature:5';
  assert.match(r.stdout, /KubespecAssertionError: pod "ghost" not found\n\s+\(on the simulated Kubernetes v1\.37\.2\)\n\s+at features\/a\.feature:5\n/);
  assert.ok(readFileSync(join(dir, 'reports', 'junit.xml'), 'utf8').includes(`<![CDATA[${frame}]]></failure>`));
  const traces = readdirSync(join(dir, 'reports', 'allure-results')).filter((f) => f.endsWith('-result.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, 'reports', 'allure-results', f), 'utf8')).statusDetails?.trace);
  assert.deepEqual(traces, [frame]);
  assert.doesNotMatch(r.stdout, /at .*define-steps\.ts/);
});
