/**
 * The merge keys of Kubernetes' list fields: the field that names an item, so containers are
 * told apart by name and conditions by type (`patchMergeKey` in k8s.io/api's struct tags). The
 * simulator's strategic merge patch merges list items by them (src/sim/store/strategic-merge.ts);
 * the assertions match an expected list against an actual one by them (src/assertions/partial-match.ts).
 * `taints` and `tolerations` have no patchMergeKey upstream (a patch replaces those lists); they
 * are listed by `key` all the same, which the strategic merge patch follows too.
 */
export const mergeKeys: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  conditions: 'type',
  containerStatuses: 'name',
  initContainerStatuses: 'name',
  imagePullSecrets: 'name',
  taints: 'key',
  addresses: 'type',
  volumeClaimTemplates: 'name',
  tolerations: 'key',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};
