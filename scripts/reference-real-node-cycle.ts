// CI's real-node cycle (issue 31), run by scripts/ci-reference.mjs once the KWOK-only reference
// cluster is down: reads the host (interfaces, network namespaces, iptables rules, mounts, the
// processes naming the cluster folder or sitting in a real node's cgroups), brings the reference
// cluster up with one real node, runs scripts/reference-real-node.ts against it, takes it down
// and asserts the host is as it was. A machine that cannot run a real node (`up` says what it
// lacks and falls back to KWOK) is told so in one line and counts nothing.
// Counts: the suite's tests, plus one for a clean `down`. Last line: `real node: N passed, N failed`.
//
//   node --import tsx scripts/reference-real-node-cycle.ts [--kubernetes-version 1.35] [--real-nodes 3]
//
// Default: the default release, one real node (CI's cycle).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { footprintLeftovers, hostFootprint } from '../src/cluster/reference/real-node/host-footprint.ts';
import { clusterFolderName, referenceBuild } from '../src/cluster/reference/versions.ts';

const { values } = parseArgs({ options: { 'kubernetes-version': { type: 'string' }, 'real-nodes': { type: 'string', default: '1' } } });
const build = referenceBuild(values['kubernetes-version']);
const versionArgs = values['kubernetes-version'] ? ['--kubernetes-version', values['kubernetes-version']] : [];
const clusterDir = join(process.cwd(), '.cache', 'reference-cluster', clusterFolderName(build));
const scope = { clusterDir, minorNumber: Number(build.minor.split('.')[1]) };
const kubespec = (...args: string[]) => execa('node', ['bin/kubespec.mjs', ...args], { reject: false, all: true, env: { ...process.env, FORCE_COLOR: '0' } });
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
let passed = 0;
let failed = 0;

async function main(): Promise<void> {
  const before = await hostFootprint(scope);
  let started = Date.now();
  const up = await kubespec('cluster', 'reference', 'up', ...versionArgs, '--real-nodes', values['real-nodes']!);
  console.log(up.all);
  console.log(`real node: up took ${seconds(started)}`);
  if (up.exitCode !== 0) {
    failed += 1;
    return;
  }
  let skipped = false;
  try {
    const state = JSON.parse(readFileSync(join(clusterDir, 'state.json'), 'utf8'));
    if (!state.realNodes?.length) {
      skipped = true;
      console.log('real node: skipped, this machine cannot run one (what it lacks is printed above); nothing counted');
      return;
    }
    started = Date.now();
    const suite = await execa('node', ['--import', 'tsx', '--test-reporter=spec', 'scripts/reference-real-node.ts'], {
      reject: false, all: true, env: { ...process.env, FORCE_COLOR: '0', KUBECONFIG: state.kubeconfig },
    });
    console.log(suite.all);
    console.log(`real node: the checks took ${seconds(started)}`);
    const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(suite.all ?? '')?.[1] ?? 0);
    passed += count('pass');
    failed += count('fail') + count('cancelled') + (count('pass') === 0 ? 1 : 0);
  } finally {
    started = Date.now();
    const down = await kubespec('cluster', 'reference', 'down', ...versionArgs);
    console.log(down.all);
    console.log(`real node: down took ${seconds(started)}`);
    if (skipped && down.exitCode === 0) return;
    const left = down.exitCode === 0 ? footprintLeftovers(before, await hostFootprint(scope)) : [`down failed (exit ${down.exitCode})`];
    if (left.length) {
      failed += 1;
      console.log(`✖ down left the host changed:\n  ${left.join('\n  ')}`);
    } else {
      passed += 1;
      console.log('✔ down left no interface, network namespace, iptables rule, mount or process behind');
    }
  }
}

await main();
console.log(`real node: ${passed} passed, ${failed} failed`);
