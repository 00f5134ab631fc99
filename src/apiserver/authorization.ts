import { ApiError, type SimCluster } from '../sim/index.ts';
import { authorize, type Decision, type RbacObjects, type Request, type Subject } from '../security/rbac.ts';
import { escalationProblem, grantedRules } from '../security/escalation.ts';

/** The user the served kubeconfig authenticates as: kubeadm's admin, in system:masters. */
export const adminSubject: Subject = { user: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] };

/** RBAC over the served cluster's objects; system:masters is always allowed, as upstream. */
export function decide(cluster: SimCluster, subject: Subject, request: Request): Decision {
  if (subject.groups.includes('system:masters')) return { allowed: true, reason: 'system:masters' };
  return authorize(subject, request, rbacObjects(cluster));
}

function rbacObjects(cluster: SimCluster): RbacObjects {
  const store = cluster.store;
  return {
    roles: store.list('Role'), clusterRoles: store.list('ClusterRole'),
    roleBindings: store.list('RoleBinding'), clusterRoleBindings: store.list('ClusterRoleBinding'),
  };
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const PLURALS: Record<string, string> = { Role: 'roles', ClusterRole: 'clusterroles', RoleBinding: 'rolebindings', ClusterRoleBinding: 'clusterrolebindings' };

/**
 * The RBAC registry's escalation check (the policybased storage of pkg/registry/rbac): a user may write a
 * Role or ClusterRole only with the `escalate` verb on it or holding every permission it grants,
 * and a binding only with the `bind` verb on its role or holding every permission of that role.
 * system:masters passes. Refused as the API server does, with what is missing.
 */
export function escalationGuard(cluster: SimCluster, subject: Subject): ((object: any) => void) | undefined {
  if (subject.groups.includes('system:masters')) return undefined;
  return (object) => {
    const plural = PLURALS[object.kind];
    if (!plural) return;
    const namespace = object.metadata.namespace;
    const binding = object.kind.endsWith('Binding');
    const role = binding ? object.roleRef : undefined;
    const allowedBy = binding
      ? { verb: 'bind', resource: role?.kind === 'ClusterRole' ? 'clusterroles' : 'roles', apiGroup: RBAC_GROUP, namespace, name: role?.name }
      : { verb: 'escalate', resource: plural, apiGroup: RBAC_GROUP, namespace, name: object.metadata.name };
    if (decide(cluster, subject, allowedBy).allowed) return;
    const rbac = rbacObjects(cluster);
    const problem = escalationProblem(subject, namespace, grantedRules(object, rbac) ?? [], rbac);
    if (problem) throw new ApiError('Forbidden', 403, `${plural}.${RBAC_GROUP} "${object.metadata.name}" is forbidden: ${problem}`);
  };
}

/** The apiserver's Forbidden text: `pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"`. */
export function forbidden(subject: Subject, request: Request): ApiError {
  const resource = request.subresource ? `${request.resource}/${request.subresource}` : request.resource;
  const named = request.name ? `${resource} "${request.name}"` : resource;
  const where = request.namespace ? `in the namespace "${request.namespace}"` : 'at the cluster scope';
  return new ApiError('Forbidden', 403, `${named} is forbidden: User "${subject.user}" cannot ${request.verb} resource "${resource}" in API group "${request.apiGroup}" ${where}`);
}

/** POST selfsubjectaccessreviews / subjectaccessreviews: the review with its status filled in. */
export function review(cluster: SimCluster, subject: Subject, body: any): object {
  const spec = body?.spec ?? {};
  const who: Subject = body?.kind === 'SubjectAccessReview' ? { user: spec.user ?? '', groups: spec.groups ?? [] } : subject;
  const attrs = spec.resourceAttributes;
  let decision: Decision;
  if (attrs) {
    decision = decide(cluster, who, { verb: attrs.verb ?? '', resource: attrs.resource ?? '', subresource: attrs.subresource || undefined, apiGroup: attrs.group ?? '', namespace: attrs.namespace || undefined, name: attrs.name || undefined });
  } else {
    // Non-resource URLs (/healthz, /metrics): only system:masters and cluster-admin style rules.
    decision = who.groups.includes('system:masters') ? { allowed: true, reason: 'system:masters' } : { allowed: false, reason: 'non-resource URLs are allowed to system:masters only on kubespec serve' };
  }
  // RBAC never explains a denial (it only knows rules that allow), so a denied review has no reason.
  return { ...body, metadata: body?.metadata ?? {}, status: { allowed: decision.allowed, ...(decision.allowed ? { reason: decision.reason } : {}) } };
}
