import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration } from '../../src/apiserver/human-duration.ts';
import { echoedLines } from '../../src/sim/kubelet/container-output.ts';
import { parseResourcePath } from '../../src/serve/request-path.ts';
import { knownKinds } from '../../src/sim/index.ts';

describe('ages as kubectl prints them', () => {
  it('follows apimachinery HumanDuration at each boundary', () => {
    const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;
    assert.equal(humanDuration(119 * s), '119s');
    assert.equal(humanDuration(2 * m + 5 * s), '2m5s');
    assert.equal(humanDuration(10 * m + 59 * s), '10m');
    assert.equal(humanDuration(3 * h + 5 * m), '3h5m');
    assert.equal(humanDuration(8 * h + 5 * m), '8h');
    assert.equal(humanDuration(2 * d + 3 * h), '2d3h');
    assert.equal(humanDuration(30 * d), '30d');
    assert.equal(humanDuration(3 * 365 * d + 4 * d), '3y4d');
  });
});

describe('container output', () => {
  it('prints echoes up to the current time, looping while-loops', () => {
    const cmd = ['sh', '-c', 'echo start; while true; do echo tick; sleep 10; done'];
    assert.deepEqual(echoedLines(cmd, undefined, 0), ['start', 'tick']);
    assert.deepEqual(echoedLines(cmd, undefined, 25_000), ['start', 'tick', 'tick', 'tick']);
  });
  it('prints nothing for a container that is not a shell script', () => {
    assert.deepEqual(echoedLines(['nginx', '-g', 'daemon off;'], undefined, 60_000), []);
  });
  it('stops at exit and honours quotes', () => {
    assert.deepEqual(echoedLines(['/bin/sh'], ['-c', 'echo "a b"; exit 1; echo never'], 1000), ['a b']);
  });
});

describe('request paths', () => {
  it('tells a namespaced collection from a Namespace subresource', () => {
    assert.deepEqual({ ...parseResourcePath('/api/v1/namespaces/team/pods/web/log', knownKinds), info: undefined }, { apiVersion: 'v1', plural: 'pods', namespace: 'team', name: 'web', subresource: 'log', info: undefined, review: undefined });
    const ns = parseResourcePath('/api/v1/namespaces/team/status', knownKinds)!;
    assert.equal(ns.plural, 'namespaces');
    assert.equal(ns.name, 'team');
    assert.equal(ns.subresource, 'status');
    assert.equal(parseResourcePath('/apis/apps/v1/namespaces/x/deployments', knownKinds)!.info?.kind, 'Deployment');
  });
});
