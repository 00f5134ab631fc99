import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SimCluster } from '../../../src/sim/index.ts';

const service = (name: string, ports: object[]) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec: { selector: { app: 'web' }, ports } });

test('a Service port outside 1..65535 is refused on port and on the targetPort defaulted from it, in the API server\'s words', () => {
  const c = new SimCluster({ seed: 1 });
  assert.throws(() => c.store.create(service('big', [{ port: 70000 }])), {
    message: 'Service "big" is invalid: [spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive]',
  });
  assert.throws(() => c.store.create(service('tp', [{ port: 80, targetPort: 65536 }])), {
    message: 'Service "tp" is invalid: spec.ports[0].targetPort: Invalid value: 65536: must be between 1 and 65535, inclusive',
  });
});

test('a targetPort of 0 or "" is defaulted to the port, and the edges of the range are fine', () => {
  const c = new SimCluster({ seed: 1 });
  const zero = c.store.create(service('zero', [{ port: 80, targetPort: 0 }]));
  assert.equal(zero.spec.ports[0].targetPort, 80);
  const empty = c.store.create(service('empty', [{ port: 81, targetPort: '' }]));
  assert.equal(empty.spec.ports[0].targetPort, 81);
  assert.equal(c.store.create(service('edges', [{ name: 'a', port: 1 }, { name: 'b', port: 65535, targetPort: 'http' }])).spec.ports[1].targetPort, 'http');
});
