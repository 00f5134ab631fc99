import type { AdmissionPlugin } from './admission.ts';
import { qosClass } from '../qos.ts';
import { canonicalJson } from '../controllers/template-hash.ts';

/**
 * Field defaults the API server fills in (reference/api-machinery.md §7, kubelet.md §13,
 * workloads.md §3), from pkg/apis/{core,apps}/v1/defaults.go. Only what scenarios can see.
 */
export const defaulting: AdmissionPlugin = {
  name: 'Defaulting',
  admit({ object, operation, old }) {
    switch (object.kind) {
      case 'Namespace':
        // The API server labels every namespace with its name and starts it Active.
        object.metadata.labels = { ...(object.metadata.labels ?? {}), 'kubernetes.io/metadata.name': object.metadata.name };
        object.spec ??= {};
        object.spec.finalizers ??= ['kubernetes'];
        object.status ??= { phase: 'Active' };
        break;
      case 'Pod':
        if (object.spec) {
          defaultPodSpec(object.spec);
          // SetDefaults_Pod, not SetDefaults_PodSpec: pods get it, templates do not.
          object.spec.enableServiceLinks ??= true;
          // The pod strategy's PrepareForCreate: a new pod's status is Pending with its QoS class, whatever was sent.
          if (operation === 'CREATE') object.status = { phase: 'Pending', qosClass: qosClass(object) };
        }
        break;
      case 'StatefulSet':
        defaultStatefulSet(object.spec ?? (object.spec = {}));
        break;
      case 'Deployment':
        defaultDeployment(object.spec ?? (object.spec = {}));
        break;
      case 'DaemonSet': {
        const spec = object.spec ?? (object.spec = {});
        spec.updateStrategy ??= {};
        spec.updateStrategy.type ||= 'RollingUpdate';
        if (spec.updateStrategy.type === 'RollingUpdate') {
          spec.updateStrategy.rollingUpdate ??= {};
          spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
          spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
        }
        spec.revisionHistoryLimit ??= 10;
        if (spec.template?.spec) defaultPodSpec(spec.template.spec);
        defaultDaemonSetTemplateGeneration(object, operation === 'UPDATE' ? old : undefined);
        break;
      }
      case 'NetworkPolicy': {
        // SetDefaults_NetworkPolicy: Ingress always, Egress when there are egress rules.
        const spec = object.spec ?? (object.spec = {});
        if (!spec.policyTypes?.length) spec.policyTypes = spec.egress?.length ? ['Ingress', 'Egress'] : ['Ingress'];
        // SetDefaults_NetworkPolicyPort: a port without a protocol is TCP.
        for (const rule of [...(spec.ingress ?? []), ...(spec.egress ?? [])]) for (const port of rule?.ports ?? []) port.protocol ??= 'TCP';
        break;
      }
      case 'LimitRange':
        for (const item of object.spec?.limits ?? []) defaultLimitRangeItem(item);
        break;
      case 'HorizontalPodAutoscaler': {
        const spec = object.spec ?? (object.spec = {});
        spec.minReplicas ??= 1;
        // The strategy's PrepareForCreate empties the status; autoscaling/v2 writes desiredReplicas
        // and currentMetrics without omitempty, so a new HPA shows both.
        if (operation === 'CREATE') object.status = { desiredReplicas: 0, currentMetrics: null };
        if (!spec.metrics?.length) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }];
        break;
      }
      case 'Job':
        defaultJob(object);
        break;
      case 'Ingress':
        // The ingress strategy's PrepareForCreate empties the status; its loadBalancer is a struct,
        // so a new Ingress shows `status: {loadBalancer: {}}` until a controller fills it.
        if (operation === 'CREATE') object.status = { loadBalancer: {} };
        break;
      case 'CronJob':
        defaultCronJob(object.spec ?? (object.spec = {}));
        // CronJobStatus is a struct, not a pointer: the API returns `status: {}` before the first run.
        object.status ??= {};
        break;
      case 'ReplicaSet':
        object.spec ??= {};
        object.spec.replicas ??= 1;
        if (object.spec.template?.spec) defaultPodSpec(object.spec.template.spec);
        break;
      case 'ReplicationController': {
        // pkg/apis/core/v1 SetDefaults_ReplicationController: selector and labels from the template.
        const spec = object.spec ?? (object.spec = {});
        const templateLabels = spec.template?.metadata?.labels;
        if (templateLabels && (!spec.selector || Object.keys(spec.selector).length === 0)) spec.selector = { ...templateLabels };
        if (templateLabels && (!object.metadata.labels || Object.keys(object.metadata.labels).length === 0)) object.metadata.labels = { ...templateLabels };
        spec.replicas ??= 1;
        if (spec.template?.spec) defaultPodSpec(spec.template.spec);
        break;
      }
    }
  },
};

