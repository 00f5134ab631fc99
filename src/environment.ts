/**
 * The one place in src/ that touches the process environment (DESIGN.md: configuration,
 * environment variables included, is read in one place and passed down). The programmatic API
 * gets the environment as a parameter (`RunEnvironment.env`, from bin/kubespec.mjs); what is
 * below it takes the values it needs as parameters; the support code reads what a run handed it
 * with `supportCodeSettings()`. test/architecture/process-env.test.ts fails on a `process.env`
 * anywhere else in src/, steps/ or support/.
 *
 * The variables kubespec reads:
 *   KUBECONFIG                 the kubeconfig of a live run, as kubectl reads it (else ~/.kube/config);
 *                              `kubespec serve --merge-kubeconfig` writes to its first file
 *   KUBESPEC_ALLOWED_CONTEXTS  comma-separated contexts a live run may use besides kind-*,
 *                              kubespec (serve) and kubespec-reference
 *   KUBERNETES_SERVICE_HOST    set in every pod: the in-cluster context is allowed only there
 *   JOB_COMPLETION_INDEX       set by an Indexed Job: the shard `kubespec nightly shard` runs
 *   POD_NAMESPACE              the namespace a nightly shard writes its results to
 *   KUBESPEC_PROFILE           } set by `run` and drill grading for the support code Cucumber loads
 *   KUBESPEC_DRIVER            } into the same process (step timeouts, a team's driver module):
 *                                a channel inside kubespec, not a setting for users
 * Child processes (the reference cluster's components, `go build`, a fidelity side's own
 * `kubespec run`) inherit the whole environment plus their own additions.
 */

/** Environment variables by name, as `process.env` holds them. */
export type Environment = Record<string, string | undefined>;

/** The environment kubespec was started with: the default where a caller passes none. */
export function processEnvironment(): Environment {
  return process.env;
}

/** The environment for a child process: this process's, with these variables added or replaced. */
export function inheritedEnvironment(additions: Environment = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...additions };
}

/** What a run tells the support code Cucumber loads into this process, before it loads. */
export interface SupportCodeSettings {
  /** sim or live: the support code's step timeout depends on it. */
  profile: string;
  /** The absolute path of a team's driver module, if the run has one. */
  driverModule?: string;
}

/**
 * Hands the settings to the support code. Cucumber imports support/*.ts itself, so there is no
 * call to pass them through; the environment is the channel (it is also what a `--parallel`
 * worker process inherits).
 */
export function handToSupportCode(settings: SupportCodeSettings): void {
  process.env.KUBESPEC_PROFILE = settings.profile;
  if (settings.driverModule) process.env.KUBESPEC_DRIVER = settings.driverModule;
  else delete process.env.KUBESPEC_DRIVER;
}

/** The settings a run handed to the support code (`handToSupportCode`); sim when none was. */
export function supportCodeSettings(): SupportCodeSettings {
  const driverModule = process.env.KUBESPEC_DRIVER;
  return { profile: process.env.KUBESPEC_PROFILE ?? 'sim', ...(driverModule ? { driverModule } : {}) };
}
