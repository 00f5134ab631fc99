import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renewBefore } from '../../../src/sim/addons/cert-manager/index.ts';

const DAY = 24 * 3_600_000;

test('renewal comes two thirds through the lifetime unless renewBefore or a percentage says otherwise', () => {
  assert.equal(renewBefore(90 * DAY, {}), 30 * DAY);
  assert.equal(renewBefore(DAY, { renewBefore: '20h' }), 20 * 3_600_000);
  // A renewBefore as long as the lifetime is ignored, as pki.RenewBefore does.
  assert.equal(renewBefore(DAY, { renewBefore: '24h' }), DAY / 3);
  assert.equal(renewBefore(100 * DAY, { renewBeforePercentage: 25 }), 75 * DAY);
  assert.equal(renewBefore(DAY, { renewBefore: 'soon' }), DAY / 3);
});
