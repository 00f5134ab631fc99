import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kubespec, projectWith } from './cli-helpers.ts';

/**
 * The refusal, comparison, over-time and owner-selection steps' mistakes (issue 27, part B) are
 * found by `kubespec check` (and so before every run), at the feature line, with exit 2; the
 * messages are those test/assertions/step-mistakes.test.ts pins one by one.
 */
test('mistakes in the new steps stop the run before anything executes, each at its line', async () => {
  const feature = [
    'Feature: f',
    '',
    '  Scenario: s',
    '    Given a Deployment "web" with 2 replicas',
    '    Then Deployment "web" has at least -1 ready replicas',
    '    And Deployment "web" keeps at least 0 ready replicas for 1 minute',
    '    And pod "web" has restarted fewer than 0 times',
    '    And the ReplicaSet of Deployment "web" with revision 0 exists',
    '    And the ReplicaSet of Deploymnt "web" exists',
    '    And the following manifest is rejected as Forbiden:',
    '      """yaml',
    '      {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}',
    '      """',
    '    And the following manifest is rejected with status 418:',
    '      """yaml',
    '      {apiVersion: v1, kind: ConfigMap, metadata: {name: x}}',
    '      """',
    '',
  ].join('\n');
  const dir = projectWith({ 'mistakes.feature': feature });
  const r = await kubespec(dir, 'run', 'features/mistakes.feature', '--reports', 'reports');
  assert.equal(r.code, 2, r.stdout + r.stderr);
  const at = 'features/mistakes.feature';
  for (const line of [
    `${at}:5:10: "at least -1 ready replicas": a count cannot be negative`,
    `${at}:6:9: "at least 0 ready replicas" always holds, so the step could never fail: write "more than 0" or the number you expect`,
    `${at}:7:9: "fewer than 0 restarts" can never hold: no count is below 0`,
    `${at}:8:9: "the ReplicaSet of Deployment "web" with revision 0": revisions count from 1`,
    `${at}:9:9: "the ReplicaSet of Deploymnt "web"": unknown kind "Deploymnt" (did you mean Deployment?)`,
    `${at}:10:47: "Forbiden" is not a Kubernetes status reason (did you mean Forbidden?); the reasons are BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, NotAcceptable, AlreadyExists, Conflict, Gone, Expired, RequestEntityTooLarge, UnsupportedMediaType, Invalid, TooManyRequests, InternalError, ServerTimeout, ServiceUnavailable, Timeout`,
    `${at}:14:9: 418 is not a status code the Kubernetes API refuses with; the codes are 400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 422, 429, 500, 503, 504`,
  ]) assert.ok((r.stdout + r.stderr).split('\n').includes(line), `missing: ${line}\n---\n${r.stdout}${r.stderr}`);
  assert.match(r.stderr + r.stdout, /kubespec: 7 problems found by kubespec check; nothing was run/);
});

test('an owner selection that finds nothing fails its step at run time, saying what the owner has', async () => {
  const dir = projectWith({ 'owners.feature': [
    'Feature: f',
    '',
    '  Scenario: s',
    '    Given a Deployment "web" with 2 replicas',
    '    Then the ReplicaSet of Deployment "web" with revision 2 has 2 ready replicas within 30s',
    '',
  ].join('\n') });
  const r = await kubespec(dir, 'run', 'features/owners.feature', '--reports', 'reports');
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /KubespecAssertionError: the ReplicaSet of Deployment "web" with revision 2: none matches; Deployment "web" has web-[a-z0-9]+ \(revision 1\)/);
});
