/**
 * The walls between kubespec's layers (shared DESIGN.md "Layout: the rooms and their walls"),
 * checked by dependency-cruiser in `npm test` (test/architecture/dependency-rules.test.ts).
 * From the top: src/cli -> src/api, src/serve -> src/fidelity, src/drills, src/nightly,
 * src/report -> steps/, support/ -> src/drivers -> src/apiserver -> src/sim -> src/kube (the
 * shared vocabulary). An import may point down, never up, and no module may reach itself
 * through its imports.
 *
 * src/apiserver is the one implementation of the Kubernetes API over the simulator (issue 28):
 * `kubespec serve` is its HTTP transport and the simulator driver calls it in process. It is not
 * inside src/sim because it reads the upstream OpenAPI documents (node:fs) and hashes tokens
 * (node:crypto), which the simulator may not do (STYLE.md "Boundaries").
 *
 * Not here, because imports cannot show it: process.env is read only in src/environment.ts
 * (test/architecture/process-env.test.ts).
 *
 * Deliberately allowed for now: src/serve imports src/sim for what is not a request (the cluster
 * it serves, discovery's kinds, snapshots, exec, metrics) besides src/apiserver.
 */

/** Everything above the simulator: it knows none of them. */
const ABOVE_SIM = '^(src/(apiserver|drivers|serve|cli|api|fidelity|report|drills|nightly|coverage|corpus)/|src/index\\.ts$|steps/|support/)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'A cycle makes two modules one: neither can be understood, tested or moved alone.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'sim-imports-nothing-above-it',
      comment: 'The simulator is a cluster; drivers, steps, serve, the CLI and the reports use it, never the other way.',
      severity: 'error',
      from: { path: '^src/sim/' },
      to: { path: ABOVE_SIM },
    },
    {
      name: 'api-server-knows-no-door',
      comment: 'kubespec serve (HTTP) and the simulator driver (in process) both call the API server, so it knows neither, nor HTTP: what one door gets, the other gets too.',
      severity: 'error',
      from: { path: '^src/apiserver/' },
      to: { path: '^(src/(drivers|serve|cli|api|fidelity|report|drills|nightly|coverage|corpus)/|src/index\\.ts$|steps/|support/|(node:)?(http|https|http2|net)$)' },
    },
    {
      name: 'live-driver-not-sim',
      comment: 'The live driver talks to a real cluster; what it shares with the simulator is vocabulary (src/kube).',
      severity: 'error',
      from: { path: '^src/drivers/live/' },
      to: { path: '^src/sim/' },
    },
    {
      name: 'driver-interface-not-sim',
      comment: 'The driver interface is what every cluster offers; its types come from the vocabulary, not from one implementation.',
      severity: 'error',
      from: { path: '^src/drivers/(driver|capabilities|errors)\\.ts$' },
      to: { path: '^src/sim/' },
    },
    {
      name: 'steps-not-sim',
      comment: 'Steps work through the driver, so they run on any cluster (STYLE.md: no world.sim in a step).',
      severity: 'error',
      from: { path: '^(steps|support)/' },
      to: { path: '^src/sim/' },
    },
    {
      name: 'steps-use-the-step-kit',
      comment: 'src/api/ loads the steps, so a step reaching the commands (or src/index.ts, which exports them) closes a cycle: steps and support import src/step-kit.ts.',
      severity: 'error',
      from: { path: '^(steps|support)/' },
      to: { path: '^src/(index\\.ts$|api/)' },
    },
    {
      name: 'step-helpers-not-sim',
      comment: 'Assertions, operations and parsers serve steps on every driver: they judge what the driver returns.',
      severity: 'error',
      from: { path: '^src/(assertions|operations|parse)/' },
      to: { path: '^src/sim/' },
    },
    {
      name: 'kube-is-the-bottom',
      comment: 'The shared vocabulary imports nothing above it (DESIGN.md), so everyone can use it.',
      severity: 'error',
      from: { path: '^src/kube/' },
      to: { path: '^(src/(?!kube/)|steps/|support/)' },
    },
    {
      name: 'client-node-loaded-lazily',
      comment: 'Importing @kubernetes/client-node takes about 2 s of CPU: only live runs load it, with import(), so that simulator runs and their workers start without it (types are free).',
      severity: 'error',
      from: { path: '^(src|steps|support|bin)/' },
      to: { path: '@kubernetes/client-node', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(test|scripts)/' },
    // Type-only imports are dependencies too: a type from the simulator in the driver interface ties them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.mjs', '.js', '.json'] },
  },
};
