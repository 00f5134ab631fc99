import { LabelSelector } from '../kube/label-selector.ts';
import type { KubeObject } from '../drivers/driver.ts';

/** Who asks: a user with groups (a ServiceAccount is the user system:serviceaccount:<ns>:<name>). */
export interface Subject {
  user: string;
  groups: string[];
}

/** What is asked, as `kubectl auth can-i` sends it. */
export interface Request {
  verb: string;
  resource: string;
  subresource?: string;
  apiGroup: string;
  namespace?: string;
  name?: string;
}

export interface RbacObjects {
  roles: KubeObject[];
  clusterRoles: KubeObject[];
  roleBindings: KubeObject[];
  clusterRoleBindings: KubeObject[];
}

export interface Decision {
  allowed: boolean;
  reason: string;
}

/** A ServiceAccount as the authenticator presents it. */
export function serviceAccountSubject(namespace: string, name: string): Subject {
  return { user: `system:serviceaccount:${namespace}:${name}`, groups: ['system:serviceaccounts', `system:serviceaccounts:${namespace}`, 'system:authenticated'] };
}

/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac, reference/api-machinery.md §10) as a pure
 * function: RoleBindings of the request's namespace (to a Role there or a ClusterRole, granting
 * only in that namespace) and ClusterRoleBindings (everywhere) give their roles' rules; a rule
 * matches on verb, API group, resource (or resource/subresource) and resourceNames, `*` matching
 * all. Aggregated ClusterRoles take the rules of the ClusterRoles their selectors match. Rules
 * only allow; nothing matching means denied. A binding to a missing role grants nothing.
 */
export function authorize(subject: Subject, req: Request, rbac: RbacObjects): Decision {
  for (const { binding, scope, role } of boundRoles(subject, req.namespace, rbac)) {
    const rule = rulesOf(role, rbac).find((r) => ruleMatches(r, req));
    if (rule) {
      const via = `${scope === 'cluster' ? 'ClusterRoleBinding' : 'RoleBinding'} "${binding.metadata.name}" of ${binding.roleRef.kind} "${role.metadata.name}"`;
      return { allowed: true, reason: `allowed by ${via}` };
    }
  }
  return { allowed: false, reason: `no RBAC rule allows ${req.verb} on ${req.apiGroup ? `${req.resource}.${req.apiGroup}` : req.resource}${req.subresource ? `/${req.subresource}` : ''}${req.namespace ? ` in namespace "${req.namespace}"` : ' at cluster scope'}` };
}

/** The rules a subject holds in a namespace (cluster-wide ones included), as the API server's RulesFor resolves them. */
export function rulesFor(subject: Subject, namespace: string | undefined, rbac: RbacObjects): any[] {
  return boundRoles(subject, namespace, rbac).flatMap(({ role }) => rulesOf(role, rbac));
}

/** The existing roles bound to the subject by ClusterRoleBindings, and by RoleBindings of the namespace. */
function boundRoles(subject: Subject, namespace: string | undefined, rbac: RbacObjects): Array<{ binding: KubeObject; scope: 'cluster' | 'namespace'; role: KubeObject }> {
  const bindings = [
    ...rbac.clusterRoleBindings.map((b) => ({ b, scope: 'cluster' as const })),
    ...rbac.roleBindings.filter((b) => namespace !== undefined && b.metadata.namespace === namespace).map((b) => ({ b, scope: 'namespace' as const })),
  ];
  const out: Array<{ binding: KubeObject; scope: 'cluster' | 'namespace'; role: KubeObject }> = [];
  for (const { b, scope } of bindings) {
    if (!(b.subjects ?? []).some((s: any) => subjectMatches(s, subject, b.metadata.namespace))) continue;
    const role = b.roleRef?.kind === 'ClusterRole'
      ? rbac.clusterRoles.find((r) => r.metadata.name === b.roleRef.name)
      : rbac.roles.find((r) => r.metadata.name === b.roleRef?.name && r.metadata.namespace === b.metadata.namespace);
    if (role) out.push({ binding: b, scope, role });
  }
  return out;
}

function subjectMatches(s: any, who: Subject, bindingNamespace: string | undefined): boolean {
  switch (s.kind) {
    case 'User': return s.name === who.user;
    case 'Group': return who.groups.includes(s.name);
    case 'ServiceAccount': return who.user === `system:serviceaccount:${s.namespace ?? bindingNamespace}:${s.name}`;
    default: return false;
  }
}

/** A role's rules; an aggregated ClusterRole's are those of the ClusterRoles its selectors match. */
function rulesOf(role: KubeObject, rbac: RbacObjects): any[] {
  const selectors: any[] = role.aggregationRule?.clusterRoleSelectors ?? [];
  if (role.kind !== 'ClusterRole' || selectors.length === 0) return role.rules ?? [];
  return rbac.clusterRoles
    .filter((r) => r !== role && selectors.some((sel) => LabelSelector.fromSpec(sel).matches(r.metadata.labels)))
    .flatMap((r) => r.rules ?? []);
}

function ruleMatches(rule: any, req: Request): boolean {
  const has = (list: string[] | undefined, value: string) => (list ?? []).includes('*') || (list ?? []).includes(value);
  if (!has(rule.verbs, req.verb) || !has(rule.apiGroups, req.apiGroup)) return false;
  const full = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const resources: string[] = rule.resources ?? [];
  const resourceOk = resources.includes('*') || resources.includes(full) || (req.subresource !== undefined && resources.includes(`*/${req.subresource}`));
  if (!resourceOk) return false;
  const names: string[] = rule.resourceNames ?? [];
  return names.length === 0 || (req.name !== undefined && names.includes(req.name));
}
