import { invalid, type FieldError } from '../../kube/api-errors.ts';
import { LabelSelector, podSelectorSpec } from '../../kube/label-selector.ts';
import type { KubeObject } from '../store/types.ts';
import { cronScheduleProblem } from './cron-validation.ts';
import { validatePodSpec, validateProtocols } from './pod-spec-validation.ts';
import type { AdmissionPlugin, AdmissionRequest } from './admission.ts';
import { renderBadValue } from '../../kube/bad-value.ts';
import { dns1035LabelProblems, dns1123LabelProblems, dns1123SubdomainProblems, matchesDns1123Subdomain } from '../../kube/dns-names.ts';
import { behaviour, featureEnabled, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';

/**
 * Validation with the API server's field paths and texts (reference/api-machinery.md §1, §12),
 * from apimachinery's validation package and pkg/apis/*\/validation. Only the checks a
 * scenario is likely to trip over; issue "Simulator core" extends the set.
 */
export function validation(version: KubernetesRelease): AdmissionPlugin {
  return {
    name: 'Validation',
    admit: (request) => validate(request, version),
  };
}

function validate({ object, info, operation }: AdmissionRequest, version: KubernetesRelease): void {
    const errors: FieldError[] = [];
    validateName(object, errors);
    // From 1.33 a new StatefulSet's serviceName must be a DNS-1123 label; updates keep the old (immutable) one.
    if (object.kind === 'StatefulSet' && operation === 'CREATE' && object.spec?.serviceName && behaviour(version, 'api.statefulset.serviceNameIsLabel').value) {
      for (const problem of dns1123LabelProblems(String(object.spec.serviceName))) errors.push({ path: 'spec.serviceName', text: `Invalid value: "${object.spec.serviceName}": ${problem}` });
    }
    validateLabels(object.metadata.labels, 'metadata.labels', errors);
    if (['StatefulSet', 'Deployment', 'ReplicaSet', 'DaemonSet', 'ReplicationController'].includes(object.kind)) validateWorkload(object, errors, version);
    if (object.kind === 'Deployment') validateDeploymentStrategy(object.spec?.strategy, 'spec.strategy', errors, version);
    if (object.kind === 'Pod') validatePodSpec(object.spec, 'spec', errors, version);
    if (object.kind === 'Service') validateServicePortNumbers(object.spec?.ports, errors);
    if (object.kind === 'Service') validateProtocols(object.spec?.ports, 'spec.ports', errors);
    if (object.kind === 'Service') validateSessionAffinity(object.spec, errors);
    if (object.kind === 'Service' && object.spec?.type === 'ExternalName' && !object.spec?.externalName) errors.push({ path: 'spec.externalName', text: 'Required value' });
    if (object.kind === 'Job') validateJobTemplate(object.spec?.template, 'spec.template', errors, version);
    if (object.kind === 'CronJob') {
      validateJobTemplate(object.spec?.jobTemplate?.spec?.template, 'spec.jobTemplate.spec.template', errors, version);
      if (object.metadata.name.length > 52) errors.push({ path: 'metadata.name', text: `Invalid value: "${object.metadata.name}": must be no more than 52 characters` });
      validateTimeZone(object.spec?.timeZone, 'spec.timeZone', errors);
      const schedule = object.spec?.schedule;
      const problem = typeof schedule === 'string' ? cronScheduleProblem(schedule) : undefined;
      if (problem) errors.push({ path: 'spec.schedule', text: `Invalid value: ${JSON.stringify(schedule)}: ${problem}` });
    }
    if (object.kind === 'HorizontalPodAutoscaler') validateAutoscalerBounds(object.spec, errors, version);
    if (errors.length > 0) throw invalid(kindWithGroup(object, info.apiVersion), object.metadata.name, errors);
}

/**
 * validateServicePort's numbers: port and a numeric targetPort within 1..65535 (IsValidPortNum,
 * ValidatePortNumOrName; pkg/apis/core/validation/validation.go v1.32.5). A targetPort left out
 * was defaulted to the port, so an out-of-range port is refused on both fields, as upstream.
 */
function validateServicePortNumbers(ports: unknown, errors: FieldError[]): void {
  if (!Array.isArray(ports)) return;
  const outOfRange = (n: unknown) => typeof n === 'number' && (n < 1 || n > 65535);
  ports.forEach((p: any, i) => {
    if (outOfRange(p?.port)) errors.push({ path: `spec.ports[${i}].port`, text: `Invalid value: ${p.port}: must be between 1 and 65535, inclusive` });
    if (outOfRange(p?.targetPort)) errors.push({ path: `spec.ports[${i}].targetPort`, text: `Invalid value: ${p.targetPort}: must be between 1 and 65535, inclusive` });
  });
}

/** ValidateService's session affinity: None or ClientIP, a ClientIP timeout in (0, 86400]. */
function validateSessionAffinity(spec: any, errors: FieldError[]): void {
  const affinity = spec?.sessionAffinity;
  if (affinity !== undefined && affinity !== 'None' && affinity !== 'ClientIP') {
    errors.push({ path: 'spec.sessionAffinity', text: `Unsupported value: ${JSON.stringify(affinity)}: supported values: "ClientIP", "None"` });
  }
  const timeout = spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (affinity === 'ClientIP' && typeof timeout === 'number' && (timeout <= 0 || timeout > 86400)) {
    errors.push({ path: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', text: `Invalid value: ${timeout}: must be greater than 0 and less than 86400` });
  }
  if (affinity === 'None' && spec?.sessionAffinityConfig) {
    errors.push({ path: 'spec.sessionAffinityConfig', text: 'Forbidden: must not be set when session affinity is None' });
  }
}

/**
 * validateHorizontalPodAutoscalerSpec's bounds: minReplicas ≥ 1, or ≥ 0 while HPAScaleToZero is
 * on (1.37), when an Object or External metric must say when to come back from zero
 * (validateMetrics, pkg/apis/autoscaling/validation/validation.go v1.37.2:216). Metrics are
 * defaulted (cpu 80 %) before this runs.
 */
function validateAutoscalerBounds(spec: any, errors: FieldError[], version: KubernetesRelease): void {
  const min = spec?.minReplicas;
  const max = spec?.maxReplicas;
  const lowest = featureEnabled(version, 'HPAScaleToZero') ? 0 : 1;
  if (typeof min === 'number' && min < lowest) errors.push({ path: 'spec.minReplicas', text: `Invalid value: ${min}: must be greater than or equal to ${lowest}` });
  if (min === 0 && lowest === 0 && !(spec?.metrics ?? []).some((m: any) => m?.type === 'Object' || m?.type === 'External')) {
    errors.push({ path: 'spec.metrics', text: 'Forbidden: must specify at least one Object or External metric to support scaling to zero replicas' });
  }
  if (typeof max === 'number' && max < 1) errors.push({ path: 'spec.maxReplicas', text: `Invalid value: ${max}: must be greater than 0` });
  if (typeof min === 'number' && typeof max === 'number' && max < min) errors.push({ path: 'spec.maxReplicas', text: `Invalid value: ${max}: must be greater than or equal to \`minReplicas\`` });
}

const qualifiedNamePart = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/**
 * Each kind's name rule (its strategy's ValidateXName): Services are DNS-1035 labels
 * (ValidateServiceName = NameIsDNS1035Label), Namespaces DNS-1123 labels, most kinds subdomains.
 */
const NAME_RULES: Record<string, (name: string) => string[]> = { Service: dns1035LabelProblems, Namespace: dns1123LabelProblems };

/** RBAC objects are named by path segments (ValidateRBACName): `system:controller:x` is fine. */
const pathSegmentNamedKinds = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

function validateName(obj: KubeObject, errors: FieldError[]): void {
  const name = obj.metadata.name;
  if (pathSegmentNamedKinds.has(obj.kind)) {
    const problem = name === '.' || name === '..' ? `may not be '${name}'` : ['/', '%'].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`).join(', ');
    if (problem) errors.push({ path: 'metadata.name', text: `Invalid value: "${name}": ${problem}` });
  } else {
    for (const problem of (NAME_RULES[obj.kind] ?? dns1123SubdomainProblems)(name)) errors.push({ path: 'metadata.name', text: `Invalid value: "${name}": ${problem}` });
  }
}

function validateLabels(labels: Record<string, string> | undefined, path: string, errors: FieldError[]): void {
  for (const [k, v] of Object.entries(labels ?? {})) {
    const slash = k.lastIndexOf('/');
    const namePart = slash < 0 ? k : k.slice(slash + 1);
    const prefix = slash < 0 ? '' : k.slice(0, slash);
    if (namePart.length > 63 || !qualifiedNamePart.test(namePart) || (slash >= 0 && !matchesDns1123Subdomain(prefix))) {
      errors.push({
        path,
        text: `Invalid value: "${k}": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      });
    }
    // IsValidLabelValue: the length and the characters are two problems, each with its own words.
    if (typeof v === 'string' && v.length > 63) errors.push({ path, text: `Invalid value: "${v}": must be no more than 63 characters` });
    if (typeof v !== 'string' || !labelValue.test(v)) {
      errors.push({
        path,
        text: `Invalid value: "${v}": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      });
    }
  }
}

/** The checks StatefulSets, Deployments and ReplicaSets share: replicas, selector, template. */
function validateWorkload(obj: KubeObject, errors: FieldError[], version: KubernetesRelease): void {
  const spec = obj.spec ?? {};
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    errors.push({ path: 'spec.replicas', text: `Invalid value: ${spec.replicas}: must be greater than or equal to 0` });
  }
  const emptyMap = obj.kind === 'ReplicationController' && Object.keys(spec.selector ?? {}).length === 0;
  if (!spec.selector || emptyMap) {
    errors.push({ path: 'spec.selector', text: 'Required value' });
  } else {
    let selector: LabelSelector | undefined;
    try {
      selector = LabelSelector.fromSpec(podSelectorSpec(obj));
    } catch (e) {
      errors.push({ path: 'spec.selector', text: `Invalid value: ${(e as Error).message}` });
    }
    if (selector?.isEverything()) {
      // Upstream's ReplicaSet validation says "deployment" here too (pkg/apis/apps/validation).
      const what = obj.kind === 'StatefulSet' ? 'statefulset' : obj.kind === 'DaemonSet' ? 'daemonset' : 'deployment';
      errors.push({ path: 'spec.selector', text: `Invalid value: "null": empty selector is invalid for ${what}` });
    } else if (selector && !selector.matches(spec.template?.metadata?.labels)) {
      errors.push({
        path: 'spec.template.metadata.labels',
        text: `Invalid value: ${renderBadValue(version, { type: 'map[string]string', value: spec.template?.metadata?.labels })}: \`selector\` does not match template \`labels\``,
      });
    }
  }
  const policy = spec.template?.spec?.restartPolicy;
  if (policy !== undefined && policy !== 'Always') {
    errors.push({ path: 'spec.template.spec.restartPolicy', text: `Unsupported value: "${policy}": supported values: "Always"` });
  }
  // apps validation leaves a StatefulSet's pod spec alone (its mounts may name claim
  // templates); the StatefulSet controller's pod creation meets the pod checks instead.
  if (obj.kind !== 'StatefulSet') validatePodSpec(spec.template?.spec, 'spec.template.spec', errors, version);
}

