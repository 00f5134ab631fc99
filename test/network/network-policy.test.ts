import assert from 'node:assert/strict';
import { test } from 'node:test';
import { evaluateConnection, policyTypes } from '../../src/network/network-policy.ts';

const pod = (name: string, ns: string, labels: Record<string, string>, ip = '10.244.1.5') =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: ns, labels }, spec: { containers: [{ name: 'c', ports: [{ name: 'http', containerPort: 8080 }] }] }, status: { podIP: ip } }) as any;
const policy = (spec: object, ns = 'prod') => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: ns }, spec }) as any;
const ns = (labels: Record<string, Record<string, string>>) => (n: string) => labels[n];

test('the AND/OR example of reference/networking.md §7', () => {
  const db = pod('db', 'prod', { app: 'db' });
  const frontendProd = pod('fe', 'prod', { role: 'frontend' });
  const anyWeb = pod('x', 'web', { app: 'x' });
  const labels = ns({ prod: {}, web: { team: 'web' } });
  const and = policy({ podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'web' } }, podSelector: { matchLabels: { role: 'frontend' } } }] }] });
  const or = policy({ podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'web' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }] }] });
  const conn = (from: any) => ({ from, to: db, port: 5432, protocol: 'TCP' });
  assert.equal(evaluateConnection(conn(frontendProd), [and], labels).allowed, false);
  assert.equal(evaluateConnection(conn(frontendProd), [or], labels).allowed, true);
  assert.equal(evaluateConnection(conn(anyWeb), [or], labels).allowed, true);
});

test('policyTypes default to Ingress, plus Egress when egress rules exist', () => {
  assert.deepEqual(policyTypes(policy({ podSelector: {} })), ['Ingress']);
  // SetDefaults_NetworkPolicy checks len(spec.egress): an empty list adds no Egress type.
  assert.deepEqual(policyTypes(policy({ podSelector: {}, egress: [] })), ['Ingress']);
  assert.deepEqual(policyTypes(policy({ podSelector: {}, egress: [{ to: [] }] })), ['Ingress', 'Egress']);
});

test('named ports, endPort ranges and ipBlock with except', () => {
  const api = pod('api', 'prod', { app: 'api' });
  const client = pod('c', 'prod', {}, '10.0.0.7');
  const named = policy({ podSelector: {}, ingress: [{ ports: [{ port: 'http' }] }] });
  assert.equal(evaluateConnection({ from: client, to: api, port: 8080, protocol: 'TCP' }, [named], ns({})).allowed, true);
  const range = policy({ podSelector: {}, ingress: [{ ports: [{ port: 30000, endPort: 30010 }] }] });
  assert.equal(evaluateConnection({ from: client, to: api, port: 30011, protocol: 'TCP' }, [range], ns({})).allowed, false);
  const block = policy({ podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24', except: ['10.0.0.0/29'] } }] }] });
  assert.equal(evaluateConnection({ from: client, to: api, port: 80, protocol: 'TCP' }, [block], ns({})).allowed, false, '10.0.0.7 is in the except range');
});
