import type { FieldError } from '../../kube/api-errors.ts';
import { featureEnabled, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import { parseQuantity } from '../../kube/quantity.ts';

/**
 * The pod spec checks of pkg/apis/core/validation (ValidatePodSpec and what it calls) that
 * scenarios meet: containers and their names, mounts, resources, env fieldRefs, tolerations,
 * affinity terms, spread constraints and port protocols, with the API server's paths and texts.
 * Pods and the templates of Deployments, ReplicaSets, DaemonSets and Jobs share them.
 */
const MAX_INT32 = 2147483647;

export function validatePodSpec(spec: any, path: string, errors: FieldError[], version: KubernetesRelease): void {
  const containers: any[] = spec?.containers ?? [];
  if (containers.length === 0) errors.push({ path: `${path}.containers`, text: 'Required value' });
  const deadline = spec?.activeDeadlineSeconds;
  if (typeof deadline === 'number' && (deadline < 1 || deadline > MAX_INT32)) {
    errors.push({ path: `${path}.activeDeadlineSeconds`, text: `Invalid value: ${deadline}: must be between 1 and ${MAX_INT32}, inclusive` });
  }
  containers.forEach((c, i) => {
    if (!c.name) errors.push({ path: `${path}.containers[${i}].name`, text: 'Required value' });
    if (!c.image) errors.push({ path: `${path}.containers[${i}].image`, text: 'Required value' });
  });
  const volumeNames = new Set<string>((spec?.volumes ?? []).map((v: any) => v?.name));
  const containerNames = new Set<string>();
  for (const group of ['initContainers', 'containers']) {
    (spec?.[group] ?? []).forEach((c: any, i: number) => {
      const at = `${path}.${group}[${i}]`;
      // Names are unique across init and app containers (init containers are checked first).
      if (c?.name && containerNames.has(c.name)) errors.push({ path: `${at}.name`, text: `Duplicate value: ${JSON.stringify(c.name)}` });
      containerNames.add(c?.name);
      (c?.volumeMounts ?? []).forEach((m: any, j: number) => {
        if (m?.name && !volumeNames.has(m.name)) errors.push({ path: `${at}.volumeMounts[${j}].name`, text: `Not found: ${JSON.stringify(m.name)}` });
      });
      validateRequestsWithinLimits(c?.resources, `${at}.resources`, errors);
      validateExtendedResources(c?.resources, `${at}.resources`, errors);
      (c?.env ?? []).forEach((e: any, j: number) => validateEnvFieldRef(e?.valueFrom?.fieldRef, `${at}.env[${j}].valueFrom.fieldRef`, errors));
      for (const hook of ['postStart', 'preStop']) validateSleepAction(c?.lifecycle?.[hook]?.sleep, spec?.terminationGracePeriodSeconds ?? 30, `${at}.lifecycle.${hook}.sleep`, errors, version);
    });
  }
  for (const group of ['initContainers', 'containers']) {
    (spec?.[group] ?? []).forEach((c: any, i: number) => validateProtocols(c.ports, `${path}.${group}[${i}].ports`, errors));
  }
  validateTolerations(spec?.tolerations, `${path}.tolerations`, errors);
  validatePodAffinityTerms(spec?.affinity, `${path}.affinity`, errors);
  validateSpreadConstraints(spec?.topologySpreadConstraints, `${path}.topologySpreadConstraints`, errors);
  (spec?.initContainers ?? []).forEach((c: any, i: number) => {
    if (c.restartPolicy === 'Always') return;
    for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
      if (c[field]) errors.push({ path: `${path}.initContainers[${i}].${field}`, text: 'Forbidden: may not be set for init containers without restartPolicy=Always' });
    }
  });
}

/**
 * validateSleepAction: a sleep hook's seconds may be at most the pod's terminationGracePeriodSeconds
 * (defaulted to 30 first) and must be positive while PodLifecycleSleepActionAllowZero is off
 * (1.32), non-negative from 1.33, each with its own text (validation.go v1.32.5:3170-3176,
 * v1.37.2:3484).
 */
function validateSleepAction(sleep: any, grace: number, path: string, errors: FieldError[], version: KubernetesRelease): void {
  if (sleep === undefined || sleep === null) return;
  const seconds = sleep.seconds;
  if (featureEnabled(version, 'PodLifecycleSleepActionAllowZero')) {
    if (typeof seconds === 'number' && seconds >= 0 && seconds <= grace) return;
    errors.push({ path, text: `Invalid value: ${seconds}: must be non-negative and less than terminationGracePeriodSeconds (${grace})` });
    return;
  }
  if (typeof seconds === 'number' && seconds > 0 && seconds <= grace) return;
  errors.push({ path, text: `Invalid value: ${seconds}: must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.` });
}

/** A request above its limit (validateResourceRequirements): the path is `requests`, the value the request's. */
function validateRequestsWithinLimits(resources: any, path: string, errors: FieldError[]): void {
  for (const [name, request] of Object.entries<any>(resources?.requests ?? {})) {
    const limit = resources?.limits?.[name];
    const [r, l] = [quantityOrUndefined(request), quantityOrUndefined(limit)];
    if (r !== undefined && l !== undefined && r > l) {
      errors.push({ path: `${path}.requests`, text: `Invalid value: ${JSON.stringify(String(request))}: must be less than or equal to ${name} limit of ${limit}` });
    }
  }
}