/** A Job's pods must not restart forever: restartPolicy Never or OnFailure. */
function validateJobTemplate(template: any, path: string, errors: FieldError[], version: KubernetesRelease): void {
  const policy = template?.spec?.restartPolicy;
  if (policy !== 'Never' && policy !== 'OnFailure') {
    errors.push({ path: `${path}.spec.restartPolicy`, text: `Required value: valid values: "OnFailure", "Never"` });
  }
  validatePodSpec(template?.spec, `${path}.spec`, errors, version);
}

/** validateTimeZone: an IANA zone name the controller can load (Go's time.LoadLocation). */
function validateTimeZone(zone: unknown, path: string, errors: FieldError[]): void {
  if (zone === undefined || zone === null) return;
  const name = String(zone);
  if (name === '') return void errors.push({ path, text: 'Invalid value: "": timeZone must be nil or non-empty string' });
  if (name.toLowerCase() === 'local') return void errors.push({ path, text: `Invalid value: ${JSON.stringify(name)}: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones` });
  const wellFormed = name.split('/').every((part) => part !== '.' && part !== '..' && !part.startsWith('-') && /^[A-Za-z.\-_0-9+]{1,14}$/.test(part));
  if (!wellFormed || !isKnownTimeZone(name)) errors.push({ path, text: `Invalid value: ${JSON.stringify(name)}: unknown time zone ${name}` });
}

function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** ValidateDeploymentStrategy: Recreate takes no rollingUpdate; a rolling update must be able to move. */
function validateDeploymentStrategy(strategy: any, path: string, errors: FieldError[], version: KubernetesRelease): void {
  if (strategy?.type === 'Recreate' && strategy.rollingUpdate) {
    errors.push({ path: `${path}.rollingUpdate`, text: "Forbidden: may not be specified when strategy `type` is 'Recreate'" });
  }
  const rolling = strategy?.type === 'RollingUpdate' ? strategy.rollingUpdate : undefined;
  const isZero = (v: unknown) => v === 0 || v === '0%';
  if (rolling && isZero(rolling.maxUnavailable) && isZero(rolling.maxSurge)) {
    errors.push({ path: `${path}.rollingUpdate.maxUnavailable`, text: `Invalid value: ${renderBadValue(version, { type: 'intstr.IntOrString', value: rolling.maxUnavailable })}: may not be 0 when \`maxSurge\` is 0` });
  }
}

function kindWithGroup(obj: KubeObject, apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? obj.kind : `${obj.kind}.${apiVersion.slice(0, slash)}`;
}

