// `npm run bench`: the figures of the performance issue, each with its target and ratio, printed
// as a table and written to reports/bench/latest.json, plus the scale curve (time and peak memory
// against cluster size) as reports/bench/scale-curve.svg. Wall-clock time is measured here, in a
// script, never in a test.
//   --sizes 500,1000,5000   the curve's cluster sizes (30 pods per node); the largest is the scale target's
//   --profile               also keep CPU profiles of the largest size and of the library run in reports/bench/profiles
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { SimCluster } from '../src/sim/index.ts';
import { packageRoot } from '../src/package-root.ts';
import type { ScalePoint } from './bench/scale-point.ts';
import { scaleChart } from './bench/scale-chart.ts';

interface Figure { name: string; value: number; unit: string; target: number; better: 'lower' | 'higher' }

const PODS_PER_NODE = 30;
const { values: flags } = parseArgs({ options: { sizes: { type: 'string', default: '500,1000,5000' }, profile: { type: 'boolean', default: false } } });
const sizes = flags.sizes.split(',').map(Number).sort((a, b) => a - b);
const dir = join(packageRoot, 'reports', 'bench');
const profiles = join(dir, 'profiles');
mkdirSync(dir, { recursive: true });
if (flags.profile) {
  rmSync(profiles, { recursive: true, force: true });
  mkdirSync(profiles, { recursive: true });
}
const profiled = (name: string) => (flags.profile ? [`--cpu-prof`, `--cpu-prof-dir=${join(profiles, name)}`] : []);

function statefulSet(name: string, replicas: number) {
  return {
    apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name, namespace: 'default' },
    spec: { replicas, serviceName: name, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
  };
}

/** The card: StatefulSet 3 → 1 on a fresh simulated cluster of four nodes, to the end state. */
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

/** The whole library with default options (one worker per core on the simulator), as `npm start` runs it. */
async function library(): Promise<number> {
  const start = performance.now();
  const env = flags.profile ? { NODE_OPTIONS: profiled('library').join(' ') } : {};
  await execa('node', [join(packageRoot, 'bin', 'kubespec.mjs'), 'run', '--reports', join(dir, 'library-reports')], { cwd: packageRoot, reject: false, env });
  return (performance.now() - start) / 1000;
}

/** One point of the curve in a fresh process (scale-point.ts), so that each peak RSS is its own. */
async function scalePoint(nodes: number, profile: boolean): Promise<ScalePoint> {
  const args = [...(profile ? profiled(`scale-${nodes}`) : []), '--max-old-space-size=8192', '--import', 'tsx', join(packageRoot, 'scripts', 'bench', 'scale-point.ts'), String(nodes), String(PODS_PER_NODE)];
  const r = await execa('node', args, { cwd: packageRoot });
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ScalePoint;
}

const figures: Figure[] = [];
const first = cardScenario();
figures.push({ name: 'card scenario (StatefulSet 3 → 1), first run in a process', value: first, unit: 'ms', target: 30, better: 'lower' });
const warm = Array.from({ length: 20 }, cardScenario).sort((a, b) => a - b)[10]!;
figures.push({ name: 'card scenario, warm (median of 20 after the first)', value: warm, unit: 'ms', target: 30, better: 'lower' });
figures.push({ name: 'whole built-in library, sim, default options (incl. process start)', value: await library(), unit: 's', target: 20, better: 'lower' });
figures.push({ name: 'scheduler throughput, 500 nodes, 2000 pods', value: schedulerThroughput(500, 2000), unit: 'pods/s', target: 5000, better: 'higher' });
figures.push({ name: 'scheduler throughput, 5000 nodes, 5000 pods', value: schedulerThroughput(5000, 5000), unit: 'pods/s', target: 5000, better: 'higher' });

const curve: ScalePoint[] = [];
for (const nodes of sizes) {
  const point = await scalePoint(nodes, nodes === sizes.at(-1));
  curve.push(point);
  console.log(`scale: ${point.nodes} nodes, ${point.pods} pods: bound in ${point.boundSeconds.toFixed(1)} s, Running in ${point.runningSeconds.toFixed(1)} s (${point.runningCpuSeconds.toFixed(1)} s of CPU), peak RSS ${Math.round(point.peakRssMiB)} MiB`);
}
const largest = curve.at(-1)!;
const at = `${largest.pods} pods, ${largest.nodes} nodes`;
figures.push({ name: `pods created → Running, wall (${at})`, value: largest.runningSeconds, unit: 's', target: 60, better: 'lower' });
figures.push({ name: `pods bound per second (${at})`, value: largest.pods / largest.boundSeconds, unit: 'pods/s', target: 2500, better: 'higher' });
figures.push({ name: `pods Running per second (${at})`, value: largest.pods / largest.runningSeconds, unit: 'pods/s', target: 2500, better: 'higher' });
figures.push({ name: `peak RSS (${at})`, value: largest.peakRssMiB, unit: 'MiB', target: 4096, better: 'lower' });
// Measured side by side by `kubespec fidelity` (it needs the reference cluster): read, not rerun.
const fidelity = join(packageRoot, 'reports', 'fidelity.json');
if (existsSync(fidelity)) {
  const { speedMedian, speedMin } = JSON.parse(readFileSync(fidelity, 'utf8'));
  figures.push({ name: 'portable scenarios, reference ÷ sim, median (last fidelity run)', value: speedMedian, unit: '×', target: 100, better: 'higher' });
  figures.push({ name: 'portable scenarios, reference ÷ sim, minimum (last fidelity run)', value: speedMin, unit: '×', target: 100, better: 'higher' });
}

const rows = figures.map((f) => {
  const ratio = f.better === 'lower' ? f.target / f.value : f.value / f.target;
  return { ...f, value: Math.round(f.value * 10) / 10, ratio: Math.round(ratio * 100) / 100, met: ratio >= 1 };
});
const width = Math.max(...rows.map((r) => r.name.length));
console.log(`${'figure'.padEnd(width)}  ${'value'.padStart(12)}  ${'target'.padStart(8)}  ratio  met`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${`${r.value} ${r.unit}`.padStart(12)}  ${`${r.better === 'lower' ? '≤' : '≥'}${r.target}`.padStart(8)}  ${String(r.ratio).padStart(5)}  ${r.met ? 'yes' : 'no'}`);
const machine = `${process.platform} ${process.arch}, ${availableParallelism()} cores, Node ${process.version}`;
writeFileSync(join(dir, 'latest.json'), JSON.stringify({ machine, figures: rows, curve }, null, 2) + '\n');
writeFileSync(join(dir, 'scale-curve.svg'), await scaleChart(curve, `${machine}; ${PODS_PER_NODE} pods per node in Deployments of 100`));
console.log(`written: reports/bench/latest.json, reports/bench/scale-curve.svg${flags.profile ? ', reports/bench/profiles/' : ''}`);
