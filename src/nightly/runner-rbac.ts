import { parseAllDocuments } from 'yaml';
import { apiGroupOf, canonicalKind, kindInfo } from '../sim/index.ts';

/** One RBAC PolicyRule. */
export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = [...READ, 'create', 'update', 'patch', 'delete', 'deletecollection'];

/**
 * What the live driver itself does in every scenario, whatever the scenario's objects: its own
 * namespace, the nodes it describes (labels, taints, fences), the pod timeline and events,
 * exec and eviction, and the RBAC objects `can-i` steps read.
 */
const driverRules: PolicyRule[] = [
  { apiGroups: [''], resources: ['namespaces'], verbs: ['get', 'list', 'watch', 'create', 'patch', 'delete'] },
  { apiGroups: [''], resources: ['nodes'], verbs: ['get', 'list', 'watch', 'patch'] },
  { apiGroups: [''], resources: ['pods'], verbs: WRITE },
  { apiGroups: [''], resources: ['pods/exec', 'pods/eviction'], verbs: ['create'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: ['', 'events.k8s.io'], resources: ['events'], verbs: READ },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: READ },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'], verbs: READ },
  { apiGroups: ['apiextensions.k8s.io'], resources: ['customresourcedefinitions'], verbs: READ },
];

/**
 * The ClusterRole rules a runner of these features needs, and no more: the driver's own, plus
 * full access to each kind the features name (in manifests, in manifest files they apply, or in
 * steps such as `Deployment "web"`), the custom resources their CRDs define, and `bind` and
 * `escalate` only when they create RBAC objects (granting what the runner does not hold itself).
 */
export function runnerRules(featureTexts: readonly string[], manifestTexts: readonly string[] = []): PolicyRule[] {
  const kinds = new Set<string>();
  const custom: PolicyRule[] = [];
  for (const text of [...featureTexts, ...manifestTexts]) {
    for (const doc of yamlDocuments(text)) if (doc?.apiVersion && typeof doc.kind === 'string') kinds.add(doc.kind);
    // Steps name nodes and namespaces too (`node "worker-1" fails`): what they do to those is the
    // driver's business, covered by its own rules, so only other kinds count.
    for (const m of text.matchAll(/\b([A-Za-z]+) "[^"]*"/g)) {
      const kind = canonicalKind(m[1]!);
      if (kind && kind !== 'Node' && kind !== 'Namespace') kinds.add(kind);
    }
    custom.push(...customResourceRules(yamlDocuments(text)));
  }
  const byGroup = new Map<string, Set<string>>();
  for (const kind of kinds) {
    const info = kindInfo(kind);
    if (!info) continue;
    const group = apiGroupOf(info.apiVersion);
    if (!byGroup.has(group)) byGroup.set(group, new Set());
    byGroup.get(group)!.add(info.plural);
  }
  const scenarioRules = [...byGroup].sort(([a], [b]) => a.localeCompare(b)).map(([group, plurals]) => ({ apiGroups: [group], resources: [...plurals].sort(), verbs: WRITE }));
  const rbacKinds = ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding'].filter((k) => kinds.has(k));
  const delegation = rbacKinds.length ? [{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'clusterroles'], verbs: ['bind', 'escalate'] }] : [];
  return [...driverRules, ...scenarioRules, ...delegation, ...dedupe(custom)];
}

/** The custom resources the CRDs among these documents define. */
function customResourceRules(docs: readonly any[]): PolicyRule[] {
  return docs.filter((d) => d?.kind === 'CustomResourceDefinition' && d.spec?.group && d.spec?.names?.plural)
    .map((crd) => ({ apiGroups: [crd.spec.group], resources: [crd.spec.names.plural], verbs: WRITE }));
}

/** The YAML documents of a feature's doc strings, or of a manifest file: objects only, unparsable ones skipped. */
function yamlDocuments(text: string): any[] {
  return yamlBlocks(text).flatMap((block) => parseAllDocuments(block)).filter((d) => d.errors.length === 0).map((d) => d.toJS()).filter((o) => o && typeof o === 'object');
}

/** The YAML doc strings of a feature file (their indentation removed), or the text itself if it has none. */
function yamlBlocks(text: string): string[] {
  const blocks = [...text.matchAll(/^([ \t]*)"""(?:yaml)?\n([\s\S]*?)^\1"""/gm)].map((m) => m[2]!.split('\n').map((l) => l.slice(m[1]!.length)).join('\n'));
  return blocks.length ? blocks : [text];
}

function dedupe(rules: PolicyRule[]): PolicyRule[] {
  const seen = new Set<string>();
  return rules.filter((r) => {
    const id = JSON.stringify(r);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
