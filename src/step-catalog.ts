import type { Manifest } from './drivers/driver.ts';
import type { Capability } from './drivers/capabilities.ts';
import type { Footprint } from './drivers/live/cluster-footprint.ts';
import { ownerVariantOf } from './operations/owner-variants.ts';

/**
 * How built-in (and team) steps are declared: as data, so `kubespec steps` can list them with
 * an example each, and registration with Cucumber happens in one place.
 */
export interface StepCall {
  /** The expression's parameters, transformed by their parameter types. */
  args: unknown[];
  /** The timeout of a `... within T` variant, in milliseconds. */
  within?: number;
  docString?: string;
  /** A Gherkin data table's rows (first row included). */
  rows?: string[][];
}

export interface StepSpec<W = any> {
  /** A Cucumber expression. A trailing ':' means the step takes a doc string or a data table. */
  pattern: string;
  /** One example, exactly as a scenario writes it (keyword included). */
  example: string;
  /** The feature area, as in features/<area>/. */
  area: string;
  /** What the step does, in one sentence; shown by `kubespec steps`. */
  doc: string;
  /**
   * `optional`: also registered with ` within {duration}` (before a trailing ':'), which turns
   * the check into an eventual one. `always`: the check always waits (ordering steps), with
   * `defaultWithin` when no `within` is given.
   */
  eventual?: 'optional' | 'always';
  defaultWithin?: number;
  /**
   * Set when the verdict comes from a kubespec model of the data plane (NetworkPolicy, Service
   * routing, DNS, Ingress, mesh) that reads the cluster's objects, rather than from traffic on
   * the cluster: names the model. Such steps cannot tell a live cluster's truth, and `kubespec
   * steps`, the report and the fidelity run say so.
   */
  judgedByModel?: string;
  /**
   * Set on a `judgedByModel` step that observes the cluster where it can (issue 31): on a live
   * cluster with a node that runs containers it sends real traffic (a DNS lookup, a TCP
   * connection) and judges what came back; elsewhere, or where the cluster cannot answer for real
   * (NetworkPolicy kubespec cannot tell is enforced), it keeps the model and says why. Names how it
   * observes. The step itself records which it did (support/traffic-probes.ts), and a fidelity
   * run judges scenarios with such steps in its real-node pass.
   */
  observesTraffic?: string;
  /**
   * The driver capabilities the step needs beyond the core (drivers/capabilities.ts). A scenario
   * with such a step is not applicable on a driver without them, and is reported so before it
   * starts; `kubespec steps` lists them.
   */
  needs?: readonly Capability[];
  /**
   * What the step reaches on a live cluster beyond its scenario's namespace (a cluster shape,
   * nodes, a chart's objects), for a parallel live run to keep apart the scenarios that could
   * disturb each other (drivers/live/cluster-footprint.ts). The kinds a step names and the objects
   * of its doc string or precheck count without it.
   */
  footprint?: (call: StepCall) => Footprint | undefined;
  /**
   * What `kubespec check` can know of the step before any scenario runs: throws a UserError for
   * a value that cannot work (a manifest file that is missing or does not parse, a quantity),
   * and returns the manifests the step will apply, so that the kinds their
   * CustomResourceDefinitions define count as known. Must not touch a cluster.
   */
  precheck?: (call: PrecheckCall) => { manifests?: readonly Manifest[] } | void;
  /**
   * The step's own time limit in wall milliseconds, for a step that runs an outside program
   * which keeps its own deadline (helm, built on first use); default the run's (5 s on the
   * simulator).
   */
  timeout?: number;
  run: (this: W, call: StepCall) => Promise<void>;
}

/** A step's arguments as `kubespec check` sees them, with where its doc string sits. */
export interface PrecheckCall extends StepCall {
  /** The project whose features are checked (manifests are looked up under its scenarios/). */
  projectRoot: string;
  /** The feature file and the file line of the doc string's first line, for YAML messages. */
  docStringOrigin?: { file: string; firstLine: number };
}

/** The pattern of a step's `within` variant. */
export function withinPattern(pattern: string): string {
  return pattern.endsWith(':') ? `${pattern.slice(0, -1)} within {duration}:` : `${pattern} within {duration}`;
}

/**
 * Every pattern a spec registers: its own, its `within` variant, and for a step about one named
 * object the same two with an owner selection in place of the name (`ownerVariantOf`).
 */
export function patternsOf(spec: StepSpec): string[] {
  const own = spec.eventual ? [spec.pattern, withinPattern(spec.pattern)] : [spec.pattern];
  return [...own, ...own.flatMap((p) => ownerVariantOf(p)?.pattern ?? [])];
}

/** How many arguments Cucumber passes for a pattern (parameters plus a doc string or table). */
export function arityOf(pattern: string): number {
  return (pattern.match(/\{[^}]*\}/g) ?? []).length + (pattern.endsWith(':') ? 1 : 0);
}
