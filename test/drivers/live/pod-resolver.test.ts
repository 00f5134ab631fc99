// The probe's lookups follow the pod's resolver (issue 31): the search list and ndots of its
// resolv.conf, as glibc's res_search walks them, whatever nslookup itself would do with the name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CANDIDATE_MARK, resolverAnswer, resolverCandidates } from '../../../src/drivers/live/pod-resolver.ts';

const kubelet = 'search ks-a.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n';

test('a name with fewer dots than ndots goes under each search domain first, then as it is; one with enough dots, or a final dot, as it is first', () => {
  assert.deepEqual(resolverCandidates('web-0.web', kubelet), ['web-0.web.ks-a.svc.cluster.local.', 'web-0.web.svc.cluster.local.', 'web-0.web.cluster.local.', 'web-0.web.']);
  assert.deepEqual(resolverCandidates('a.b.c.d.e.f', kubelet), ['a.b.c.d.e.f.', 'a.b.c.d.e.f.ks-a.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.']);
  assert.deepEqual(resolverCandidates('web.ks-a.svc.cluster.local.', kubelet), ['web.ks-a.svc.cluster.local.']);
  // No options line: ndots 1, as the resolver's default.
  assert.deepEqual(resolverCandidates('db.example', 'search corp.example\nnameserver 1.1.1.1\n'), ['db.example.', 'db.example.corp.example.']);
});

const section = (name: string, body: string, exit: number) => `${CANDIDATE_MARK} ${name}\nServer:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n${body}\nexit=${exit}\n`;

test('the first candidate with an address answers; NXDOMAIN and server failures go on; a server failure outranks NXDOMAIN at the end; no server ends the search', () => {
  const nx = (n: string) => section(n, `** server can't find ${n}: NXDOMAIN`, 1);
  const found = section('web.svc.cluster.local.', 'Name:\tweb.svc.cluster.local\nAddress: 10.96.0.7', 0);
  assert.deepEqual(resolverAnswer(nx('web.ks-a.svc.cluster.local.') + found), { answer: 'A', name: 'web.svc.cluster.local', addresses: ['10.96.0.7'] });
  const servfail = section('web.', "** server can't find web.: SERVFAIL", 1);
  assert.deepEqual(resolverAnswer(nx('web.ks-a.svc.cluster.local.') + servfail), { answer: 'none', rcode: 'SERVFAIL' });
  assert.deepEqual(resolverAnswer(nx('a.') + nx('b.')), { answer: 'none', rcode: 'NXDOMAIN' });
  const silent = `${CANDIDATE_MARK} web.ks-a.svc.cluster.local.\n;; connection timed out; no servers could be reached\nexit=1\n`;
  assert.equal(resolverAnswer(silent + found).answer, 'no-server');
});
