import { ApiError } from '../../kube/api-errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import type { AdmissionPlugin } from './admission.ts';
import { deepEqual } from '../store/apply/object-fields.ts';

type Check = { id: string; level: 'baseline' | 'restricted'; overrides?: string; run: (pod: KubeObject) => [reason: string, detail: string] | undefined };

const quote = (items: string[]) => items.map((i) => `"${i}"`).join(', ');
const plural = (one: string, many: string, n: number) => (n === 1 ? one : many);
const containersOf = (pod: KubeObject): any[] => [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])];
const baselineCapabilities = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
const allowedVolumes = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/** "container "a" must …" / "containers "a", "b" must …" for the containers a test picks out. */
function bad(pod: KubeObject, test: (c: any) => boolean): string[] {
  return containersOf(pod).filter(test).map((c) => c.name);
}

/**
 * The Pod Security Standards checks of k8s.io/pod-security-admission v0.32 (policy/check_*.go),
 * with their reasons and details. Run in ID order, baseline first, then restricted; restricted
 * checks replace the baseline ones they override.
 */
const checks: Check[] = [
  { id: 'capabilities_baseline', level: 'baseline', run: (pod) => {
    const added = new Set<string>();
    const names = bad(pod, (c) => (c.securityContext?.capabilities?.add ?? []).some((cap: string) => !baselineCapabilities.has(cap) && added.add(cap)));
    return names.length ? ['non-default capabilities', `${plural('container', 'containers', names.length)} ${quote(names)} must not include ${quote([...added].sort())} in securityContext.capabilities.add`] : undefined;
  } },
  { id: 'hostNamespaces', level: 'baseline', run: (pod) => {
    const on = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((k) => pod.spec?.[k]).map((k) => `${k}=true`);
    return on.length ? ['host namespaces', on.join(', ')] : undefined;
  } },
  { id: 'hostPathVolumes', level: 'baseline', run: (pod) => {
    const vols = (pod.spec?.volumes ?? []).filter((v: any) => v.hostPath).map((v: any) => v.name);
    return vols.length ? ['hostPath volumes', `${plural('volume', 'volumes', vols.length)} ${quote(vols)}`] : undefined;
  } },
  { id: 'hostPorts', level: 'baseline', run: (pod) => {
    const ports = new Set<number>();
    const names = bad(pod, (c) => (c.ports ?? []).some((p: any) => p.hostPort && ports.add(p.hostPort)));
    const list = [...ports].map(String).sort();
    return names.length ? ['hostPort', `${plural('container', 'containers', names.length)} ${quote(names)} ${plural('uses', 'use', names.length)} ${plural('hostPort', 'hostPorts', list.length)} ${list.join(', ')}`] : undefined;
  } },
  { id: 'privileged', level: 'baseline', run: (pod) => {
    const names = bad(pod, (c) => c.securityContext?.privileged === true);
    return names.length ? ['privileged', `${plural('container', 'containers', names.length)} ${quote(names)} must not set securityContext.privileged=true`] : undefined;
  } },
  { id: 'allowPrivilegeEscalation', level: 'restricted', run: (pod) => {
    const names = bad(pod, (c) => c.securityContext?.allowPrivilegeEscalation !== false);
    return names.length ? ['allowPrivilegeEscalation != false', `${plural('container', 'containers', names.length)} ${quote(names)} must set securityContext.allowPrivilegeEscalation=false`] : undefined;
  } },
  { id: 'capabilities_restricted', level: 'restricted', overrides: 'capabilities_baseline', run: (pod) => {
    const missingDrop = bad(pod, (c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL'));
    const forbidden = new Set<string>();
    const adding = bad(pod, (c) => (c.securityContext?.capabilities?.add ?? []).some((cap: string) => cap !== 'NET_BIND_SERVICE' && forbidden.add(cap)));
    const details: string[] = [];
    if (missingDrop.length) details.push(`${plural('container', 'containers', missingDrop.length)} ${quote(missingDrop)} must set securityContext.capabilities.drop=["ALL"]`);
    if (adding.length) details.push(`${plural('container', 'containers', adding.length)} ${quote(adding)} must not include ${quote([...forbidden].sort())} in securityContext.capabilities.add`);
    return details.length ? ['unrestricted capabilities', details.join('; ')] : undefined;
  } },
  { id: 'restrictedVolumes', level: 'restricted', overrides: 'hostPathVolumes', run: (pod) => {
    const types = new Set<string>();
    const vols = (pod.spec?.volumes ?? []).filter((v: any) => {
      const type = Object.keys(v).find((k) => k !== 'name');
      if (!type || allowedVolumes.includes(type)) return false;
      types.add(type);
      return true;
    }).map((v: any) => v.name);
    const list = [...types].sort();
    return vols.length ? ['restricted volume types', `${plural('volume', 'volumes', vols.length)} ${quote(vols)} ${plural('uses', 'use', vols.length)} ${plural('restricted volume type', 'restricted volume types', list.length)} ${quote(list)}`] : undefined;
  } },
  { id: 'runAsNonRoot', level: 'restricted', run: (pod) => {
    const podSet = pod.spec?.securityContext?.runAsNonRoot;
    const explicit = bad(pod, (c) => c.securityContext?.runAsNonRoot === false);
    if (podSet === false || explicit.length) {
      const setters = [...(podSet === false ? ['pod'] : []), ...(explicit.length ? [`${plural('container', 'containers', explicit.length)} ${quote(explicit)}`] : [])];
      return ['runAsNonRoot != true', `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false`];
    }
    const implicit = podSet === true ? [] : bad(pod, (c) => c.securityContext?.runAsNonRoot !== true);
    return implicit.length ? ['runAsNonRoot != true', `pod or ${plural('container', 'containers', implicit.length)} ${quote(implicit)} must set securityContext.runAsNonRoot=true`] : undefined;
  } },
  { id: 'runAsUser', level: 'restricted', run: (pod) => {
    const setters = [...(pod.spec?.securityContext?.runAsUser === 0 ? ['pod'] : [])];
    const names = bad(pod, (c) => c.securityContext?.runAsUser === 0);
    if (names.length) setters.push(`${plural('container', 'containers', names.length)} ${quote(names)}`);
    return setters.length ? ['runAsUser=0', `${setters.join(' and ')} must not set runAsUser=0`] : undefined;
  } },
  { id: 'seccompProfile_restricted', level: 'restricted', run: (pod) => {
    const ok = (t: string | undefined) => t === 'RuntimeDefault' || t === 'Localhost';
    const podType: string | undefined = pod.spec?.securityContext?.seccompProfile?.type;
    const implicit = ok(podType) ? [] : bad(pod, (c) => !ok(c.securityContext?.seccompProfile?.type) && c.securityContext?.seccompProfile?.type === undefined);
    const explicit = bad(pod, (c) => c.securityContext?.seccompProfile?.type !== undefined && !ok(c.securityContext.seccompProfile.type));
    if (podType !== undefined && !ok(podType) || explicit.length) {
      const setters = [...(podType !== undefined && !ok(podType) ? ['pod'] : []), ...(explicit.length ? [`${plural('container', 'containers', explicit.length)} ${quote(explicit)}`] : [])];
      return ['seccompProfile', `${setters.join(' and ')} must not set securityContext.seccompProfile.type to "Unconfined"`];
    }
    return implicit.length ? ['seccompProfile', `pod or ${plural('container', 'containers', implicit.length)} ${quote(implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`] : undefined;
  } },
];

/** The failing checks of a pod at a level, in the order the admission plugin reports them. */
function failedChecks(pod: KubeObject, level: string): Array<[reason: string, detail: string]> {
  if (level !== 'baseline' && level !== 'restricted') return [];
  const active = level === 'baseline' ? checks.filter((c) => c.level === 'baseline') : checks.filter((c) => !checks.some((r) => r.level === 'restricted' && r.overrides === c.id));
  const ordered = [...active.filter((c) => c.level === 'baseline'), ...active.filter((c) => c.level === 'restricted')];
  return ordered.map((c) => c.run(pod)).filter((r): r is [string, string] => r !== undefined);
}

/** The forbidden reasons of a pod at a level with their details (ForbiddenDetail). */
export function podSecurityViolations(pod: KubeObject, level: string): string[] {
  return failedChecks(pod, level).map(([reason, detail]) => `${reason} (${detail})`);
}

const LABEL = 'pod-security.kubernetes.io';
const LEVELS = ['privileged', 'baseline', 'restricted'];

/** A mode's level and version, printed as PSA prints them: `restricted:latest`. */
interface LevelVersion { level: string; version: string }
const text = (lv: LevelVersion) => `${lv.level}:${lv.version}`;

/**
 * The namespace's policy (api.PolicyToEvaluate): each mode privileged:latest unless labelled;
 * warn follows an enforce level stricter than it when warn has no label of its own.
 */
function policyOf(labels: Record<string, string>): Record<'enforce' | 'warn' | 'audit', LevelVersion> {
  const mode = (m: string): LevelVersion => ({
    level: LEVELS.includes(labels[`${LABEL}/${m}`] ?? '') ? labels[`${LABEL}/${m}`]! : 'privileged',
    version: labels[`${LABEL}/${m}-version`] ?? 'latest',
  });
  const policy = { enforce: mode('enforce'), warn: mode('warn'), audit: mode('audit') };
  if (labels[`${LABEL}/warn`] === undefined && LEVELS.includes(labels[`${LABEL}/enforce`] ?? '') && LEVELS.indexOf(policy.enforce.level) > LEVELS.indexOf(policy.warn.level)) {
    policy.warn = { level: policy.enforce.level, version: labels[`${LABEL}/warn-version`] ?? policy.enforce.version };
  }
  return policy;
}

/** The pod a workload makes (PodSpecExtractor): its template, for the kinds PSA looks into. */
function podTemplateOf(object: KubeObject): KubeObject | undefined {
  const template = object.kind === 'PodTemplate' ? (object as any).template
    : object.kind === 'CronJob' ? object.spec?.jobTemplate?.spec?.template
      : ['ReplicationController', 'ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet', 'Job'].includes(object.kind) ? object.spec?.template : undefined;
  return template ? ({ metadata: template.metadata ?? {}, spec: template.spec ?? {} } as KubeObject) : undefined;
}

/**
 * Pod Security Admission (reference/api-machinery.md §9, admission/admission.go): a pod created
 * in a namespace labelled pod-security.kubernetes.io/enforce=baseline|restricted is refused with
 * the plugin's message when it violates the level; the warn level answers an admitted pod, and a
 * workload's pod template, with a warning; raising a namespace's enforce level warns about the
 * pods already there (nothing is evicted). The audit level only annotates audit events, which
 * the simulator does not keep.
 */
export function podSecurityAdmission(store: () => ObjectStore): AdmissionPlugin {
  const policyIn = (namespace: string | undefined) => policyOf(store().get('Namespace', { name: namespace ?? 'default' })?.metadata.labels ?? {});
  return {
    name: 'PodSecurity',
    admit({ operation, object, old, warnings }) {
      if (object.kind === 'Namespace') {
        if (operation === 'UPDATE' && old) warnings?.push(...existingPodWarnings(store(), object, old));
        return;
      }
      if (object.kind === 'Pod') {
        if (operation !== 'CREATE') return;
        const policy = policyIn(object.metadata.namespace);
        const violations = podSecurityViolations(object, policy.enforce.level);
        if (violations.length > 0) {
          const name = object.metadata.name || object.metadata.generateName || '';
          throw new ApiError('Forbidden', 403, `pods "${name}" is forbidden: violates PodSecurity "${text(policy.enforce)}": ${violations.join(', ')}`);
        }
        warnAbout(object, policy.warn, warnings);
        return;
      }
      const template = podTemplateOf(object);
      if (!template) return;
      // An update that leaves the pod template as it was is not evaluated again.
      const before = old && podTemplateOf(old);
      if (operation === 'UPDATE' && before && deepEqual(before, template)) return;
      warnAbout(template, policyIn(object.metadata.namespace).warn, warnings);
    },
  };
}

function warnAbout(pod: KubeObject, warn: LevelVersion, warnings: string[] | undefined): void {
  const violations = podSecurityViolations(pod, warn.level);
  if (violations.length > 0) warnings?.push(`would violate PodSecurity "${text(warn)}": ${violations.join(', ')}`);
}

/**
 * EvaluatePodsInNamespace: a stricter enforce level (or another version) names the pods already in
 * the namespace that it would refuse, one warning per distinct set of reasons, under the
 * lexically first pod's name with a count of the others.
 */
function existingPodWarnings(store: ObjectStore, namespace: KubeObject, old: KubeObject): string[] {
  const next = policyOf(namespace.metadata.labels ?? {}).enforce;
  const before = policyOf(old.metadata.labels ?? {}).enforce;
  if (text(next) === text(before) || next.level === 'privileged') return [];
  if (next.version === before.version && LEVELS.indexOf(next.level) <= LEVELS.indexOf(before.level)) return [];
  const byReasons = new Map<string, { first: string; count: number }>();
  for (const pod of store.list('Pod', { namespace: namespace.metadata.name })) {
    const failed = failedChecks(pod, next.level);
    if (failed.length === 0) continue;
    const reasons = failed.map(([reason]) => reason).join(', ');
    const seen = byReasons.get(reasons);
    if (!seen) byReasons.set(reasons, { first: pod.metadata.name, count: 1 });
    else {
      seen.count++;
      if (pod.metadata.name < seen.first) seen.first = pod.metadata.name;
    }
  }
  if (byReasons.size === 0) return [];
  const others = (n: number) => (n === 1 ? '' : n === 2 ? ' (and 1 other pod)' : ` (and ${n - 1} other pods)`);
  const perPods = [...byReasons].map(([reasons, { first, count }]) => `${first}${others(count)}: ${reasons}`).sort();
  return [`existing pods in namespace "${namespace.metadata.name}" violate the new PodSecurity enforce level "${text(next)}"`, ...perPods];
}
