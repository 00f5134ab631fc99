// What the probe pods' tools print, read as observations (issue 31): busybox's and bind's
// nslookup, and agnhost connect's classes.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAgnhostConnect, parseBusyboxNc, parseNslookup } from '../../../src/drivers/live/probe-output.ts';

test('an A answer: the addresses after the Name line, not the server\'s own Address line (busybox and bind)', () => {
  const busybox = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.ks-a.svc.cluster.local\nAddress: 10.96.5.7\n\n';
  assert.deepEqual(parseNslookup(busybox), { answer: 'A', name: 'web.ks-a.svc.cluster.local', addresses: ['10.96.5.7'] });
  const bind = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tdb.ks-a.svc.cluster.local\nAddress: 10.244.0.5\nName:\tdb.ks-a.svc.cluster.local\nAddress: 10.244.0.6\n';
  assert.deepEqual(parseNslookup(bind), { answer: 'A', name: 'db.ks-a.svc.cluster.local', addresses: ['10.244.0.5', '10.244.0.6'] });
});

test('a CNAME is the answer even when the target has no address here (no upstream resolver)', () => {
  const out = "Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\next.ks-a.svc.cluster.local\tcanonical name = external.example.com\n\n";
  assert.deepEqual(parseNslookup(out, "** server can't find external.example.com: REFUSED\n", 1), { answer: 'CNAME', name: 'ext.ks-a.svc.cluster.local', target: 'external.example.com', addresses: [] });
  assert.deepEqual(parseNslookup('ext.ns.svc.cluster.local.\tcanonical name = external.example.com.\nName:\texternal.example.com\nAddress: 93.184.216.34\n'),
    { answer: 'CNAME', name: 'ext.ns.svc.cluster.local', target: 'external.example.com', addresses: ['93.184.216.34'] });
});

test('no address: the server\'s last answer code; no server at all: no-server with the text or the timeout', () => {
  assert.deepEqual(parseNslookup("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find web-5.db.ks-a.svc.cluster.local: NXDOMAIN\n", '', 1), { answer: 'none', rcode: 'NXDOMAIN' });
  assert.deepEqual(parseNslookup('', "*** Can't find web: No answer\n", 1), { answer: 'none', rcode: 'NODATA' });
  assert.deepEqual(parseNslookup(';; connection timed out; no servers could be reached\n', '', 1), { answer: 'no-server', text: ';; connection timed out; no servers could be reached' });
  assert.deepEqual(parseNslookup('', '', 143), { answer: 'no-server', text: 'nslookup ended with 143 (timed out)' });
  assert.deepEqual(parseNslookup('', 'nslookup: not found', 127), { answer: 'no-server', text: 'nslookup: not found' });
});

test('agnhost connect: exit 0 connects; otherwise the class its stderr starts with', () => {
  assert.deepEqual(parseAgnhostConnect('', 0), { connected: true });
  assert.deepEqual(parseAgnhostConnect('REFUSED\n', 1), { connected: false, failure: 'REFUSED', text: 'REFUSED' });
  assert.deepEqual(parseAgnhostConnect('TIMEOUT\n', 1), { connected: false, failure: 'TIMEOUT', text: 'TIMEOUT' });
  assert.deepEqual(parseAgnhostConnect('DNS: lookup nope on 10.96.0.10:53: no such host\n', 1), { connected: false, failure: 'DNS', text: 'DNS: lookup nope on 10.96.0.10:53: no such host' });
  assert.deepEqual(parseAgnhostConnect('', 143), { connected: false, failure: 'TIMEOUT', text: 'exit 143' });
  assert.deepEqual(parseAgnhostConnect('exec: "agnhost": not found', 126), { connected: false, failure: 'OTHER', text: 'exec: "agnhost": not found' });
});

test('busybox nc: exit 0 is a connection; its message gives the class', () => {
  assert.deepEqual(parseBusyboxNc('', 0), { connected: true });
  assert.deepEqual(parseBusyboxNc("nc: can't connect to remote host (10.244.1.3): Connection refused\n", 1), { connected: false, failure: 'REFUSED', text: "nc: can't connect to remote host (10.244.1.3): Connection refused" });
  assert.deepEqual(parseBusyboxNc('nc: timed out\n', 1), { connected: false, failure: 'TIMEOUT', text: 'nc: timed out' });
  assert.deepEqual(parseBusyboxNc('nc: bad address \'nowhere\'\n', 1), { connected: false, failure: 'DNS', text: "nc: bad address 'nowhere'" });
});
