import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { compareHistory, HELM_RELEASE_STATUSES, KubespecAssertionError, releaseHistory, releaseStatus, packageRoot, releaseCommand, UserError, withCapability, type HelmAction, type HelmPlaces, type ReleaseRequest, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/**
 * Helm in scenarios (issue 30): the real, pinned Helm installs, upgrades, rolls back and
 * uninstalls releases of a chart folder or packaged chart, through the scenario's cluster (the
 * simulator served on a loopback port, or the live context). A step that changes a release must
 * succeed, unless the step after it is "the <action> fails with …", which then checks the failure.
 */

/** A cold build of helm takes minutes; helm keeps its own --timeout below this. */
const HELM_STEP_TIMEOUT_MS = 30 * 60_000;

/** The step that checks an action's failure, as the step before it sees it. */
const failureCheck = /^the (install|upgrade|rollback|uninstall) fails with /;

/** The last release action whose failure the next step expects, per scenario. */
const expectedFailures = new WeakMap<KubespecWorld, { action: HelmAction; output: string }>();

function places(world: KubespecWorld): HelmPlaces {
  const featureDir = world.place ? resolve(world.projectRoot, dirname(world.place.uri)) : resolve(world.projectRoot);
  return { featureDir, projectRoot: resolve(world.projectRoot), packageRoot };
}

/** The doc string as a values file (checked as YAML first, so a mistake points at the feature line). */
function valuesFile(world: KubespecWorld, docString: string | undefined): string | undefined {
  if (docString === undefined) return undefined;
  const values = world.yamlFrom(docString);
  if (values !== null && (typeof values !== 'object' || Array.isArray(values))) {
    throw new UserError(`${world.place?.uri}:${world.place?.line}: Helm values must be a YAML mapping (key: value), not ${Array.isArray(values) ? 'a list' : `"${values}"`}`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'kubespec-values-')), 'values.yaml');
  writeFileSync(file, docString);
  return file;
}

const said = (r: { stdout: string; stderr: string }) => [r.stdout, r.stderr].filter((s) => s.trim()).join('\n').trim() || '(nothing)';

const helm = (world: KubespecWorld) => withCapability(world.driver, 'helm');

/** Runs a release action; a failure fails the step unless the next step expects it. */
async function act(world: KubespecWorld, request: ReleaseRequest): Promise<void> {
  expectedFailures.delete(world);
  const command = releaseCommand(request, places(world));
  const r = await helm(world).helm(command);
  if (r.exitCode === 0) return;
  const check = failureCheck.exec(world.nextStep ?? '');
  if (check && check[1] === request.action) {
    expectedFailures.set(world, { action: request.action, output: said(r) });
    return;
  }
  throw new KubespecAssertionError(`helm ${request.action} of release "${request.release}" failed (exit ${r.exitCode}):\n${said(r)}`);
}

/** The release's status; a release that does not exist fails the step. */
async function existing(world: KubespecWorld, release: string) {
  const status = await releaseStatus(helm(world), release, places(world));
  if (!status) throw new KubespecAssertionError(`release "${release}" does not exist in the scenario's namespace`);
  return status;
}

/** What a release's change reaches: the chart's objects, which kubespec does not render before the run (a ClusterRole, a CRD). */
const writesChart = () => ({ alone: "writes a chart's objects, which may be cluster-scoped" });

/** Install and upgrade: with flags, values, both or neither. */
function chartSteps(action: 'install' | 'upgrade'): StepSpec<KubespecWorld>[] {
  const verb = action === 'install' ? 'installed' : 'upgraded';
  const base = `release {string} is ${verb} from chart {string}`;
  const common = { area: 'helm', needs: ['helm'] as const, timeout: HELM_STEP_TIMEOUT_MS, footprint: writesChart };
  const run = (world: KubespecWorld, release: unknown, chart: unknown, flags?: unknown, docString?: string) =>
    act(world, { action, release: release as string, chart: chart as string, flags: flags as string | undefined, valuesFile: valuesFile(world, docString) });
  return [
    {
      ...common,
      pattern: base,
      example: `When release "web" is ${verb} from chart "web"`,
      doc: `helm ${action} of a chart folder or packaged chart (.tgz), looked for beside the feature file, then in the project's scenarios/charts/, then kubespec's; must succeed unless the next step is "the ${action} fails with …".`,
      async run({ args: [release, chart] }) {
        await run(this, release, chart);
      },
    },
    {
      ...common,
      pattern: `${base} with {string}`,
      example: `When release "web" is ${verb} from chart "web" with "--wait --timeout 2m --set replicaCount=3 -f values/prod.yaml"`,
      doc: `helm ${action} with flags as helm takes them (--set, --set-string, -f files beside the feature file, --wait, --rollback-on-failure/--atomic, --timeout in the cluster's time); the namespace and cluster are the scenario's.`,
      async run({ args: [release, chart, flags] }) {
        await run(this, release, chart, flags);
      },
    },
    {
      ...common,
      pattern: `${base} with values:`,
      example: `When release "web" is ${verb} from chart "web" with values:\n  """yaml\n  replicaCount: 3\n  """`,
      doc: `helm ${action} with the doc string as a values file (given last, so it wins over the chart's values).`,
      async run({ args: [release, chart], docString }) {
        await run(this, release, chart, undefined, docString);
      },
    },
    {
      ...common,
      pattern: `${base} with {string} and values:`,
      example: `When release "web" is ${verb} from chart "web" with "--wait" and values:\n  """yaml\n  image: {tag: "1.27"}\n  """`,
      doc: `helm ${action} with flags and the doc string as the last values file.`,
      async run({ args: [release, chart, flags], docString }) {
        await run(this, release, chart, flags, docString);
      },
    },
  ];
}

