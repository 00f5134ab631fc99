import type { KubeObject } from '../drivers/driver.ts';
import { rulesFor, type RbacObjects, type Subject } from './rbac.ts';

interface Rule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
  verbs?: string[];
}

/** Every (group, resource, verb, resourceName) tuple of a rule, as the API server breaks rules down. */
function breakdown(rule: Rule): Rule[] {
  const out: Rule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        const names = rule.resourceNames ?? [];
        if (names.length) for (const name of names) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of rule.verbs ?? []) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

const has = (set: string[] | undefined, value: string) => (set ?? []).includes(value);
const hasAll = (set: string[] | undefined, values: string[] | undefined) => (values ?? []).every((v) => has(set, v));

function resourcesCovered(owner: string[] | undefined, wanted: string[] | undefined): boolean {
  if (has(owner, '*') || hasAll(owner, wanted)) return true;
  return (wanted ?? []).every((path) => has(owner, path) || (path.includes('/') && has(owner, `*/${path.split('/').slice(1).join('/')}`)));
}

const urlCovered = (owner: string, path: string) => owner === path || (owner.endsWith('*') && path.startsWith(owner.replace(/\*+$/, '')));

/** policy_comparator.ruleCovers: an owner rule covers a broken-down rule (`*` only by `*`). */
function covers(owner: Rule, sub: Rule): boolean {
  const verbs = has(owner.verbs, '*') || hasAll(owner.verbs, sub.verbs);
  const groups = has(owner.apiGroups, '*') || hasAll(owner.apiGroups, sub.apiGroups);
  const resources = resourcesCovered(owner.resources, sub.resources);
  const urls = (sub.nonResourceURLs ?? []).every((p) => (owner.nonResourceURLs ?? []).some((o) => urlCovered(o, p)));
  const names = (sub.resourceNames ?? []).length === 0 ? (owner.resourceNames ?? []).length === 0 : (owner.resourceNames ?? []).length === 0 || hasAll(owner.resourceNames, sub.resourceNames);
  return verbs && groups && resources && urls && names;
}

/** Go's %q of a string slice: `["get" "list"]`. */
const quoted = (values: string[]) => `[${values.map((v) => JSON.stringify(v)).join(' ')}]`;

/** rbacv1helpers.CompactString. */
function compactString(r: Rule): string {
  const parts: string[] = [];
  if (r.apiGroups?.length) parts.push(`APIGroups:${quoted(r.apiGroups)}`);
  if (r.resources?.length) parts.push(`Resources:${quoted(r.resources)}`);
  if (r.nonResourceURLs?.length) parts.push(`NonResourceURLs:${quoted(r.nonResourceURLs)}`);
  if (r.resourceNames?.length) parts.push(`ResourceNames:${quoted(r.resourceNames)}`);
  if (r.verbs?.length) parts.push(`Verbs:${quoted(r.verbs)}`);
  return `{${parts.join(', ')}}`;
}

/** CompactRules: missing tuples of one group, resource and name are shown as one rule with their verbs. */
function compact(rules: Rule[]): Rule[] {
  const simple = new Map<string, Rule>();
  const out: Rule[] = [];
  for (const r of rules) {
    if (r.nonResourceURLs?.length) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups, r.resources, r.resourceNames ?? []]);
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs!, ...r.verbs!];
    else simple.set(key, { ...r, verbs: [...r.verbs!] });
  }
  return [...out, ...simple.values()];
}

/**
 * ConfirmNoEscalation (pkg/registry/rbac/validation): the rules a user wants to grant must all
 * be covered by the rules the user holds in that namespace (cluster-wide ones too), or the
 * write is refused with the API server's list of what is missing; undefined when nothing is.
 */
export function escalationProblem(subject: Subject, namespace: string | undefined, granted: Rule[], rbac: RbacObjects): string | undefined {
  const held = rulesFor(subject, namespace, rbac);
  const missing = granted.flatMap(breakdown).filter((sub) => !held.some((owner) => covers(owner, sub)));
  if (!missing.length) return undefined;
  const descriptions = [...new Set(compact(missing).map(compactString))].sort();
  return `user ${JSON.stringify(subject.user)} (groups=${quoted(subject.groups)}) is attempting to grant RBAC permissions not currently held:\n${descriptions.join('\n')}`;
}

/** The rules a Role, ClusterRole or binding would grant (a binding: its role's). */
export function grantedRules(object: KubeObject, rbac: RbacObjects): Rule[] | undefined {
  if (object.kind === 'Role' || object.kind === 'ClusterRole') return (object as any).rules ?? [];
  const ref = (object as any).roleRef;
  if (!ref) return undefined;
  const role = ref.kind === 'ClusterRole'
    ? rbac.clusterRoles.find((r) => r.metadata.name === ref.name)
    : rbac.roles.find((r) => r.metadata.name === ref.name && r.metadata.namespace === object.metadata.namespace);
  return role ? ((role as any).rules ?? []) : [];
}
