// `npm run bench`: the figures of the "Performance and scale" issue, each with its target and
// ratio, printed as a table and written to reports/bench/<date-free name>.json for comparison.
// Wall-clock time is measured here, in a script, never in a test.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { SimCluster } from '../src/sim/index.ts';
import { packageRoot } from '../src/package-root.ts';

interface Figure { name: string; value: number; unit: string; target: number; better: 'lower' | 'higher' }

function statefulSet(name: string, replicas: number) {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'default' },
    spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
  };
}

/** The card: StatefulSet 3 → 1 on a fresh simulated cluster, to the end state. */
function cardScenario(): number {
  const start = performance.now();
  const c = new SimCluster({ seed: 1 });
  for (const n of ['control-plane', 'worker-1', 'worker-2', 'worker-3']) c.addNode({ name: n, role: n === 'control-plane' ? 'control-plane' : 'worker' });
  c.store.create(statefulSet('web', 3));
  c.clock.advanceBy(120_000);
  const sts = c.store.get('StatefulSet', { namespace: 'default', name: 'web' })!;
  c.store.update({ ...structuredClone(sts), spec: { ...structuredClone(sts.spec), replicas: 1 } });
  c.clock.advanceBy(120_000);
  return performance.now() - start;
}

/**
 * Pods scheduled per second on a cluster of `nodes` nodes: the nodes registered and settled first
 * (as scheduler_perf's nodes exist before its pods), then the pods created unscheduled and one
 * settle timed. The kubelets start the bound pods within that settle too.
 */
function schedulerThroughput(nodes: number, pods: number): number {
  const c = new SimCluster({ seed: 1 });
  for (let i = 0; i < nodes; i++) c.addNode({ name: `node-${i}`, labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` } });
  c.clock.settle();
  for (let i = 0; i < pods; i++) {
    c.store.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p-${i}`, namespace: 'default', labels: { app: `a${i % 50}` } }, spec: { containers: [{ name: 'c', image: 'pause:3.10', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } });
  }
  const start = performance.now();
  c.clock.settle();
  const seconds = (performance.now() - start) / 1000;
  const bound = c.store.list('Pod').filter((p) => p.spec?.nodeName).length;
  return bound / seconds;
}

/**
 * Deployments at scale on 5,000 nodes in three zones: wall seconds until every pod is bound, and
 * until every pod is Running, with the peak RSS. KUBESPEC_BENCH_DEPLOYMENTS (default 100, of 100
 * replicas) sets the size; the issue's target is 1,500 of them (150,000 pods).
 */
function deploymentsAtScale(deployments: number): { bound: number; running: number; rssMiB: number; pods: number } {
  const c = new SimCluster({ seed: 1 });
  for (let i = 0; i < 5000; i++) c.addNode({ name: `node-${String(i).padStart(4, '0')}`, labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` } });
  c.clock.settle();
  const start = performance.now();
  for (let d = 0; d < deployments; d++) {
    const requests = { cpu: `${10 + (d % 5) * 10}m`, memory: `${16 + (d % 4) * 16}Mi` };
    c.store.create({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: `d-${d}`, namespace: 'default' }, spec: { replicas: 100, selector: { matchLabels: { app: `d-${d}` } }, template: { metadata: { labels: { app: `d-${d}` } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests } }] } } } });
  }
  c.clock.settle();
  const bound = (performance.now() - start) / 1000;
  c.clock.advanceBy(60_000);
  const running = (performance.now() - start) / 1000;
  const pods = c.store.list('Pod', { unsorted: true });
  if (pods.some((p) => p.status?.phase !== 'Running')) throw new Error('bench: not every pod is Running after a virtual minute');
  return { bound, running, rssMiB: process.memoryUsage().rss / 2 ** 20, pods: pods.length };
}

/** The whole library in two worker processes, one per core of the machine the targets are set for. */
async function library(): Promise<number> {
  const start = performance.now();
  await execa('node', [join(packageRoot, 'bin', 'kubespec.mjs'), 'run', '--parallel', '2'], { cwd: packageRoot, reject: false });
  return (performance.now() - start) / 1000;
}

const figures: Figure[] = [];
const card = Math.min(cardScenario(), cardScenario(), cardScenario());
figures.push({ name: 'card scenario (StatefulSet 3 → 1), sim', value: card, unit: 'ms', target: 50, better: 'lower' });
figures.push({ name: 'whole built-in library, sim, --parallel 2 (incl. process start)', value: await library(), unit: 's', target: 30, better: 'lower' });
figures.push({ name: 'scheduler throughput, 500 nodes, 2000 pods', value: schedulerThroughput(500, 2000), unit: 'pods/s', target: 3000, better: 'higher' });
figures.push({ name: 'scheduler throughput, 5000 nodes, 5000 pods', value: schedulerThroughput(5000, 5000), unit: 'pods/s', target: 3000, better: 'higher' });
// The target is 150,000 pods Running in 60 s: 2,500 pods/s sustained, under 4 GiB.
const scale = deploymentsAtScale(Number(process.env.KUBESPEC_BENCH_DEPLOYMENTS ?? 100));
figures.push({ name: `Deployment pods bound per second (${scale.pods} pods, 5000 nodes)`, value: scale.pods / scale.bound, unit: 'pods/s', target: 2500, better: 'higher' });
figures.push({ name: `Deployment pods Running per second (${scale.pods} pods, 5000 nodes)`, value: scale.pods / scale.running, unit: 'pods/s', target: 2500, better: 'higher' });
figures.push({ name: `peak RSS with ${scale.pods} pods on 5000 nodes (target at 150,000)`, value: scale.rssMiB, unit: 'MiB', target: 4096, better: 'lower' });
// Measured side by side by `npm run fidelity` (it needs the reference cluster): read, not rerun.
const fidelity = join(process.cwd(), 'reports', 'fidelity.json');
if (existsSync(fidelity)) {
  const { speedRatio } = JSON.parse(readFileSync(fidelity, 'utf8'));
  figures.push({ name: 'portable scenarios, reference cluster ÷ sim (last fidelity run)', value: speedRatio, unit: '×', target: 100, better: 'higher' });
}

const rows = figures.map((f) => {
  const ratio = f.better === 'lower' ? f.target / f.value : f.value / f.target;
  return { ...f, value: Math.round(f.value * 10) / 10, ratio: Math.round(ratio * 100) / 100, met: ratio >= 1 };
});
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(10)}  ${'target'.padStart(10)}  ratio  met`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${`${r.value} ${r.unit}`.padStart(10)}  ${`${r.better === 'lower' ? '≤' : '≥'}${r.target}`.padStart(10)}  ${String(r.ratio).padStart(5)}  ${r.met ? 'yes' : 'no'}`);
const dir = join(packageRoot, 'reports', 'bench');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'latest.json'), JSON.stringify({ node: process.version, figures: rows }, null, 2) + '\n');
console.log(`written: ${join('reports', 'bench', 'latest.json')}`);