const common = { area: 'helm', needs: ['helm'] as const, timeout: HELM_STEP_TIMEOUT_MS };

export const steps: StepSpec<KubespecWorld>[] = [
  ...chartSteps('install'),
  ...chartSteps('upgrade'),
  {
    ...common,
    pattern: 'release {string} is rolled back',
    example: 'When release "web" is rolled back',
    doc: 'helm rollback to the previous revision (a new revision with its manifests); must succeed unless the next step is "the rollback fails with …".',
    footprint: writesChart,
    async run({ args: [release] }) {
      await act(this, { action: 'rollback', release: release as string });
    },
  },
  {
    ...common,
    pattern: 'release {string} is rolled back to revision {int}',
    example: 'When release "web" is rolled back to revision 1',
    doc: 'helm rollback to that revision; a new revision is written with its manifests.',
    footprint: writesChart,
    async run({ args: [release, revision] }) {
      await act(this, { action: 'rollback', release: release as string, revision: revision as number });
    },
  },
  {
    ...common,
    pattern: 'release {string} is rolled back to revision {int} with {string}',
    example: 'When release "web" is rolled back to revision 1 with "--wait --timeout 2m"',
    doc: 'helm rollback to that revision with flags as helm takes them (--wait, --timeout in the cluster\'s time, --force).',
    footprint: writesChart,
    async run({ args: [release, revision, flags] }) {
      await act(this, { action: 'rollback', release: release as string, revision: revision as number, flags: flags as string });
    },
  },
  {
    ...common,
    pattern: 'release {string} is uninstalled',
    example: 'When release "web" is uninstalled',
    doc: 'helm uninstall: its objects are deleted (pre- and post-delete hooks run) and the release is gone unless --keep-history is given.',
    footprint: writesChart,
    async run({ args: [release] }) {
      await act(this, { action: 'uninstall', release: release as string });
    },
  },
  {
    ...common,
    pattern: 'release {string} is uninstalled with {string}',
    example: 'When release "web" is uninstalled with "--keep-history --wait"',
    doc: 'helm uninstall with flags as helm takes them (--keep-history, --wait, --cascade, --no-hooks).',
    footprint: writesChart,
    async run({ args: [release, flags] }) {
      await act(this, { action: 'uninstall', release: release as string, flags: flags as string });
    },
  },
  {
    ...common,
    pattern: 'the {release-action} fails with {string}',
    example: 'Then the upgrade fails with "spec.replicas: Invalid value: -1"',
    doc: 'The release step just before (install, upgrade, rollback or uninstall) failed, and what helm said contains the text: its own message, such as a chart template\'s file and line, the API server\'s refusal or a --wait timeout.',
    async run({ args: [action, text] }) {
      const failure = expectedFailures.get(this);
      expectedFailures.delete(this);
      if (!failure) throw new KubespecAssertionError(`the step before did not fail: this step checks the failure of the release ${action} just before it`);
      if (!failure.output.includes(text as string)) throw new KubespecAssertionError(`the ${failure.action} failed without "${text}"; helm said:\n${failure.output}`);
    },
  },
  {
    ...common,
    pattern: 'release {string} is at revision {int}',
    example: 'Then release "web" is at revision 3',
    doc: 'helm status: the release\'s current revision is that number.',
    async run({ args: [release, revision] }) {
      const status = await existing(this, release as string);
      if (status.version !== revision) throw new KubespecAssertionError(`release "${release}" is at revision ${status.version}, not ${revision} (status ${status.info.status}: ${status.info.description ?? ''})`);
    },
  },
  {
    ...common,
    pattern: 'release {string} has status {word}',
    example: 'Then release "web" has status deployed',
    doc: `helm status: the release's current revision has that status (${HELM_RELEASE_STATUSES.join(', ')}).`,
    async run({ args: [release, expected] }) {
      if (!HELM_RELEASE_STATUSES.includes(expected as string)) throw new UserError(`"${expected}" is not a Helm release status; they are ${HELM_RELEASE_STATUSES.join(', ')}`);
      const status = await existing(this, release as string);
      if (status.info.status !== expected) throw new KubespecAssertionError(`release "${release}" has status ${status.info.status} at revision ${status.version}, not ${expected} (${status.info.description ?? ''})`);
    },
  },
  {
    ...common,
    pattern: 'release {string} does not exist',
    example: 'Then release "web" does not exist',
    doc: 'helm status finds no release of that name in the scenario\'s namespace (uninstalled without --keep-history, or never installed).',
    async run({ args: [release] }) {
      const status = await releaseStatus(helm(this), release as string, places(this));
      if (status) throw new KubespecAssertionError(`release "${release}" exists: revision ${status.version}, status ${status.info.status}`);
    },
  },
  {
    ...common,
    pattern: 'release {string} has the history:',
    example: 'Then release "web" has the history:\n  | revision | status     | description      |\n  | 1        | superseded | Install complete |\n  | 2        | failed     | *                |\n  | 3        | deployed   | Rollback to 1    |',
    doc: 'helm history, revision by revision, every one listed; the columns are any of revision, status, chart, app version, description (a description cell is contained in Helm\'s; `*` stands for anything).',
    async run({ args: [release], rows }) {
      const history = await releaseHistory(helm(this), release as string, places(this));
      if (!history.length) throw new KubespecAssertionError(`release "${release}" does not exist in the scenario's namespace`);
      const problems = compareHistory(rows ?? [], history);
      if (problems) throw new KubespecAssertionError(`release "${release}" has another history: ${problems}\nhelm history:\n${history.map((h) => `${h.revision}\t${h.status}\t${h.chart}\t${h.app_version}\t${h.description}`).join('\n')}`);
    },
  },
];