/** Pod spec defaults; also applied to workload templates, as the API server does. */
export function defaultPodSpec(spec: any): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  // Convert_v1_PodSpec_To_core_PodSpec and back (pkg/apis/core/v1/conversion.go): the deprecated
  // serviceAccount fills an empty serviceAccountName, and is then always written as its copy.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  else delete spec.serviceAccount;
  // SetDefaults_Volume: a volume that names no source is an emptyDir.
  for (const v of spec.volumes ?? []) if (v && typeof v === 'object' && Object.keys(v).every((k) => k === 'name')) v.emptyDir = {};
  // SetDefaults_{ConfigMap,Secret,DownwardAPI,Projected}VolumeSource: files are 0644 (420) unless said.
  for (const v of spec.volumes ?? []) {
    for (const source of ['configMap', 'secret', 'downwardAPI', 'projected']) {
      if (v?.[source] && typeof v[source] === 'object') v[source].defaultMode ??= 420;
    }
  }
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    c.terminationMessagePath ??= '/dev/termination-log';
    c.terminationMessagePolicy ??= 'File';
    c.imagePullPolicy ??= defaultPullPolicy(c.image);
    c.resources ??= {};
    // SetDefaults_Pod: a limit without a request makes the request equal to the limit.
    for (const [r, q] of Object.entries(c.resources.limits ?? {})) {
      if (c.resources.requests?.[r] === undefined) (c.resources.requests ??= {})[r] = q;
    }
    for (const p of c.ports ?? []) p.protocol ??= 'TCP';
    for (const probe of [c.livenessProbe, c.readinessProbe, c.startupProbe]) if (probe && typeof probe === 'object') defaultProbe(probe);
    for (const hook of [c.lifecycle?.postStart, c.lifecycle?.preStop]) if (hook?.httpGet && typeof hook.httpGet === 'object') defaultHttpGet(hook.httpGet);
  }
}

/**
 * SetDefaults_Probe and, for its handler, SetDefaults_HTTPGetAction and the generated default of
 * an empty gRPC service (pkg/apis/core/v1/defaults.go, zz_generated.defaults.go): what
 * `kubectl get pod -o yaml` shows for a probe nobody tuned.
 */
function defaultProbe(probe: any): void {
  // Go's zero value is "unset": a 0 written in the manifest is defaulted too.
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  if (probe.httpGet && typeof probe.httpGet === 'object') defaultHttpGet(probe.httpGet);
  if (probe.grpc && typeof probe.grpc === 'object') probe.grpc.service ??= '';
}

function defaultHttpGet(action: any): void {
  if (!action.path) action.path = '/';
  if (!action.scheme) action.scheme = 'HTTP';
}

/**
 * SetDefaults_LimitRangeItem (pkg/apis/core/v1/defaults.go): for a Container item, a missing
 * default limit is the max, a missing default request is the default limit, else the min.
 */
function defaultLimitRangeItem(item: any): void {
  if (!item || item.type !== 'Container') return;
  const limits = { ...(item.max ?? {}), ...(item.default ?? {}) };
  const requests = { ...(item.min ?? {}), ...limits, ...(item.defaultRequest ?? {}) };
  // Empty maps are left out, as `omitempty` leaves them out of the stored object.
  if (Object.keys(limits).length) item.default = limits;
  if (Object.keys(requests).length) item.defaultRequest = requests;
}

