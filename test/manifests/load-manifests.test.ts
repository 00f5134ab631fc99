import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findManifestFile, parseManifests } from '../../src/manifests/load-manifests.ts';

const origin = { file: 'features/x.feature', firstLine: 12 };

test('several documents, lists flattened, empty documents skipped', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n---\napiVersion: v1\nkind: List\nitems:\n  - {apiVersion: v1, kind: Secret, metadata: {name: b}}\n';
  assert.deepEqual(parseManifests(text, origin).map((m) => `${m.kind}/${m.metadata.name}`), ['ConfigMap/a', 'Secret/b']);
});

test('invalid YAML names the feature line and the YAML line and column', () => {
  assert.throws(() => parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n bad: [\n', origin), {
    name: 'UserError',
    message: 'features/x.feature:16: invalid YAML at line 5, column 1: All mapping items must start at the same column',
  });
});

test('a manifest without a required field names the field', () => {
  assert.throws(() => parseManifests('apiVersion: v1\nmetadata: {name: a}\n', origin), { message: 'features/x.feature:12: kind: Required value' });
  assert.throws(() => parseManifests('apiVersion: v1\nkind: Pod\nmetadata: {}\n', origin), {
    message: 'features/x.feature:12: Pod: metadata.name: Required value: name or generateName is required',
  });
});

test('a missing manifest file says where it looked', () => {
  assert.throws(() => findManifestFile('nope.yaml', ['/p/scenarios/manifests', '/k/scenarios/manifests'], '/p'), {
    message: 'manifest "nope.yaml" not found (looked in scenarios/manifests, ../k/scenarios/manifests)',
  });
});

test("scalars read as kubectl reads them (YAML 1.1 through go-yaml): octal modes, yes/no, but no timestamps or base-60", () => {
  const [doc] = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\nmode: 0400\nflags: [yes, off]\nat: 2026-01-01\nclock: 12:30\n', { file: 'f.yaml', firstLine: 1 });
  assert.deepEqual({ mode: doc!.mode, flags: doc!.flags, at: doc!.at, clock: doc!.clock }, { mode: 256, flags: [true, false], at: '2026-01-01', clock: '12:30' });
});

test('a missing manifest names each folder once (the project is kubespec itself)', () => {
  assert.throws(() => findManifestFile('nope.yaml', ['/k/scenarios/manifests', '/k/scenarios/manifests'], '/k'), { message: 'manifest "nope.yaml" not found (looked in scenarios/manifests)' });
});
