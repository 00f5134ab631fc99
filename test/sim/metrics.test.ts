import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MetricsServer } from '../../src/sim/metrics.ts';
import { LabelSelector } from '../../src/kube/label-selector.ts';

const pod = (containers: any[]) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', labels: { app: 'a' } },
  spec: { containers }, status: { phase: 'Running' },
}) as any;

const rule = (usage: { cpuPercent?: number; memoryPercent?: number }) => ({ namespace: 'default', selector: LabelSelector.parse('app=a'), ...usage });

test('a container is measured at its CPU limit however much more it wants (CFS throttling), never above', () => {
  const metrics = new MetricsServer();
  metrics.setUsage(rule({ cpuPercent: 500 }));
  const usage = metrics.containerUsage(pod([
    { name: 'capped', resources: { requests: { cpu: '100m' }, limits: { cpu: '200m' } } },
    { name: 'free', resources: { requests: { cpu: '100m' } } },
  ]));
  assert.deepEqual(usage?.map((c) => [c.name, c.cpu]), [['capped', 200], ['free', 500]]);
});

test('usage for the same pods set twice keeps what the second leaves out', () => {
  const metrics = new MetricsServer();
  metrics.setUsage(rule({ cpuPercent: 50 }));
  metrics.setUsage(rule({ memoryPercent: 80 }));
  assert.deepEqual(metrics.podUsage(pod([{ name: 'c', resources: { requests: { cpu: '1', memory: '100Mi' } } }])), { cpu: 500, memory: 80 * 1024 * 1024 });
});

test('kind has no metrics-server until it is installed or usage is set', () => {
  const metrics = new MetricsServer();
  assert.equal(metrics.installed, false);
  metrics.setUsage(rule({ cpuPercent: 10 }));
  assert.equal(metrics.installed, true);
});