function quantityOrUndefined(q: unknown): number | undefined {
  try {
    return q === undefined ? undefined : parseQuantity(q as string);
  } catch {
    return undefined;
  }
}

/**
 * Extended resources (a domain other than kubernetes.io, e.g. nvidia.com/gpu) cannot be
 * overcommitted: a request needs a limit, and equals it.
 */
function validateExtendedResources(resources: any, path: string, errors: FieldError[]): void {
  for (const [name, request] of Object.entries<any>(resources?.requests ?? {})) {
    if (!isExtendedResource(name)) continue;
    const limit = resources?.limits?.[name];
    if (limit === undefined) errors.push({ path: `${path}.limits`, text: 'Required value: Limit must be set for non overcommitable resources' });
    else if (quantityOrUndefined(request) !== quantityOrUndefined(limit)) {
      errors.push({ path: `${path}.requests`, text: `Invalid value: ${JSON.stringify(String(request))}: must be equal to ${name} limit of ${limit}` });
    }
  }
}

function isExtendedResource(name: string): boolean {
  const slash = name.indexOf('/');
  return slash > 0 && !name.slice(0, slash).endsWith('kubernetes.io') && !name.startsWith('requests.');
}

/** ValidateTolerations: an Exists toleration matches any value, so it may not name one. */
function validateTolerations(tolerations: any[] | undefined, path: string, errors: FieldError[]): void {
  (tolerations ?? []).forEach((t, i) => {
    if (t?.operator === 'Exists' && t.value) errors.push({ path: `${path}[${i}].operator`, text: `Invalid value: ${JSON.stringify(t.value)}: value must be empty when \`operator\` is 'Exists'` });
  });
}

/** Every pod (anti-)affinity term needs a topologyKey: the domain it counts pods in. */
function validatePodAffinityTerms(affinity: any, path: string, errors: FieldError[]): void {
  for (const kind of ['podAffinity', 'podAntiAffinity']) {
    const rules = affinity?.[kind];
    (rules?.requiredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term: any, i: number) => {
      if (!term?.topologyKey) errors.push({ path: `${path}.${kind}.requiredDuringSchedulingIgnoredDuringExecution[${i}].topologyKey`, text: 'Required value: can not be empty' });
    });
    (rules?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((p: any, i: number) => {
      if (!p?.podAffinityTerm?.topologyKey) errors.push({ path: `${path}.${kind}.preferredDuringSchedulingIgnoredDuringExecution[${i}].podAffinityTerm.topologyKey`, text: 'Required value: can not be empty' });
    });
  }
}

/** validateTopologySpreadConstraints: a positive maxSkew and one of the two known actions. */
function validateSpreadConstraints(constraints: any[] | undefined, path: string, errors: FieldError[]): void {
  (constraints ?? []).forEach((c, i) => {
    const at = `${path}[${i}]`;
    if (typeof c?.maxSkew === 'number' && c.maxSkew <= 0) errors.push({ path: `${at}.maxSkew`, text: `Invalid value: ${c.maxSkew}: must be greater than zero` });
    if (!c?.topologyKey) errors.push({ path: `${at}.topologyKey`, text: 'Required value: can not be empty' });
    if (!c?.whenUnsatisfiable) errors.push({ path: `${at}.whenUnsatisfiable`, text: 'Required value: can not be empty' });
    else if (!['DoNotSchedule', 'ScheduleAnyway'].includes(c.whenUnsatisfiable)) {
      errors.push({ path: `${at}.whenUnsatisfiable`, text: `Unsupported value: ${JSON.stringify(c.whenUnsatisfiable)}: supported values: "DoNotSchedule", "ScheduleAnyway"` });
    }
  });
}

/** What an env var's fieldRef may read (validEnvDownwardAPIFieldPathExpressions, plus one label or annotation). */
const envFieldPaths = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName', 'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];

function validateEnvFieldRef(ref: any, path: string, errors: FieldError[]): void {
  const fieldPath = ref?.fieldPath;
  if (typeof fieldPath !== 'string' || /^metadata\.(labels|annotations)\['[^']+'\]$/.test(fieldPath) || envFieldPaths.includes(fieldPath)) return;
  errors.push({ path: `${path}.fieldPath`, text: `Unsupported value: ${JSON.stringify(fieldPath)}: supported values: ${envFieldPaths.map((p) => JSON.stringify(p)).join(', ')}` });
}

/** Port protocols are case-sensitive: "tcp" is refused (pkg/apis/core/validation). */
export function validateProtocols(ports: any[] | undefined, path: string, errors: FieldError[]): void {
  (ports ?? []).forEach((p, i) => {
    if (p?.protocol !== undefined && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) {
      errors.push({ path: `${path}[${i}].protocol`, text: `Unsupported value: ${JSON.stringify(p.protocol)}: supported values: "SCTP", "TCP", "UDP"` });
    }
  });
}