/** `Always` for `:latest` or an untagged image, else `IfNotPresent` (reference/kubelet.md §10). */
function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  if (image.includes('@')) return 'IfNotPresent';
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastSegment.includes(':') ? lastSegment.slice(lastSegment.indexOf(':') + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultStatefulSet(spec: any): void {
  spec.replicas ??= 1;
  spec.podManagementPolicy ??= 'OrderedReady';
  spec.updateStrategy ??= {};
  spec.updateStrategy.type ||= 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.partition ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ??= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ??= 'Retain';
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
  for (const claim of spec.volumeClaimTemplates ?? []) {
    if (!claim || typeof claim !== 'object') continue;
    // Convert_apps_StatefulSetSpec_To_v1_StatefulSetSpec (pkg/apis/apps/v1/conversion.go) writes
    // apiVersion and kind on every claim template, whatever was sent.
    claim.apiVersion = 'v1';
    claim.kind = 'PersistentVolumeClaim';
    // SetObjectDefaults_StatefulSet (zz_generated.defaults.go): SetDefaults_PersistentVolumeClaim
    // (status.phase Pending) and SetDefaults_PersistentVolumeClaimSpec (volumeMode Filesystem).
    claim.spec ??= {};
    claim.spec.volumeMode ??= 'Filesystem';
    claim.status ??= {};
    claim.status.phase ||= 'Pending';
  }
}

function defaultDeployment(spec: any): void {
  spec.replicas ??= 1;
  // Go checks the type, not the struct: a strategy sent as {} (protobuf zero values) is defaulted too.
  spec.strategy ??= {};
  spec.strategy.type ||= 'RollingUpdate';
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxSurge ??= '25%';
    spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

/**
 * Job defaults (pkg/apis/batch/v1/defaults.go) and, at creation, the generated selector and
 * labels the API server adds (batch.kubernetes.io/controller-uid and job-name).
 */
function defaultJob(job: any): void {
  const spec = job.spec ?? (job.spec = {});
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  if (!spec.manualSelector && !spec.selector && job.metadata.uid) {
    const generated = {
      'batch.kubernetes.io/controller-uid': job.metadata.uid,
      'batch.kubernetes.io/job-name': job.metadata.name,
      'controller-uid': job.metadata.uid,
      'job-name': job.metadata.name,
    };
    spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': job.metadata.uid } };
    spec.template ??= {};
    spec.template.metadata ??= {};
    spec.template.metadata.labels = { ...generated, ...(spec.template.metadata.labels ?? {}) };
  }
  // SetDefaults_Job: a Job without labels takes its template's. Upstream the two share one map
  // until generateSelector (pkg/registry/batch/job/strategy.go) adds the generated labels, or the
  // defaults run again when the Job is read back, so the Job shows the generated labels too.
  const templateLabels = spec.template?.metadata?.labels;
  if (templateLabels && Object.keys(job.metadata.labels ?? {}).length === 0) job.metadata.labels = { ...templateLabels };
  if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

/**
 * The DaemonSet strategy (pkg/registry/apps/daemonset/strategy.go) keeps spec.templateGeneration:
 * 1 at creation, one more whenever an update changes the template; apps/v1 shows it as the
 * annotation deprecated.daemonset.template.generation (pkg/apis/apps/v1/conversion.go), and a
 * value sent by the client is ignored.
 */
function defaultDaemonSetTemplateGeneration(ds: any, old: any): void {
  const KEY = 'deprecated.daemonset.template.generation';
  let generation = 1;
  if (old) {
    const previous = Number(old.metadata?.annotations?.[KEY] ?? 1) || 1;
    generation = canonicalJson(old.spec?.template) === canonicalJson(ds.spec?.template) ? previous : previous + 1;
  }
  ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [KEY]: String(generation) };
}

function defaultCronJob(spec: any): void {
  // JobTemplateSpec.metadata and PodTemplateSpec.metadata are structs: the API returns them as {}
  // (with creationTimestamp: null, which kubespec leaves out everywhere) even when nothing was sent.
  if (spec.jobTemplate && typeof spec.jobTemplate === 'object') {
    spec.jobTemplate.metadata ??= {};
    const template = spec.jobTemplate.spec?.template;
    if (template && typeof template === 'object') template.metadata ??= {};
  }
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  const template = spec.jobTemplate?.spec?.template;
  if (template?.spec) defaultPodSpec(template.spec);
}
