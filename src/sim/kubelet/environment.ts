import type { KubeObject } from '../store/types.ts';
import { configValues, type ObjectLookup } from '../../kube/volume-files.ts';
export type { ObjectLookup } from '../../kube/volume-files.ts';

/** The resolved environment, or the kubelet's CreateContainerConfigError message. */
export type EnvResult = { env: Record<string, string> } | { error: string };

/**
 * A container's environment as the kubelet builds it at start (pkg/kubelet/kubelet_pods.go
 * makeEnvironmentVariables): Service link variables first, then envFrom (with prefix), then env
 * (explicit entries win), `$(VAR)` expanded from what is defined so far. A missing non-optional
 * ConfigMap/Secret or key is the CreateContainerConfigError message (reference/kubelet.md §2).
 */
export function resolveEnvironment(pod: KubeObject, container: any, lookup: ObjectLookup, services: KubeObject[]): EnvResult {
  const env: Record<string, string> = {};
  Object.assign(env, serviceLinks(linkedServices(pod, services)));
  for (const from of container.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
    const obj = lookup(kind, ref.name);
    if (!obj) {
      if (ref.optional) continue;
      return { error: `${kind.toLowerCase()} "${ref.name}" not found` };
    }
    for (const [k, v] of Object.entries<string>(configValues(obj))) env[`${from.prefix ?? ''}${k}`] = v;
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined || !e.valueFrom) {
      env[e.name] = expand(e.value ?? '', env);
      continue;
    }
    const ref = e.valueFrom.configMapKeyRef ?? e.valueFrom.secretKeyRef;
    if (ref) {
      const kind = e.valueFrom.configMapKeyRef ? 'ConfigMap' : 'Secret';
      const obj = lookup(kind, ref.name);
      if (!obj) {
        if (ref.optional) continue;
        return { error: `${kind.toLowerCase()} "${ref.name}" not found` };
      }
      const value = configValues(obj)[ref.key];
      if (value === undefined) {
        if (ref.optional) continue;
        return { error: `couldn't find key ${ref.key} in ${kind} ${pod.metadata.namespace}/${ref.name}` };
      }
      env[e.name] = value;
      continue;
    }
    const field = e.valueFrom.fieldRef?.fieldPath;
    if (field) env[e.name] = fieldValue(pod, field);
  }
  return { env };
}

/** `$(VAR)` becomes VAR's value when defined; `$$(VAR)` escapes; unknown references stay as written. */
function expand(text: string, env: Record<string, string>): string {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name) => (m === '$$' ? '$' : env[name] ?? m));
}

/** The Downward API fields a scenario is likely to read. */
function fieldValue(pod: KubeObject, path: string): string {
  const annotation = /^metadata\.annotations\['(.+)'\]$/.exec(path);
  if (annotation) return pod.metadata.annotations?.[annotation[1]!] ?? '';
  const label = /^metadata\.labels\['(.+)'\]$/.exec(path);
  if (label) return pod.metadata.labels?.[label[1]!] ?? '';
  switch (path) {
    case 'metadata.name': return pod.metadata.name;
    case 'metadata.namespace': return pod.metadata.namespace ?? '';
    case 'metadata.uid': return pod.metadata.uid;
    case 'spec.nodeName': return pod.spec?.nodeName ?? '';
    case 'spec.serviceAccountName': return pod.spec?.serviceAccountName ?? '';
    case 'status.podIP': return pod.status?.podIP ?? '';
    case 'status.hostIP': return pod.status?.hostIP ?? '';
    default: return '';
  }
}

/**
 * Whose link variables a container gets (kubelet_pods.go getServiceEnvVarMap): the `kubernetes`
 * Service of the default namespace always, and with enableServiceLinks (the default) every
 * Service of the pod's own namespace.
 */
function linkedServices(pod: KubeObject, services: KubeObject[]): KubeObject[] {
  const links = pod.spec?.enableServiceLinks !== false;
  return services.filter((s) => (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes') || (links && s.metadata.namespace === pod.metadata.namespace));
}

/**
 * The variables of each Service with a cluster IP (pkg/kubelet/envvars): <NAME>_SERVICE_HOST,
 * _SERVICE_PORT (the first port) and _SERVICE_PORT_<port name>, then the Docker link ones:
 * <NAME>_PORT (first port) and, for every port, <NAME>_PORT_<port>_<PROTO> with _PROTO, _PORT, _ADDR.
 */
function serviceLinks(services: KubeObject[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of services) {
    if (!s.spec?.clusterIP || s.spec.clusterIP === 'None') continue;
    const name = s.metadata.name.toUpperCase().replaceAll('-', '_');
    const ports: any[] = s.spec.ports ?? [];
    out[`${name}_SERVICE_HOST`] = s.spec.clusterIP;
    if (ports[0]) out[`${name}_SERVICE_PORT`] = String(ports[0].port);
    for (const p of ports) if (p.name) out[`${name}_SERVICE_PORT_${p.name.toUpperCase().replaceAll('-', '_')}`] = String(p.port);
    const host = s.spec.clusterIP.includes(':') ? `[${s.spec.clusterIP}]` : s.spec.clusterIP;
    ports.forEach((p, i) => {
      const protocol = (p.protocol ?? 'TCP') as string;
      const address = `${protocol.toLowerCase()}://${host}:${p.port}`;
      if (i === 0) out[`${name}_PORT`] = address;
      const prefix = `${name}_PORT_${p.port}_${protocol.toUpperCase()}`;
      out[prefix] = address;
      out[`${prefix}_PROTO`] = protocol.toLowerCase();
      out[`${prefix}_PORT`] = String(p.port);
      out[`${prefix}_ADDR`] = s.spec.clusterIP;
    });
  }
  return out;
}

/** The first configMap/secret volume whose source is missing, as the FailedMount message. */
export function missingVolumeSource(pod: KubeObject, lookup: ObjectLookup): string | undefined {
  for (const v of pod.spec?.volumes ?? []) {
    const src = v.configMap ?? v.secret;
    if (!src) continue;
    const kind = v.configMap ? 'ConfigMap' : 'Secret';
    const name = v.configMap ? src.name : src.secretName;
    const obj = lookup(kind, name);
    if (!obj) {
      if (src.optional) continue;
      return `MountVolume.SetUp failed for volume "${v.name}" : ${kind.toLowerCase()} "${name}" not found`;
    }
    for (const item of src.items ?? []) {
      if (configValues(obj)[item.key] === undefined && !src.optional) {
        return `MountVolume.SetUp failed for volume "${v.name}" : configmap references non-existent config key: ${item.key}`;
      }
    }
  }
  return undefined;
}
