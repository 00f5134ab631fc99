import { defineStep, type World } from '@cucumber/cucumber';
import { UnsupportedError, type Driver } from './drivers/driver.ts';
import { ownerVariantOf } from './operations/owner-variants.ts';
import { resolveOwned, type OwnedSelection } from './operations/select-owned.ts';
import { arityOf, patternsOf, type StepSpec } from './step-catalog.ts';
import { maskSecrets, secretValues } from './report/secret-values.ts';

/**
 * Registers step specs with Cucumber: the built-in vocabulary, and a team's own steps written
 * the same way. A spec's `within` variant gets the duration as its last
 * parameter (before a doc string or table); the spec's `run` sees them sorted out.
 */
export function defineSteps(specs: readonly StepSpec[]): void {
  for (const spec of specs) {
    registered.push(spec);
    for (const pattern of patternsOf(spec)) {
      const hasWithin = spec.eventual !== undefined && /within \{duration\}:?$/.test(pattern);
      // An owner selection in place of the step's named object (operations/owner-variants.ts).
      const owner = pattern.includes('{owned}') ? ownerVariantOf(spec.pattern) : undefined;
      const takesBlock = pattern.endsWith(':');
      const arity = arityOf(pattern);
      const handler = async function (this: World, ...passed: unknown[]) {
        // Cucumber appends a callback after the step's own arguments; it is not ours.
        const raw = passed.slice(0, arity);
        const block = takesBlock ? raw.pop() : undefined;
        const within = hasWithin ? (raw.pop() as number) : spec.eventual === 'always' ? spec.defaultWithin : undefined;
        const expand = namespaceExpander(this);
        // A step that may observe instead says itself which it did (support/traffic-probes.ts).
        if (spec.judgedByModel && !spec.observesTraffic) noteModelJudged(this, spec);
        try {
          if (owner) {
            const driver = (this as unknown as { driver: Driver }).driver;
            const ref = await resolveOwned(driver, raw[owner.index] as OwnedSelection, owner.replaces === 'pod-name', within);
            raw.splice(owner.index, 1, ...(owner.replaces === 'kind-name' ? [ref.kind, ref.name] : [ref.name]));
          }
          await spec.run.call(this, {
            args: raw.map((a) => (typeof a === 'string' ? expand(a) : a)),
            within,
            docString: typeof block === 'string' ? expand(block) : undefined,
            rows: block && typeof block === 'object' && 'raw' in block ? (block as { raw(): string[][] }).raw().map((row) => row.map(expand)) : undefined,
          });
        } catch (e) {
          // A driver that cannot do this safely skips the step and says why (DESIGN.md "The driver").
          if (e instanceof UnsupportedError) {
            this.log(`skipped: ${e.message}`);
            return 'skipped';
          }
          if (e instanceof Error) {
            await maskSecretsIn(e, this);
            namingTheVersion(e, this);
            atFeatureLine(e, this);
          }
          throw e;
        }
        return undefined;
      };
      // Cucumber checks a step function's arity against its pattern.
      Object.defineProperty(handler, 'length', { value: arity });
      if (spec.timeout === undefined) defineStep(pattern, handler);
      else defineStep(pattern, { timeout: spec.timeout }, handler);
    }
  }
}

const registered: StepSpec[] = [];

/**
 * Ends a failing step's message with the Kubernetes version it ran against (issue 26): a scenario
 * that holds on one minor and not on another says which one it met, in the console, Allure and
 * JUnit alike. A run's parameters carry the version (`kubespec run --kubernetes-version`, or the
 * live cluster's own).
 */
function namingTheVersion(error: Error, world: World): void {
  const { kubernetesGitVersion: version, profile } = (world.parameters ?? {}) as { kubernetesGitVersion?: string; profile?: string };
  if (!version || version === 'unknown') return;
  const note = profile === 'live' ? `(on the cluster's Kubernetes ${version})` : `(on the simulated Kubernetes ${version})`;
  if (error.message.endsWith(note)) return;
  const head = `${error.name}: ${error.message}`;
  error.message = `${error.message}\n${note}`;
  if (error.stack?.startsWith(head)) error.stack = `${error.name}: ${error.message}${error.stack.slice(head.length)}`;
}

/**
 * Makes the failing step's feature line the error's location (issue 27): the console, Allure's
 * trace and JUnit show `at features/x.feature:12`, not kubespec's step-definition source.
 * kubespec's own errors (a UserError, an API refusal, an ...AssertionError) carry no frames of
 * their own; any other error is a bug, whose frames are kept below the feature line.
 */
function atFeatureLine(error: Error, world: World): void {
  const place = (world as { place?: { uri: string; line: number } }).place;
  if (!place) return;
  const head = `${error.name}: ${error.message}`;
  const frames = (error.stack ?? head).startsWith(head) ? (error.stack ?? head).slice(head.length) : `\n${error.stack ?? ''}`;
  const own = /AssertionError$/.test(error.name) || !/\n\s+at /.test(frames);
  error.stack = `${head}\n    at ${place.uri}:${place.line}${own ? '' : frames}`;
}

/** Every spec defineSteps registered in this process (built-in and team steps), for `kubespec check`. */
export function registeredStepSpecs(): readonly StepSpec[] {
  return registered;
}

/**
 * A failure message quotes what it found, and that may be a Secret's value (an environment
 * variable taken from one, a file of a Secret volume): the values of the Secrets the scenario
 * applied and of those in its namespace are masked before Cucumber reports the error.
 */
async function maskSecretsIn(error: Error, world: World): Promise<void> {
  const w = world as { applied?: Array<{ kind?: string }>; driver?: { list(kind: string): Promise<Array<{ kind?: string }>> } };
  const stored = await w.driver?.list('Secret').catch(() => []) ?? [];
  const values = secretValues([...(w.applied ?? []), ...stored.map((s) => ({ ...s, kind: 'Secret' }))]);
  if (values.length === 0) return;
  error.message = maskSecrets(error.message, values);
  if (error.stack) error.stack = maskSecrets(error.stack, values);
}

/** The report's list of steps whose verdict a kubespec model gave (hooks.ts attaches it). */
function noteModelJudged(world: World, spec: StepSpec): void {
  const w = world as { modelJudged?: Set<string>; place?: { uri: string; line: number } };
  w.modelJudged?.add(`${w.place ? `${w.place.uri}:${w.place.line} ` : ''}${spec.pattern}: judged by ${spec.judgedByModel}`);
}

/** What `${namespace}` in a step or its doc string stands for. */
export const NAMESPACE_PLACEHOLDER = '${namespace}';

/**
 * Scenarios run in a namespace of their own on a live cluster (`default` on the simulator), so a
 * step that must name it (a DNS name, a RoleBinding subject) writes `${namespace}`.
 */
function namespaceExpander(world: World): (text: string) => string {
  const driver = (world as { driver?: { namespace(): string } }).driver;
  return (text) => (driver && text.includes(NAMESPACE_PLACEHOLDER) ? text.replaceAll(NAMESPACE_PLACEHOLDER, driver.namespace()) : text);
}
