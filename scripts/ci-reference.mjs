// CI's second suite: the reference control plane (real kube-apiserver, controller-manager,
// scheduler, etcd from the upstream Go modules, KWOK nodes). Brings it up (building it the first
// time), runs the driver contract and the card scenario on it with the live driver, every drill
// (setup fails its checks, setup + solution passes them), the corpus of real-world manifests (each
// file's outcome with kubectl against the simulator's), the nightly Job and its RBAC, then the
// fidelity run (KWOK-only nodes, then CI's bounded real-node pass), and stops it; then the real-node cycle (one real node: pods, logs, exec, probes,
// Services and DNS, and a clean `down`).
// Counts: the contract's, the drills' and the corpus's tests, the card run's scenarios, plus one for the fidelity run completing with its report
// (its agreement figure and every disagreement are printed and written to reports/fidelity.txt;
// disagreements are findings for the simulator, tracked there, not CI failures). A machine that
// cannot build the cluster (no Go, no module proxy) is told so and counts nothing.
// Last line: `reference: N passed, N failed`.
import { readFileSync } from 'node:fs';
import { execa } from 'execa';

const kubespec = (...args) => execa('node', ['bin/kubespec.mjs', ...args], { reject: false, all: true, env: { FORCE_COLOR: '0' } });
let passed = 0, failed = 0;
let controlPlaneRan = false;

async function main() {
  const go = await execa('go', ['version'], { reject: false }).catch(() => ({ exitCode: 1 }));
  if (go.exitCode !== 0) {
    console.log('reference cluster: skipped, there is no Go toolchain on this machine to build it');
    return;
  }
  const up = await kubespec('cluster', 'reference', 'up');
  console.log(up.all);
  if (up.exitCode !== 0) {
    console.log('reference cluster: could not be built or started on this machine (see above); its suites are skipped');
    return;
  }
  controlPlaneRan = true;
  try {
    const state = JSON.parse(readFileSync('.cache/reference-cluster/cluster/state.json', 'utf8'));
    const card = await execa('node', ['bin/kubespec.mjs', 'run', '--profile', 'live', '--context', 'kubespec-reference', '--reports', 'reports/reference-card', 'features/workloads/statefulset-scale-down.feature'], {
      reject: false, all: true, env: { FORCE_COLOR: '0', KUBECONFIG: state.kubeconfig },
    });
    console.log(card.all);
    const m = /^kubespec: (\d+) passed, (\d+) failed/m.exec(card.all ?? '');
    passed += m ? Number(m[1]) : 0;
    failed += m ? Number(m[2]) : 1;
    for (const suite of ['scripts/reference-contract.ts', 'scripts/reference-drills.ts', 'scripts/reference-corpus.ts', 'scripts/reference-nightly.ts']) {
      const run = await execa('node', ['--import', 'tsx', '--test-reporter=spec', suite], {
        reject: false, all: true, env: { FORCE_COLOR: '0', KUBECONFIG: state.kubeconfig },
      });
      console.log(run.all);
      const count = (label) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(run.all ?? '')?.[1] ?? 0);
      passed += count('pass');
      failed += count('fail') + count('cancelled') + (count('pass') === 0 ? 1 : 0);
    }
    // Both passes: KWOK-only nodes, then @needs-kubelet with a real node playing worker-1,
    // bounded for CI (--real-node-quick: src/fidelity/real-node-budget.ts leaves out the
    // scenarios that wait longest in real time; the nightly run has them all). The KWOK pass runs
    // three scenarios at a time where they cannot disturb each other (cluster-footprint.ts). The
    // count needs the headline and the real-node line (its verdicts, or why this machine had no real node).
    const fidelity = await kubespec('fidelity', '--real-node-quick', '--parallel', '3');
    console.log(fidelity.all);
    const headline = /^portable \d+ on Kubernetes \S+: agree \d+, disagree \d+, not judged \d+ /m.test(fidelity.all ?? '');
    const realNode = /^real node (\(\S+\): judged \d+ of \d+|: none in this run )/m.test(fidelity.all ?? '');
    if (headline && realNode) passed += 1;
    else failed += 1;
  } finally {
    console.log((await kubespec('cluster', 'reference', 'down')).all);
  }
}

// The real-node cycle (issue 31): its own up with one real node, the pod checks, down, and the
// host compared before and after (scripts/reference-real-node-cycle.ts). Only where the
// control plane could be built; a machine that cannot run a real node counts nothing there.
async function realNodeCycle() {
  const cycle = await execa('node', ['--import', 'tsx', 'scripts/reference-real-node-cycle.ts'], { reject: false, all: true, env: { FORCE_COLOR: '0' } });
  console.log(cycle.all);
  const m = /^real node: (\d+) passed, (\d+) failed$/m.exec(cycle.all ?? '');
  passed += m ? Number(m[1]) : 0;
  failed += m ? Number(m[2]) : 1;
}

await main();
if (controlPlaneRan) await realNodeCycle();
console.log(`reference: ${passed} passed, ${failed} failed`);
