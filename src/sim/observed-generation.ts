import { featureEnabled, type KubernetesRelease } from '../kube/kubernetes-versions.ts';
import { shallowCopy } from './store/freeze.ts';

/**
 * The generation a writer of a pod's status records as observed, or undefined when the release
 * does not track it. With PodObservedGenerationTracking (beta and on in 1.34, GA in 1.35) the
 * kubelet sets status.observedGeneration and each condition it generates, and the scheduler,
 * the taint eviction controller and the pod GC set it on the conditions they add, to the pod's
 * metadata.generation as they saw it (pkg/api/v1/pod/util.go CalculatePodStatusObservedGeneration
 * and CalculatePodConditionObservedGeneration, v1.37.2). Before, nobody writes it.
 */
export function observedGeneration(version: Pick<KubernetesRelease, 'minor'>, pod: { metadata: { generation?: number } }): number | undefined {
  let tracks = TRACKING.get(version.minor);
  if (tracks === undefined) TRACKING.set(version.minor, (tracks = featureEnabled(version, 'PodObservedGenerationTracking')));
  return tracks ? pod.metadata.generation : undefined;
}

/** Whether each release tracks it: asked at every status write, so looked up once per minor. */
const TRACKING = new Map<string, boolean>();

/**
 * A pod condition as its writer states it, with observedGeneration when the release tracks it.
 * A condition that already says so is returned as it is (a stored one stays shared and frozen).
 */
export function observed<C extends object>(condition: C, generation: number | undefined): C {
  const already = (condition as { observedGeneration?: number }).observedGeneration === generation;
  if (generation === undefined || already) return condition;
  const stated = shallowCopy(condition) as C & { observedGeneration?: number };
  stated.observedGeneration = generation;
  return stated;
}
