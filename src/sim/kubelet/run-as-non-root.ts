import type { KubeObject } from '../store/types.ts';

/**
 * The kubelet's verifyRunAsNonRoot: with runAsNonRoot (the container's, else the pod's), a
 * runAsUser of 0 breaks the policy, and without a runAsUser an image that runs as root is
 * refused; the container then waits in CreateContainerConfigError with this message.
 */
export function nonRootViolation(pod: KubeObject, container: any, imageUid: number): string | undefined {
  const pick = (field: string) => container.securityContext?.[field] ?? pod.spec?.securityContext?.[field];
  if (pick('runAsNonRoot') !== true) return undefined;
  const who = `(pod: "${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})", container: ${container.name})`;
  const uid = pick('runAsUser');
  if (uid !== undefined) return uid === 0 ? `container's runAsUser breaks non-root policy ${who}` : undefined;
  return imageUid === 0 ? `container has runAsNonRoot and image will run as root ${who}` : undefined;
}
