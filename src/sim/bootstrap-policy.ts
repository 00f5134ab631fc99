/**
 * The user-facing ClusterRoles every cluster has (plugin/pkg/auth/authorizer/rbac/bootstrappolicy),
 * reduced to their main rules: cluster-admin, and the aggregated admin ⊃ edit ⊃ view.
 */
const read = ['get', 'list', 'watch'];
const write = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const core = ['pods', 'pods/log', 'pods/status', 'services', 'endpoints', 'configmaps', 'persistentvolumeclaims', 'replicationcontrollers', 'serviceaccounts', 'events', 'limitranges', 'resourcequotas', 'namespaces'];
const apps = ['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'deployments/scale', 'statefulsets/scale', 'replicasets/scale'];

export const defaultClusterRoles = [
  { name: 'cluster-admin', rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }] },
  {
    name: 'view',
    rules: [
      { apiGroups: [''], resources: core, verbs: read },
      { apiGroups: ['apps'], resources: apps, verbs: read },
      { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: read },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: read },
      { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: read },
      { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: read },
    ],
  },
  {
    name: 'edit',
    rules: [
      { apiGroups: [''], resources: [...core.filter((r) => r !== 'namespaces'), 'secrets', 'pods/exec', 'pods/attach', 'pods/portforward'], verbs: [...read, ...write] },
      { apiGroups: ['apps'], resources: apps, verbs: [...read, ...write] },
      { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: [...read, ...write] },
      { apiGroups: ['networking.k8s.io'], resources: ['ingresses', 'networkpolicies'], verbs: [...read, ...write] },
      { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: [...read, ...write] },
      { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: [...read, ...write] },
    ],
  },
];

/** admin = edit plus namespaced RBAC. */
export const adminExtraRules = [
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: [...read, ...write] },
];

/** The ClusterRoles as objects: admin is edit's rules plus RBAC, built the way aggregation would. */
export function bootstrapClusterRoles() {
  const edit = defaultClusterRoles.find((r) => r.name === 'edit')!;
  return [
    ...defaultClusterRoles.map((r) => ({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: r.name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } }, rules: r.rules })),
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'admin', labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' } }, rules: [...edit.rules, ...adminExtraRules] },
  ];
}
