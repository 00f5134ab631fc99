import { topologyNameLabel } from '../../cluster/kind/kind-config.ts';
import type { KubeObject } from '../driver.ts';
import { literalPattern } from '../../kube/literal-pattern.ts';

const HOSTNAME = 'kubernetes.io/hostname';

/**
 * Scenarios name nodes as topologies do (`worker-1`, `control-plane`); a kind cluster names them
 * `<cluster>-worker`, `<cluster>-worker2`, `<cluster>-control-plane`. This maps between the two
 * wherever a node's name travels: Node objects and their hostname label, a pod's nodeName,
 * nodeSelector and node affinity (in templates too), node paths, and event messages. A node
 * made by `kubespec cluster up` says its topology name in a label; a plain kind cluster's names
 * follow kind's pattern; any other node keeps its name.
 */
export class NodeNames {
  private constructor(private readonly toClusterNames: ReadonlyMap<string, string>, private readonly toScenarioNames: ReadonlyMap<string, string>) {}

  static fromNodes(nodes: readonly KubeObject[]): NodeNames {
    const toCluster = new Map<string, string>();
    const toScenario = new Map<string, string>();
    for (const node of nodes) {
      const real = node.metadata.name;
      const name = node.metadata.labels?.[topologyNameLabel] ?? kindTopologyName(real) ?? real;
      if (name === real || toCluster.has(name)) continue;
      toCluster.set(name, real);
      toScenario.set(real, name);
    }
    return new NodeNames(toCluster, toScenario);
  }

  get isIdentity(): boolean {
    return this.toClusterNames.size === 0;
  }

  toCluster(name: string): string {
    return this.toClusterNames.get(name) ?? name;
  }

  toScenario(name: string): string {
    return this.toScenarioNames.get(name) ?? name;
  }

  /** An object on its way to the cluster (a manifest, a patch body). */
  outbound<T>(object: T): T {
    return this.renamed(object, (n) => this.toCluster(n));
  }

  /** An object (or a list) the cluster returned. */
  inbound<T>(object: T): T {
    const renamed = this.renamed(object, (n) => this.toScenario(n)) as any;
    const events = renamed?.kind === 'EventList' ? renamed.items ?? [] : renamed?.kind === 'Event' ? [renamed] : [];
    for (const e of events) if (typeof e?.message === 'string') e.message = this.textToScenario(e.message);
    return renamed;
  }

  /** `/api/v1/nodes/kind-worker2` for `/api/v1/nodes/worker-2`. */
  path(path: string): string {
    return path.replace(/^(\/api\/v1\/nodes\/)([^/?]+)/, (_, prefix: string, name: string) => prefix + encodeURIComponent(this.toCluster(decodeURIComponent(name))));
  }

  /** A message naming cluster nodes, with the scenario's names (whole words only). */
  textToScenario(text: string): string {
    let out = text;
    for (const [real, name] of this.toScenarioNames) out = out.replace(new RegExp(`(?<![\\w.-])${literalPattern(real)}(?![\\w.-])`, 'g'), name);
    return out;
  }

  private renamed<T>(object: T, rename: (name: string) => string): T {
    if (this.isIdentity || !object || typeof object !== 'object') return object;
    const copy = structuredClone(object) as any;
    // A list's items do not repeat their kind: it is the list's, less "List".
    if (Array.isArray(copy.items)) for (const o of copy.items) renameIn(o, rename, o?.kind ?? String(copy.kind ?? '').replace(/List$/, ''));
    else renameIn(copy, rename, copy.kind);
    return copy;
  }
}

/** kind's node names: `<cluster>-control-plane[N]`, `<cluster>-worker[N]` (the first without N). */
function kindTopologyName(name: string): string | undefined {
  const worker = /^.+-worker(\d*)$/.exec(name);
  if (worker) return `worker-${worker[1] || 1}`;
  const controlPlane = /^.+-control-plane(\d*)$/.exec(name);
  if (controlPlane) return controlPlane[1] ? `control-plane-${controlPlane[1]}` : 'control-plane';
  return undefined;
}

function renameIn(o: any, rename: (name: string) => string, kind: string): void {
  if (!o || typeof o !== 'object') return;
  if (kind === 'Node') {
    if (o.metadata?.name) o.metadata.name = rename(o.metadata.name);
    if (o.metadata?.labels?.[HOSTNAME]) o.metadata.labels[HOSTNAME] = rename(o.metadata.labels[HOSTNAME]);
    return;
  }
  if (kind === 'Event' && o.involvedObject?.kind === 'Node') o.involvedObject.name = rename(o.involvedObject.name);
  for (const spec of podSpecsOf(o, kind)) renameInPodSpec(spec, rename);
}

/** The pod specs an object carries: its own, its template's, a CronJob's Job template's. */
function podSpecsOf(o: any, kind: string): any[] {
  return [kind === 'Pod' ? o.spec : undefined, o.spec?.template?.spec, o.spec?.jobTemplate?.spec?.template?.spec].filter((s) => s && typeof s === 'object');
}

function renameInPodSpec(spec: any, rename: (name: string) => string): void {
  if (typeof spec.nodeName === 'string') spec.nodeName = rename(spec.nodeName);
  if (typeof spec.nodeSelector?.[HOSTNAME] === 'string') spec.nodeSelector[HOSTNAME] = rename(spec.nodeSelector[HOSTNAME]);
  const affinity = spec.affinity?.nodeAffinity;
  const terms = [
    ...(affinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []),
    ...(affinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((p: any) => p?.preference),
  ];
  for (const term of terms) {
    for (const r of [...(term?.matchExpressions ?? []).filter((e: any) => e?.key === HOSTNAME), ...(term?.matchFields ?? []).filter((f: any) => f?.key === 'metadata.name')]) {
      if (Array.isArray(r.values)) r.values = r.values.map((v: unknown) => (typeof v === 'string' ? rename(v) : v));
    }
  }
}
