import type { KubeObject } from '../drivers/driver.ts';
import type { PolicyRule } from './runner-rbac.ts';

/** The label every object of a nightly run carries, with the run's id. */
export const NIGHTLY_RUN_LABEL = 'kubespec.io/nightly-run';
export const RUNNER_NAME = 'kubespec-runner';

export interface NightlyPlan {
  /** A DNS-label id for this run (names the Job and the result ConfigMaps). */
  runId: string;
  shards: number;
  /** The kubespec image the pods run (it holds the built-in features). */
  image: string;
  namespace: string;
  /** A Cucumber tag expression selecting the scenarios. */
  tags?: string;
  rules: PolicyRule[];
}

/**
 * The objects of an in-cluster nightly run: a namespace, the runner's ServiceAccount bound to a
 * ClusterRole with the generated rules and to a Role for its result ConfigMaps, and an Indexed
 * Job whose pod with completion index i runs shard i+1 of n (`kubespec nightly shard`). Each
 * index is retried once if its pod fails (an infrastructure failure: failing scenarios are
 * results, and end the pod with 0); the indexes do not wait for each other.
 */
export function nightlyManifests(plan: NightlyPlan): KubeObject[] {
  const labels = { 'app.kubernetes.io/managed-by': 'kubespec-nightly', [NIGHTLY_RUN_LABEL]: plan.runId };
  const clusterRole = `${plan.namespace}:runner`;
  const subject = { kind: 'ServiceAccount', name: RUNNER_NAME, namespace: plan.namespace };
  return [
    // Not managed-by=kubespec: `kubespec clean` removes namespaces with that label.
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: plan.namespace, labels: { 'app.kubernetes.io/managed-by': 'kubespec-nightly' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: RUNNER_NAME, namespace: plan.namespace, labels } },
    { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: clusterRole, labels }, rules: plan.rules },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: clusterRole, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterRole }, subjects: [subject],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'kubespec-results', namespace: plan.namespace, labels },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'get', 'list', 'update', 'delete'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding', metadata: { name: 'kubespec-results', namespace: plan.namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'kubespec-results' }, subjects: [subject],
    },
    {
      apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `kubespec-nightly-${plan.runId}`, namespace: plan.namespace, labels },
      spec: {
        completionMode: 'Indexed',
        completions: plan.shards,
        parallelism: plan.shards,
        backoffLimitPerIndex: 1,
        maxFailedIndexes: plan.shards,
        activeDeadlineSeconds: 4 * 3600,
        ttlSecondsAfterFinished: 7 * 24 * 3600,
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: RUNNER_NAME,
            restartPolicy: 'Never',
            containers: [{
              name: 'kubespec',
              image: plan.image,
              args: ['nightly', 'shard', '--shards', String(plan.shards), '--run', plan.runId, ...(plan.tags ? ['--tags', plan.tags] : [])],
              env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
              resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '1Gi' } },
            }],
          },
        },
      },
    },
  ];
}
