import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeededRandom } from '../../src/sim/rng.ts';

test('the same seed draws the same uids and names (values of the first implementation, built by appending)', () => {
  const rng = new SeededRandom(1);
  assert.equal(rng.uuid(), '35c8cada-6699-4406-a558-2925aa04322d');
  const again = new SeededRandom(1);
  again.uuid();
  assert.equal(rng.string(5), again.string(5));
  assert.match(rng.string(16, '0123456789abcdef'), /^[0-9a-f]{16}$/);
  assert.match(rng.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
});
