import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkStatusCode, expectRefusal, parseStatusReason, statusReasons } from '../../src/assertions/refusal.ts';
import { ApiError } from '../../src/sim/index.ts';
import { alreadyExists } from '../../src/kube/api-errors.ts';
import { SimDriver } from '../../src/drivers/sim/index.ts';

const refuse = (e: Error) => async () => { throw e; };
const invalid = new ApiError('Invalid', 422, 'Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable');

test('the reasons and their codes are metav1.StatusReason\'s', () => {
  assert.equal(statusReasons.Invalid, 422);
  assert.equal(statusReasons.Forbidden, 403);
  assert.equal(statusReasons.AlreadyExists, 409);
  assert.equal(statusReasons.Conflict, 409);
  assert.equal(statusReasons.NotFound, 404);
  assert.equal(statusReasons.TooManyRequests, 429);
  assert.equal(parseStatusReason('Forbidden'), 'Forbidden');
  assert.equal(checkStatusCode(422), 422);
});

test('a create of a name taken is AlreadyExists (409), in errors.NewAlreadyExists\'s words', async () => {
  await expectRefusal('the create', { reason: 'AlreadyExists', code: 409, text: 'pods "solo" already exists' }, refuse(alreadyExists('pods', 'solo')));
});

test('a refusal matches by reason, code and text; each mismatch says what was refused and how', async () => {
  await expectRefusal('the patch', { reason: 'Invalid', code: 422, text: 'field is immutable' }, refuse(invalid));
  await expectRefusal('the patch', 'field is immutable', refuse(invalid));
  await assert.rejects(expectRefusal('the patch', { reason: 'Forbidden' }, refuse(invalid)),
    { name: 'KubespecAssertionError', message: 'the patch was refused as Invalid (422), not as Forbidden (403): "Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable"' });
  await assert.rejects(expectRefusal('the patch', { code: 409 }, refuse(invalid)),
    { message: 'the patch was refused with status 422 (Invalid), not 409: "Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable"' });
  await assert.rejects(expectRefusal('the patch', { reason: 'Invalid', text: 'may not be' }, refuse(invalid)),
    { message: 'the patch was refused as Invalid (422) with "Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable", which does not contain "may not be"' });
  await assert.rejects(expectRefusal('the manifest', { reason: 'Forbidden', text: 'exceeded quota' }, async () => undefined),
    { message: 'the manifest was accepted; expected it to be refused as Forbidden (403) with "exceeded quota"' });
  await assert.rejects(expectRefusal('the manifest', { code: 422 }, refuse(new Error('no matches for kind "Widget" in version "example.com/v1"'))),
    { message: 'the manifest was refused without an API status (not by the API server): "no matches for kind "Widget" in version "example.com/v1""; expected with status 422' });
});

test('the simulator refuses with upstream\'s reasons and codes (422 Invalid, 403 Forbidden, 409 Conflict and AlreadyExists, 404 NotFound)', async () => {
  const driver = new SimDriver();
  await driver.setup({ name: 'refusals', uri: 'test', seed: 1 });
  const cm = (name: string, data: Record<string, string> = { a: '1' }) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
  // Validation: registry strategies return field.ErrorList, turned into errors.NewInvalid (422).
  await expectRefusal('the manifest', { reason: 'Invalid', code: 422, text: 'metadata.name: Invalid value: "Bad_Name"' }, () => driver.apply([cm('Bad_Name')]));
  // Admission: plugin/pkg/admission/resourcequota refuses with admission.NewForbidden (403).
  // (kube-root-ca.crt, which every namespace has, is the first of the two ConfigMaps.)
  await driver.apply([{ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'count' }, spec: { hard: { configmaps: '2' } } }]);
  await driver.apply([cm('one')]);
  await expectRefusal('the manifest', { reason: 'Forbidden', code: 403, text: 'exceeded quota: count' }, () => driver.apply([cm('two')]));
  // A write from a stale resourceVersion: errors.NewConflict (409).
  const [current] = await driver.apply([cm('one', { a: '2' })]);
  await driver.patch({ kind: 'ConfigMap', name: 'one' }, { data: { a: '3' } }, 'merge');
  await expectRefusal('the patch', { reason: 'Conflict', code: 409 }, () => driver.patch({ kind: 'ConfigMap', name: 'one' }, { metadata: { resourceVersion: current!.metadata.resourceVersion }, data: { a: '4' } }, 'merge'));
  // Server-side apply by another manager without force: a 409 Conflict naming the field.
  await expectRefusal('the apply', { reason: 'Conflict', code: 409, text: 'Apply failed with 1 conflict' }, () => driver.apply([cm('one', { a: '5' })], { fieldManager: 'other', force: false }));
  // A patch of what does not exist: errors.NewNotFound (404).
  await expectRefusal('the patch', { reason: 'NotFound', code: 404, text: 'configmaps "missing" not found' }, () => driver.patch({ kind: 'ConfigMap', name: 'missing' }, { data: {} }, 'merge'));
});
