import { featureEnabled, type KubernetesRelease } from '../kube/kubernetes-versions.ts';

/**
 * The generation a writer of a pod's status records as observed, or undefined when the release
 * does not track it. With PodObservedGenerationTracking (beta and on in 1.34, GA in 1.35) the
 * kubelet sets status.observedGeneration and each condition it generates, and the scheduler,
 * the taint eviction controller and the pod GC set it on the conditions they add, to the pod's
 * metadata.generation as they saw it (pkg/api/v1/pod/util.go CalculatePodStatusObservedGeneration
 * and CalculatePodConditionObservedGeneration, v1.37.2). Before, nobody writes it.
 */
export function observedGeneration(version: Pick<KubernetesRelease, 'minor'>, pod: { metadata: { generation?: number } }): number | undefined {
  if (!featureEnabled(version, 'PodObservedGenerationTracking')) return undefined;
  return pod.metadata.generation;
}

/** A pod condition as its writer states it, with observedGeneration when the release tracks it. */
export function observed<C extends object>(condition: C, generation: number | undefined): C {
  return generation === undefined ? condition : { ...condition, observedGeneration: generation };
}
