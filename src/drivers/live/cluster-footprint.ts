import { kindOfResourceWord } from '../../kube/kinds.ts';

/**
 * What a scenario reaches on a live cluster beyond its own namespace, known before it runs
 * (`kubespec check` works it out from the steps), so that a parallel live run starts side by side
 * only scenarios that cannot disturb each other. Namespaces keep everything else apart.
 * - `alone`: it changes what every scenario shares (node labels, taints and cordons; a
 *   cluster-scoped object such as a ClusterRole, a StorageClass or a namespace of its own; a
 *   chart's objects), or its author said so with @serial. It runs with no other scenario.
 * - `workers`: it describes its cluster as the first N workers ("a cluster with 2 worker nodes"),
 *   for which the live driver fences the other workers off. It runs only beside scenarios that
 *   want the same workers, which share the fence (LiveDriver.addNodes).
 * Undefined: its namespace only, on whatever workers the cluster has.
 */
export type Footprint = { alone: string } | { workers: number };

/** The tag with which an author keeps a scenario from running beside any other. */
export const SERIAL_TAG = '@serial';

/** A scenario's footprint from its steps' footprints: alone wins, and two cluster shapes cannot both hold. */
export function combineFootprints(a: Footprint | undefined, b: Footprint | undefined): Footprint | undefined {
  if (!a || !b) return a ?? b;
  if ('alone' in a) return a;
  if ('alone' in b) return b;
  return a.workers === b.workers ? a : { alone: `describes its cluster as ${a.workers} and as ${b.workers} workers` };
}

/** Whether two scenarios may run at once on one live cluster. */
export function canRunBeside(a: Footprint | undefined, b: Footprint | undefined): boolean {
  if ((a && 'alone' in a) || (b && 'alone' in b)) return false;
  return (a?.workers ?? 'all') === (b?.workers ?? 'all');
}

/**
 * The footprint of writing objects of these kinds: alone for a cluster-scoped kind, and for a
 * kind kubespec does not know (a custom resource may be cluster-scoped, and its definition is).
 */
export function kindsFootprint(kinds: readonly string[]): Footprint | undefined {
  for (const kind of kinds) {
    const info = kindOfResourceWord(kind);
    if (!info) return { alone: `writes ${withArticle(kind)}, a kind whose scope kubespec does not know before the run` };
    if (!info.namespaced) return { alone: `writes ${withArticle(info.kind)}, which is cluster-scoped` };
  }
  return undefined;
}

const withArticle = (kind: string) => `${/^[AEIOU]/.test(kind) ? 'an' : 'a'} ${kind}`;

/**
 * The kinds of the objects in a doc string, read from each YAML document's top-level `kind:`
 * line without parsing it (a doc string that is not a manifest has none, and one that does not
 * parse is `kubespec check`'s to report).
 */
export function docStringKinds(text: string): string[] {
  return [...text.matchAll(/^kind:\s*["']?([A-Za-z][A-Za-z0-9]*)/gm)].map((m) => m[1]!);
}

/** kubectl commands that only read (or run inside a container of the scenario's own pods). */
const READING = new Set([
  'get', 'describe', 'explain', 'logs', 'exec', 'top', 'api-resources', 'api-versions', 'version', 'auth', 'wait',
  'events', 'diff', 'cluster-info', 'config', 'completion', 'options', 'help', 'port-forward', 'attach', 'cp',
]);

/** Node commands, and writes that name nodes. */
export function touchesNodes(args: readonly string[]): boolean {
  const [verb] = args;
  if (['taint', 'cordon', 'uncordon', 'drain'].includes(verb ?? '')) return true;
  const writes = ['label', 'annotate', 'patch', 'edit', 'apply', 'replace', 'delete', 'create', 'set'];
  return writes.includes(verb ?? '') && args.some((a) => /^(node|nodes|no)(\/|$)/.test(a));
}

/**
 * The footprint of a kubectl command (its arguments after `kubectl`; `${namespace}` stands for
 * the scenario's namespace): alone when it may change nodes, writes a cluster-scoped resource,
 * writes in another namespace or everywhere, or applies files whose content is not read here.
 */
export function kubectlFootprint(args: readonly string[]): Footprint | undefined {
  const [verb = ''] = args;
  if (READING.has(verb)) return undefined;
  const command = `kubectl ${args.join(' ')}`;
  if (touchesNodes(args) || verb === 'certificate') return { alone: `"${command}" changes what every scenario shares` };
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') ? arg.split('=', 2) as [string, string | undefined] : [arg, undefined];
    if (flag === '-A' || flag === '--all-namespaces') return { alone: `"${command}" writes in every namespace` };
    if (flag === '-n' || flag === '--namespace' || /^-n\S/.test(arg)) {
      const namespace = inline ?? (arg.length > 2 && !arg.startsWith('--') ? arg.slice(2) : args[i + 1]);
      // `${namespace}` is define-steps.ts's NAMESPACE_PLACEHOLDER: the scenario's own.
      if (namespace !== '${namespace}') return { alone: `"${command}" writes in namespace "${namespace}", which other scenarios share` };
    }
    if (['-f', '--filename', '-k', '--kustomize'].includes(flag) && (inline ?? args[i + 1]) !== '-') return { alone: `"${command}" applies files kubespec does not read before the run` };
    if (arg.startsWith('-')) continue;
    // Each word of a resource list (`deploy,ns`) or a `type/name`.
    for (const word of arg.split(',')) {
      const info = kindOfResourceWord(word);
      if (info && !info.namespaced) return { alone: `"${command}" writes ${info.plural}, which are cluster-scoped` };
    }
  }
  return undefined;
}

/**
 * One step's footprint: what its spec declares (a write of a kind it names declares that kind),
 * and the objects it applies from its doc string or a file (its precheck's manifests). A step that
 * only reads a cluster-scoped object (`Node "worker-1" matches`) reaches nothing: what it reads is
 * changed only by scenarios that run alone.
 */
export function stepFootprint(declared: Footprint | undefined, docString: string | undefined, manifests: ReadonlyArray<{ kind: string }>): Footprint | undefined {
  return combineFootprints(declared, kindsFootprint([...docStringKinds(docString ?? ''), ...manifests.map((m) => m.kind)]));
}
