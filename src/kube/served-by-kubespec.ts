/**
 * How `kubespec serve` names itself in /version: its gitCommit. A client of the served simulator
 * (the live driver in a drill) reads it to know that the cluster's data plane is the simulator's
 * models, so real traffic from a probe pod would observe nothing.
 */
export const KUBESPEC_SERVE_GIT_COMMIT = 'kubespec';

export function isServedByKubespec(version: { gitCommit?: string }): boolean {
  return version.gitCommit === KUBESPEC_SERVE_GIT_COMMIT;
}
