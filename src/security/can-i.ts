import type { Driver } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import { apiGroupOf, knownKinds } from '../kube/kinds.ts';
import { authorize, serviceAccountSubject, type Decision, type Request, type Subject } from './rbac.ts';

/**
 * "pods", "pods/log", "deployments", "deployments.apps", "cronjobs.batch" → the resource,
 * subresource and API group of a request, as `kubectl auth can-i` resolves them.
 */
export function parseResource(text: string): Pick<Request, 'resource' | 'subresource' | 'apiGroup'> {
  const [head, subresource] = text.split('/');
  const dot = head!.indexOf('.');
  const plural = dot < 0 ? head! : head!.slice(0, dot);
  const explicitGroup = dot < 0 ? undefined : head!.slice(dot + 1);
  const info = knownKinds.find((k) => k.plural === plural && (explicitGroup === undefined || apiGroupOf(k.apiVersion) === explicitGroup));
  if (!info && explicitGroup === undefined) throw new UserError(`the server doesn't have a resource type "${plural}"`);
  return { resource: plural, ...(subresource ? { subresource } : {}), apiGroup: explicitGroup ?? apiGroupOf(info!.apiVersion) };
}

/** `kubectl auth can-i <verb> <resource> --as=<subject> -n <namespace>`, answered by the RBAC model. */
export async function canI(driver: Driver, subject: Subject, verb: string, resource: string, namespace: string | undefined): Promise<Decision> {
  const [roles, clusterRoles, roleBindings, clusterRoleBindings] = await Promise.all([
    driver.list('Role', { allNamespaces: true }), driver.list('ClusterRole'), driver.list('RoleBinding', { allNamespaces: true }), driver.list('ClusterRoleBinding'),
  ]);
  return authorize(subject, { verb, ...parseResource(resource), namespace }, { roles, clusterRoles, roleBindings, clusterRoleBindings });
}

export { serviceAccountSubject };
