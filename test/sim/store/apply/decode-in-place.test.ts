import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeInPlace, decodeNulls, decodeTypeError } from '../../../../src/sim/store/apply/undeclared-fields.ts';
import { shapeOfKind } from '../../../../src/sim/store/apply/schema.ts';
import { SeededRandom } from '../../../../src/sim/rng.ts';

// The store decodes every write in one walk (decodeInPlace); these checks hold it to the two
// walks it replaces: the same first type error, and on success the same nulls read.

const base = () => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', labels: { app: 'web' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }] },
  spec: {
    containers: [{ name: 'c', image: 'nginx', args: ['a', 'b'], ports: [{ containerPort: 80 }], resources: { requests: { cpu: '10m' } }, env: [{ name: 'A', value: 'x' }] }],
    tolerations: [{ key: 'k', operator: 'Exists' }], nodeSelector: { disk: 'ssd' }, restartPolicy: 'Always',
  },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [{ name: 'c', ready: true, restartCount: 0, state: { running: { startedAt: 't' } } }] },
});

/** Every container (object or array) in the value, with the way to reach it. */
function containers(value: any, out: any[] = []): any[] {
  if (value && typeof value === 'object') {
    out.push(value);
    for (const k of Object.keys(value)) containers(value[k], out);
  }
  return out;
}

/** Puts a null, a wrong-typed value or a stray list/object at a few random places. */
function damage(rng: SeededRandom, obj: any): any {
  const odd = [null, null, null, 5, 'text', true, [], [null, 'x'], {}, { a: null }, [1, null]];
  const pick = () => structuredClone(odd[rng.int(odd.length)]);
  for (let n = rng.int(4); n >= 0; n--) {
    const all = containers(obj);
    const target = all[rng.int(all.length)];
    const keys = Object.keys(target);
    if (Array.isArray(target)) target[rng.int(target.length + 1)] = pick();
    else target[keys.length && rng.int(3) ? keys[rng.int(keys.length)]! : `extra${rng.int(3)}`] = pick();
  }
  return obj;
}

test('decodeInPlace finds the same first type error as decodeTypeError and reads nulls as decodeNulls does, on 2,000 damaged pods', () => {
  const rng = new SeededRandom(7);
  const shape = shapeOfKind('v1', 'Pod');
  let errors = 0, nullsRead = 0;
  for (let round = 0; round < 2000; round++) {
    const damaged = damage(rng, base());
    const text = JSON.stringify(damaged);
    const one = JSON.parse(text), two = JSON.parse(text);
    // Half the rounds word errors as 1.35+ does, with embedded structs' names.
    const embeddedNames = round % 2 === 1;
    const error = decodeInPlace(one, shape, embeddedNames);
    assert.equal(error, decodeTypeError(two, shape, embeddedNames), `round ${round}: ${text}`);
    if (error) {
      errors++;
      continue;
    }
    decodeNulls(two, shape);
    assert.deepEqual(one, two, `round ${round}: ${text}`);
    if (text.includes('null')) nullsRead++;
  }
  // The damage reaches both outcomes.
  assert.ok(errors > 200 && nullsRead > 200, `${errors} errors, ${nullsRead} objects with nulls read`);
});
