// One point of the benchmark's scale curve, in a process of its own so that its peak RSS is its
// own: `node --import tsx scripts/bench/scale-point.ts <nodes> <pods per node>` registers the
// nodes in three zones, creates Deployments of 100 replicas (with requests of five sizes) for
// `nodes × pods per node` pods, and prints one JSON line: seconds until every pod is bound, until
// every pod is Running, and the peak RSS. The default plugin set, admission and every controller
// run as in any scenario; wall-clock time is read here, in a benchmark, never in the simulator.
import { performance } from 'node:perf_hooks';
import { SimCluster } from '../../src/sim/index.ts';

/**
 * `runningCpuSeconds` is the process's CPU time (user + system) over the same span as
 * `runningSeconds`: well below the wall time, it says the machine was busy with something else.
 */
export interface ScalePoint { nodes: number; pods: number; boundSeconds: number; runningSeconds: number; runningCpuSeconds: number; peakRssMiB: number }

const REPLICAS = 100;

function measure(nodes: number, podsPerNode: number): ScalePoint {
  const c = new SimCluster({ seed: 1 });
  for (let i = 0; i < nodes; i++) c.addNode({ name: `node-${String(i).padStart(4, '0')}`, labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` } });
  c.clock.settle();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const deployments = Math.ceil((nodes * podsPerNode) / REPLICAS);
  for (let d = 0; d < deployments; d++) {
    const requests = { cpu: `${10 + (d % 5) * 10}m`, memory: `${16 + (d % 4) * 16}Mi` };
    c.store.create({
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `d-${d}`, namespace: 'default' },
      spec: { replicas: REPLICAS, selector: { matchLabels: { app: `d-${d}` } }, template: { metadata: { labels: { app: `d-${d}` } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests } }] } } },
    });
  }
  c.clock.settle();
  const boundSeconds = (performance.now() - start) / 1000;
  // The kubelets pull and start in virtual time; a minute is ample for nginx on every node.
  c.clock.advanceBy(60_000);
  const runningSeconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const runningCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const pods = c.store.list('Pod', { unsorted: true });
  const notRunning = pods.filter((p) => p.status?.phase !== 'Running').length;
  if (notRunning > 0) throw new Error(`bench: ${notRunning} of ${pods.length} pods are not Running after a virtual minute`);
  return { nodes, pods: pods.length, boundSeconds, runningSeconds, runningCpuSeconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

const [nodes, podsPerNode] = process.argv.slice(2).map(Number);
if (!nodes || !podsPerNode) {
  console.error('usage: scale-point.ts <nodes> <pods per node>');
  process.exit(2);
}
console.log(JSON.stringify(measure(nodes, podsPerNode)));
