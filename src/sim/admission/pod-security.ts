import { ApiError } from '../store/errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import type { AdmissionPlugin } from './admission.ts';

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

/** The forbidden reasons of a pod at a level, in the order the admission plugin reports them. */
export function podSecurityViolations(pod: KubeObject, level: string): string[] {
  if (level !== 'baseline' && level !== 'restricted') return [];
  const active = level === 'baseline' ? checks.filter((c) => c.level === 'baseline') : checks.filter((c) => !checks.some((r) => r.level === 'restricted' && r.overrides === c.id));
  const ordered = [...active.filter((c) => c.level === 'baseline'), ...active.filter((c) => c.level === 'restricted')];
  return ordered.map((c) => c.run(pod)).filter((r): r is [string, string] => r !== undefined).map(([reason, detail]) => `${reason} (${detail})`);
}

/**
 * Pod Security Admission in enforce mode (reference/api-machinery.md §9): a pod created in a
 * namespace labelled pod-security.kubernetes.io/enforce=baseline|restricted is refused with the
 * plugin's message when it violates the level. Warn and audit modes are not modelled yet.
 */
export function podSecurityAdmission(store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'PodSecurity',
    admit({ operation, object }) {
      if (operation !== 'CREATE' || object.kind !== 'Pod') return;
      const labels = store().get('Namespace', { name: object.metadata.namespace ?? 'default' })?.metadata.labels ?? {};
      const level = labels['pod-security.kubernetes.io/enforce'];
      if (!level || level === 'privileged') return;
      const violations = podSecurityViolations(object, level);
      if (violations.length === 0) return;
      const version = labels['pod-security.kubernetes.io/enforce-version'] ?? 'latest';
      const name = object.metadata.name || object.metadata.generateName || '';
      throw new ApiError('Forbidden', 403, `pods "${name}" is forbidden: violates PodSecurity "${level}:${version}": ${violations.join(', ')}`);
    },
  };
}
