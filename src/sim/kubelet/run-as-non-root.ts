import type { KubeObject } from '../store/types.ts';

/**
 * The kubelet's verifyRunAsNonRoot: with runAsNonRoot (the container's, else the pod's), a
 * runAsUser of 0 breaks the policy, and without a runAsUser an image that runs as root is
 * refused, and so is one whose USER is a name, which cannot be checked (security_context_others.go);
 * the container then waits in CreateContainerConfigError with this message.
 */
export function nonRootViolation(pod: KubeObject, container: any, imageUser: number | string): string | undefined {
  const pick = (field: string) => container.securityContext?.[field] ?? pod.spec?.securityContext?.[field];
  if (pick('runAsNonRoot') !== true) return undefined;
  const who = `(pod: "${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})", container: ${container.name})`;
  const uid = pick('runAsUser');
  if (uid !== undefined) return uid === 0 ? `container's runAsUser breaks non-root policy ${who}` : undefined;
  if (typeof imageUser === 'string') return `container has runAsNonRoot and image has non-numeric user (${imageUser}), cannot verify user is non-root ${who}`;
  return imageUser === 0 ? `container has runAsNonRoot and image will run as root ${who}` : undefined;
}

/** Whether the image's USER decides: runAsNonRoot without a runAsUser (the container's, else the pod's). */
export function checksImageUser(pod: KubeObject, container: any): boolean {
  const pick = (field: string) => container.securityContext?.[field] ?? pod.spec?.securityContext?.[field];
  return pick('runAsNonRoot') === true && pick('runAsUser') === undefined;
}
