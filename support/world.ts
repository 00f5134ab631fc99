import { setWorldConstructor, World, type IWorldOptions } from '@cucumber/cucumber';
import { createDriver, loadDriverModule, parseKubernetesVersion, parseManifests, parseYamlDocuments, supportCodeSettings, UserError, type Driver, type Manifest, type ProfileName } from '../src/step-kit.ts';
import type { StepPlace } from '../src/step-kit.ts';

/** What the run hands every scenario (Cucumber world parameters, set by `kubespec run`). */
export interface KubespecParameters {
  profile: ProfileName;
  seed: number;
  /** The project whose features run: manifests are looked up under its scenarios/manifests. */
  projectRoot: string;
  /** The kubeconfig context of a live run. */
  context?: string;
  /** A kubeconfig file for a live run (a drill's served cluster). */
  kubeconfig?: string;
  /** Grade this existing namespace instead of making one per scenario (kubespec drill check). */
  attachNamespace?: string;
  /** `--strict`: a scenario whose verdict rests on the simulator's assumptions fails. */
  strict?: boolean;
  /** Let the objects come to rest before the final state is recorded (fidelity runs). */
  settle?: boolean;
  /** The run's Kubernetes minor ("1.37"): the simulator plays it; on a live run, the cluster's ('' when unknown). */
  kubernetesVersion?: string;
  /** The same as reports show it ("v1.37.2"). */
  kubernetesGitVersion?: string;
}

/**
 * One scenario's state: its driver, the step running now (for messages that point at the
 * feature file) and what it applied (for the report). Steps reach the cluster only through
 * `driver`.
 */
// A team's driver module (kubespec run --driver), loaded once per process before any scenario.
const { driverModule } = supportCodeSettings();
const customDriver = driverModule ? await loadDriverModule(driverModule) : undefined;

export class KubespecWorld extends World<KubespecParameters> {
  readonly driver: Driver;
  place?: StepPlace;
  /** The text of the scenario's step after the running one, if any (a step may expect its failure). */
  nextStep?: string;
  /** When the latest When step began (driver time): invariant checks look at the time since. */
  actionStartedAt = 0;
  readonly applied: Manifest[] = [];
  /** Steps whose verdict came from a kubespec model rather than the cluster (define-steps.ts). */
  readonly modelJudged = new Set<string>();
  /** Steps that observe traffic where a node runs containers, and what each did (support/traffic-probes.ts). */
  readonly trafficProbed = new Set<string>();
  /** Why the scenario cannot run on this driver (a step needs a capability it lacks), if so. */
  notApplicable?: string;
  /** Assumptions the scenario checked on purpose (steps/assumptions.ts); --strict accepts them. */
  readonly acknowledgedAssumptions = new Set<string>();

  constructor(options: IWorldOptions<KubespecParameters>) {
    super(options);
    const profile = this.parameters.profile ?? 'sim';
    this.driver = customDriver
      ? customDriver({ profile, seed: this.parameters.seed, context: this.parameters.context, projectRoot: this.parameters.projectRoot })
      : createDriver(profile, {
        context: this.parameters.context, kubeconfig: this.parameters.kubeconfig, attachNamespace: this.parameters.attachNamespace,
        ...(profile === 'sim' && this.parameters.kubernetesVersion ? { kubernetesVersion: parseKubernetesVersion(this.parameters.kubernetesVersion) } : {}),
      });
  }

  /** The step's YAML doc string as manifests; errors point at the feature file's lines. */
  manifestsFrom(docString: string | undefined): Manifest[] {
    return parseManifests(docString ?? '', this.docStringOrigin());
  }

  /** The step's YAML doc string as one value (an expectation or a patch). */
  yamlFrom(docString: string | undefined): any {
    const docs = parseYamlDocuments(docString ?? '', this.docStringOrigin());
    if (docs.length !== 1) throw new UserError(`${this.place?.uri}:${this.place?.line}: the doc string must hold exactly one YAML document`);
    return docs[0]!.value;
  }

  private docStringOrigin() {
    if (!this.place?.docStringLine) throw new UserError(`${this.place?.uri ?? 'this feature'}:${this.place?.line ?? '?'}: this step needs a YAML doc string`);
    return { file: this.place.uri, firstLine: this.place.docStringLine + 1 };
  }

  get seed(): number {
    return Number(this.parameters.seed ?? 1);
  }

  get projectRoot(): string {
    return this.parameters.projectRoot ?? '.';
  }
}

setWorldConstructor(KubespecWorld);
