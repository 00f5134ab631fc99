import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countBound } from '../../src/assertions/count-bound.ts';
import { checkStatusCode } from '../../src/assertions/refusal.ts';
import { deploymentManifest } from '../../src/manifests/defaults.ts';
import { parseOwnedSelection, resolveOwned } from '../../src/operations/select-owned.ts';
import { parameterTypes } from '../../src/step-parameters.ts';
import { SimDriver } from '../../src/drivers/sim/index.ts';

/**
 * Mistakes an author can make with the refusal, comparison, over-time and owner-selection steps
 * (issue 27), each with the exact message it gets: none of them passes.
 */
const transform = (name: string, text: string) => parameterTypes.find((p) => p.name === name)!.transformer!(text);
const reasons = 'BadRequest, Unauthorized, Forbidden, NotFound, MethodNotAllowed, NotAcceptable, AlreadyExists, Conflict, Gone, Expired, RequestEntityTooLarge, UnsupportedMediaType, Invalid, TooManyRequests, InternalError, ServerTimeout, ServiceUnavailable, Timeout';
const codes = '400, 401, 403, 404, 405, 406, 409, 410, 413, 415, 422, 429, 500, 503, 504';

const written: Array<{ wrote: string; run: () => unknown; message: string }> = [
  { wrote: 'rejected as Forbiden', run: () => transform('reason', 'Forbiden'), message: `"Forbiden" is not a Kubernetes status reason (did you mean Forbidden?); the reasons are ${reasons}` },
  { wrote: 'rejected as FORBIDDEN', run: () => transform('reason', 'FORBIDDEN'), message: `"FORBIDDEN" is not a Kubernetes status reason (did you mean Forbidden?); the reasons are ${reasons}` },
  { wrote: 'rejected as Invalide', run: () => transform('reason', 'Invalide'), message: `"Invalide" is not a Kubernetes status reason (did you mean Invalid?); the reasons are ${reasons}` },
  { wrote: 'rejected as Denied', run: () => transform('reason', 'Denied'), message: `"Denied" is not a Kubernetes status reason; the reasons are ${reasons}` },
  { wrote: 'rejected as Unprocessable', run: () => transform('reason', 'Unprocessable'), message: `"Unprocessable" is not a Kubernetes status reason; the reasons are ${reasons}` },
  { wrote: 'rejected with status 200', run: () => checkStatusCode(200), message: `200 is not a status code the Kubernetes API refuses with; the codes are ${codes}` },
  { wrote: 'rejected with status 418', run: () => checkStatusCode(418), message: `418 is not a status code the Kubernetes API refuses with; the codes are ${codes}` },
  { wrote: 'has at least -1 ready replicas', run: () => countBound('at least', -1, 'ready replicas'), message: '"at least -1 ready replicas": a count cannot be negative' },
  { wrote: 'has at most -2 BackOff events', run: () => countBound('at most', -2, 'events'), message: '"at most -2 events": a count cannot be negative' },
  { wrote: 'keeps at least 0 ready replicas for 1 minute', run: () => countBound('at least', 0, 'ready replicas'), message: '"at least 0 ready replicas" always holds, so the step could never fail: write "more than 0" or the number you expect' },
  { wrote: 'has restarted fewer than 0 times', run: () => countBound('fewer than', 0, 'restarts'), message: '"fewer than 0 restarts" can never hold: no count is below 0' },
  { wrote: 'the pod of Job "pi" with completion index 1 with completion index 2', run: () => transform('owned', 'the pod of Job "pi" with completion index 1 with completion index 2'), message: '"the pod of Job "pi" with completion index 1 with completion index 2" says "with completion index 2" twice' },
  { wrote: 'the ReplicaSet of Deployment "web" with revision 0', run: () => transform('owned', 'the ReplicaSet of Deployment "web" with revision 0'), message: '"the ReplicaSet of Deployment "web" with revision 0": revisions count from 1' },
  { wrote: 'the ReplicaSet of Deploymnt "web"', run: () => transform('owned', 'the ReplicaSet of Deploymnt "web"'), message: '"the ReplicaSet of Deploymnt "web"": unknown kind "Deploymnt" (did you mean Deployment?)' },
  { wrote: 'the Podd of Deployment "web"', run: () => transform('owned', 'the Podd of Deployment "web"'), message: '"the Podd of Deployment "web"": unknown kind "Podd" (did you mean Pod?)' },
  { wrote: 'the ReplicaSet of Deployment ""', run: () => transform('owned', 'the ReplicaSet of Deployment ""'), message: '"the ReplicaSet of Deployment """: the owner\'s name is empty' },
];

for (const m of written) {
  test(`mistake: ${m.wrote}`, () => {
    assert.throws(m.run, { name: 'UserError', message: m.message });
  });
}

test('the `{reason}` parameter takes the whole of a capitalised word, so a misspelt reason reaches its check', () => {
  const reason = parameterTypes.find((p) => p.name === 'reason')!;
  assert.equal(new RegExp(`^(?:${reason.regexp.source})$`).test('Forbiden'), true);
});

/** Mistakes only the cluster can show: the selection finds no object, or several. */
test('owner selections that find nothing, several, or the wrong kind fail with what the owner has', async () => {
  const driver = new SimDriver();
  await driver.setup({ name: 'mistakes', uri: 'test', seed: 1 });
  await driver.apply([deploymentManifest('web', 2), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: {} }]);
  await driver.elapse(30_000);
  const [rs] = await driver.list('ReplicaSet');
  const pods = (await driver.list('Pod')).map((p) => `${p.metadata.name} (revision 1, node ${p.spec.nodeName})`).sort().join(', ');
  const cases: Array<[string, boolean, string, string]> = [
    ['the ReplicaSet of Deployment "nope"', false, 'KubespecAssertionError', 'the ReplicaSet of Deployment "nope": Deployment "nope" not found'],
    ['the ReplicaSet of Widget "web"', false, 'KubespecAssertionError', 'the ReplicaSet of Widget "web": Widget "web" not found'],
    ['the ReplicaSet of Deployment "web" with revision 3', false, 'KubespecAssertionError', `the ReplicaSet of Deployment "web" with revision 3: none matches; Deployment "web" has ${rs!.metadata.name} (revision 1)`],
    ['the pod of Deployment "web"', true, 'KubespecAssertionError', `the pod of Deployment "web": 2 match (${pods}); say which (newest, oldest, with revision N, with completion index N, on node "N")`],
    ['the pod of ConfigMap "settings"', true, 'KubespecAssertionError', 'the pod of ConfigMap "settings": ConfigMap "settings" owns no Pod'],
    ['the ReplicaSet of Deployment "web"', true, 'UserError', '"the ReplicaSet of Deployment "web"" selects a ReplicaSet, and this step is about a pod'],
  ];
  for (const [phrase, podOnly, name, message] of cases) {
    await assert.rejects(resolveOwned(driver, parseOwnedSelection(phrase), podOnly, undefined), { name, message }, phrase);
  }
  // With `within`, a selection that never resolves fails the same way after waiting.
  await assert.rejects(resolveOwned(driver, parseOwnedSelection('the ReplicaSet of Deployment "web" with revision 2'), false, 10_000),
    { name: 'KubespecAssertionError', message: `the ReplicaSet of Deployment "web" with revision 2: none matches; Deployment "web" has ${rs!.metadata.name} (revision 1)` });
});
