import { podSelectorSpec, type KubeObject } from '../sim/index.ts';
import { behaviour, type KubernetesRelease } from '../kube/kubernetes-versions.ts';
import { humanDuration } from './human-duration.ts';

/**
 * Server-side printing (`Accept: application/json;as=Table`), the columns `kubectl get` shows
 * for each kind (pkg/printers/internalversion/printers.go in v1.32, with the later releases'
 * changes from the versioned facts, `kubectl-output.*`). Priority-1 columns appear with `-o wide`.
 * Kinds without a printer get NAME and AGE, as custom resources do.
 */

/** When and for which release a table is printed. */
export interface PrintContext {
  now: number;
  version: Pick<KubernetesRelease, 'minor'>;
  /** The items of the list being printed; undefined for one object (a GET, a watch event). */
  list?: readonly KubeObject[];
}

export interface Column {
  name: string;
  type?: 'string' | 'integer' | 'date';
  /** 0: always shown; 1: only with -o wide. */
  priority?: number;
  cell: (obj: KubeObject, at: PrintContext) => string | number;
}

const name: Column = { name: 'Name', cell: (o) => o.metadata.name };
const age: Column = { name: 'Age', cell: (o, at) => ageOf(o.metadata.creationTimestamp, at.now) };
const wide = (c: Column): Column => ({ ...c, priority: 1 });

/** storageutil.IsDefaultAnnotation: the GA or the beta annotation says "true". */
function hasDefaultAnnotation(o: KubeObject): boolean {
  const annotations = o.metadata.annotations ?? {};
  return annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

/**
 * Whether a StorageClass's name carries "(default)": up to 1.36 any class with the annotation;
 * from 1.37 only in a list, and only the effective default there (getEffectiveDefaultStorageClass:
 * the newest annotated one, on a tie the first name; kubectl-output.storageClass.effectiveDefault).
 */
function isMarkedDefault(o: KubeObject, at: PrintContext): boolean {
  if (!behaviour(at.version, 'kubectl-output.storageClass.effectiveDefault').value) return hasDefaultAnnotation(o);
  return at.list !== undefined && effectiveDefault(at.list)?.metadata.name === o.metadata.name;
}

/** A list's effective default StorageClass, worked out once per list (every row asks). */
const effectiveDefaults = new WeakMap<readonly KubeObject[], KubeObject | undefined>();

function effectiveDefault(list: readonly KubeObject[]): KubeObject | undefined {
  if (effectiveDefaults.has(list)) return effectiveDefaults.get(list);
  let effective: KubeObject | undefined;
  for (const c of list) {
    if (!hasDefaultAnnotation(c)) continue;
    const newer = effective && Date.parse(c.metadata.creationTimestamp ?? '') - Date.parse(effective.metadata.creationTimestamp ?? '');
    if (!effective || newer! > 0 || (newer === 0 && c.metadata.name < effective.metadata.name)) effective = c;
  }
  effectiveDefaults.set(list, effective);
  return effective;
}

function ageOf(timestamp: string | undefined, now: number): string {
  return timestamp ? humanDuration(now - Date.parse(timestamp)) : '<unknown>';
}

function containersOf(o: KubeObject): any[] {
  return o.spec?.template?.spec?.containers ?? o.spec?.jobTemplate?.spec?.template?.spec?.containers ?? [];
}

const workloadWide: Column[] = [
  wide({ name: 'Containers', cell: (o) => containersOf(o).map((c) => c.name).join(',') }),
  wide({ name: 'Images', cell: (o) => containersOf(o).map((c) => c.image).join(',') }),
  wide({ name: 'Selector', cell: (o) => selectorText(podSelectorSpec(o)) }),
];

function selectorText(selector: any): string {
  if (!selector) return '<none>';
  const parts = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of selector.matchExpressions ?? []) {
    if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
    else parts.push(`${e.key} ${e.operator === 'In' ? 'in' : 'notin'} (${(e.values ?? []).join(',')})`);
  }
  return parts.join(',') || '<none>';
}

function mapText(m: Record<string, string> | undefined): string {
  const parts = Object.entries(m ?? {}).map(([k, v]) => `${k}=${v}`);
  return parts.length ? parts.join(',') : '<none>';
}

/**
 * The STATUS column of a pod: printers.go printPod's reason logic. From 1.35 a Completed
 * container beside one that failed shows the failure (errorReason), where 1.32 showed Completed
 * or NotReady (`kubectl-output.pod.statusAfterFailedContainer`).
 */
export function podStatusText(pod: KubeObject, version: PrintContext['version']): string {
  let reason: string = pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
  const inits = pod.spec?.initContainers ?? [];
  const initStatuses: any[] = pod.status?.initContainerStatuses ?? [];
  let initializing = false;
  initStatuses.forEach((s, i) => {
    if (initializing) return;
    const sidecar = inits[i]?.restartPolicy === 'Always';
    if (s.state?.terminated?.exitCode === 0) return;
    if (sidecar && s.started) return;
    if (s.state?.terminated) {
      const t = s.state.terminated;
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    } else if (s.state?.waiting?.reason && s.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${s.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${inits.length}`;
    }
    initializing = true;
  });
  if (!initializing) {
    let hasRunning = false;
    let errorReason = '';
    for (const s of [...(pod.status?.containerStatuses ?? [])].reverse()) {
      const terminated = s.state?.terminated;
      if (s.state?.waiting?.reason) reason = s.state.waiting.reason;
      else if (terminated) {
        reason = terminated.reason ? terminated.reason : terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
        if (terminated.exitCode) errorReason = reason;
      } else if (s.ready && s.state?.running) hasRunning = true;
    }
    const ready = () => pod.status?.conditions?.some((c: any) => c.type === 'Ready' && c.status === 'True');
    if (reason === 'Completed' && behaviour(version, 'kubectl-output.pod.statusAfterFailedContainer').value) {
      if (hasRunning && ready()) reason = 'Running';
      else if (errorReason) reason = errorReason;
      else if (hasRunning) reason = 'NotReady';
    } else if (reason === 'Completed' && hasRunning) {
      reason = ready() ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && pod.status?.reason === 'NodeLost') return 'Unknown';
  // A pod that has ended keeps its ending as its status while it is being deleted.
  if (pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed') return 'Terminating';
  return reason;
}

function podReady(pod: KubeObject): string {
  const statuses: any[] = pod.status?.containerStatuses ?? [];
  const sidecars = (pod.status?.initContainerStatuses ?? []).filter((s: any, i: number) => pod.spec?.initContainers?.[i]?.restartPolicy === 'Always');
  const total = (pod.spec?.containers?.length ?? 0) + sidecars.length;
  const ready = statuses.filter((s) => s.ready).length + sidecars.filter((s: any) => s.ready).length;
  return `${ready}/${total}`;
}

function podRestarts(pod: KubeObject, now: number): string {
  let restarts = 0;
  let last: number | undefined;
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    restarts += s.restartCount ?? 0;
    const finished = s.lastState?.terminated?.finishedAt;
    if (finished && (last === undefined || Date.parse(finished) > last)) last = Date.parse(finished);
  }
  return last !== undefined && restarts > 0 ? `${restarts} (${humanDuration(now - last)} ago)` : String(restarts);
}

function servicePorts(svc: KubeObject): string {
  const ports = (svc.spec?.ports ?? []).map((p: any) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`);
  return ports.length ? ports.join(',') : '<none>';
}

function externalIp(svc: KubeObject): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  if (type === 'ExternalName') return svc.spec?.externalName ?? '<none>';
  const ingress = (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname);
  const ips = [...ingress, ...(svc.spec?.externalIPs ?? [])];
  if (ips.length) return ips.join(',');
  return type === 'LoadBalancer' ? '<pending>' : '<none>';
}

function nodeStatus(node: KubeObject): string {
  const ready = node.status?.conditions?.find((c: any) => c.type === 'Ready');
  const parts = [ready?.status === 'True' ? 'Ready' : ready ? 'NotReady' : 'Unknown'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function nodeRoles(node: KubeObject): string {
  const roles = Object.keys(node.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  return roles.length ? roles.sort().join(',') : '<none>';
}

function jobStatus(job: KubeObject): string {
  const has = (type: string) => job.status?.conditions?.some((c: any) => c.type === type && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  if (has('Suspended')) return 'Suspended';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  return 'Running';
}

function jobDuration(job: KubeObject, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

function involvedObject(ev: KubeObject): string {
  const o = ev.involvedObject ?? {};
  return `${String(o.kind ?? '').toLowerCase()}/${o.name ?? ''}`;
}

const count = (o: any) => String(Object.keys(o ?? {}).length);

/** kubectl get rs / rc: the desired, current and ready counts. */
const replicaColumns: Column[] = [
  name,
  { name: 'Desired', type: 'integer', cell: (o) => o.spec?.replicas ?? 0 },
  { name: 'Current', type: 'integer', cell: (o) => o.status?.replicas ?? 0 },
  { name: 'Ready', type: 'integer', cell: (o) => o.status?.readyReplicas ?? 0 },
  age,
  ...workloadWide,
];

const columns: Record<string, Column[]> = {
  Pod: [
    name,
    { name: 'Ready', cell: podReady },
    { name: 'Status', cell: (o, at) => podStatusText(o, at.version) },
    { name: 'Restarts', cell: (o, at) => podRestarts(o, at.now) },
    age,
    wide({ name: 'IP', cell: (o) => o.status?.podIP ?? '<none>' }),
    wide({ name: 'Node', cell: (o) => o.spec?.nodeName ?? '<none>' }),
    wide({ name: 'Nominated Node', cell: (o) => o.status?.nominatedNodeName ?? '<none>' }),
    wide({ name: 'Readiness Gates', cell: (o) => o.spec?.readinessGates?.length ? `${o.spec.readinessGates.length}` : '<none>' }),
  ],
  Deployment: [
    name,
    { name: 'Ready', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}` },
    { name: 'Up-to-date', type: 'integer', cell: (o) => o.status?.updatedReplicas ?? 0 },
    { name: 'Available', type: 'integer', cell: (o) => o.status?.availableReplicas ?? 0 },
    age,
    ...workloadWide,
  ],
  ReplicaSet: replicaColumns,
  ReplicationController: replicaColumns,
  StatefulSet: [
    name,
    { name: 'Ready', cell: (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}` },
    age,
    ...workloadWide.slice(0, 2),
  ],
  DaemonSet: [
    name,
    { name: 'Desired', type: 'integer', cell: (o) => o.status?.desiredNumberScheduled ?? 0 },
    { name: 'Current', type: 'integer', cell: (o) => o.status?.currentNumberScheduled ?? 0 },
    { name: 'Ready', type: 'integer', cell: (o) => o.status?.numberReady ?? 0 },
    { name: 'Up-to-date', type: 'integer', cell: (o) => o.status?.updatedNumberScheduled ?? 0 },
    { name: 'Available', type: 'integer', cell: (o) => o.status?.numberAvailable ?? 0 },
    { name: 'Node Selector', cell: (o) => mapText(o.spec?.template?.spec?.nodeSelector) },
    age,
    ...workloadWide,
  ],
  Job: [
    name,
    { name: 'Status', cell: jobStatus },
    { name: 'Completions', cell: (o) => `${o.status?.succeeded ?? 0}/${o.spec?.completions ?? (o.spec?.parallelism === 1 ? 1 : `1 of ${o.spec?.parallelism}`)}` },
    { name: 'Duration', cell: (o, at) => jobDuration(o, at.now) },
    age,
    ...workloadWide,
  ],
  CronJob: [
    name,
    { name: 'Schedule', cell: (o) => o.spec?.schedule ?? '' },
    { name: 'Timezone', cell: (o) => o.spec?.timeZone ?? '<none>' },
    { name: 'Suspend', cell: (o) => (o.spec?.suspend ? 'True' : 'False') },
    { name: 'Active', type: 'integer', cell: (o) => o.status?.active?.length ?? 0 },
    { name: 'Last Schedule', cell: (o, at) => (o.status?.lastScheduleTime ? ageOf(o.status.lastScheduleTime, at.now) : '<none>') },
    age,
    ...workloadWide,
  ],
  Service: [
    name,
    { name: 'Type', cell: (o) => o.spec?.type ?? 'ClusterIP' },
    { name: 'Cluster-IP', cell: (o) => o.spec?.clusterIP ?? '<none>' },
    { name: 'External-IP', cell: externalIp },
    { name: 'Port(s)', cell: servicePorts },
    age,
    wide({ name: 'Selector', cell: (o) => mapText(o.spec?.selector) }),
  ],
  Node: [
    name,
    { name: 'Status', cell: nodeStatus },
    { name: 'Roles', cell: nodeRoles },
    age,
    { name: 'Version', cell: (o) => o.status?.nodeInfo?.kubeletVersion ?? '' },
    wide({ name: 'Internal-IP', cell: (o) => o.status?.addresses?.find((a: any) => a.type === 'InternalIP')?.address ?? '<none>' }),
    wide({ name: 'External-IP', cell: (o) => o.status?.addresses?.find((a: any) => a.type === 'ExternalIP')?.address ?? '<none>' }),
    wide({ name: 'OS-Image', cell: (o) => o.status?.nodeInfo?.osImage ?? '<unknown>' }),
    wide({ name: 'Kernel-Version', cell: nodeKernelVersion }),
    wide({ name: 'Container-Runtime', cell: (o) => o.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>' }),
  ],
  Namespace: [name, { name: 'Status', cell: (o) => o.status?.phase ?? 'Active' }, age],
  ConfigMap: [name, { name: 'Data', type: 'integer', cell: (o) => Number(count(o.data)) + Number(count(o.binaryData)) }, age],
  Secret: [name, { name: 'Type', cell: (o) => o.type ?? 'Opaque' }, { name: 'Data', type: 'integer', cell: (o) => Number(count(o.data)) }, age],
  ServiceAccount: [name, { name: 'Secrets', type: 'integer', cell: (o) => o.secrets?.length ?? 0 }, age],
  Endpoints: [name, { name: 'Endpoints', cell: endpointsText }, age],
  PersistentVolumeClaim: [
    name,
    { name: 'Status', cell: (o) => o.status?.phase ?? 'Pending' },
    { name: 'Volume', cell: (o) => o.spec?.volumeName ?? '' },
    { name: 'Capacity', cell: (o) => o.status?.capacity?.storage ?? '' },
    { name: 'Access Modes', cell: (o) => accessModes(o.status?.accessModes ?? []) },
    { name: 'StorageClass', cell: (o) => o.spec?.storageClassName ?? '<unset>' },
    { name: 'VolumeAttributesClass', cell: () => '<unset>' },
    age,
  ],
  PersistentVolume: [
    name,
    { name: 'Capacity', cell: (o) => o.spec?.capacity?.storage ?? '' },
    { name: 'Access Modes', cell: (o) => accessModes(o.spec?.accessModes ?? []) },
    { name: 'Reclaim Policy', cell: (o) => o.spec?.persistentVolumeReclaimPolicy ?? 'Retain' },
    { name: 'Status', cell: (o) => o.status?.phase ?? 'Pending' },
    { name: 'Claim', cell: (o) => (o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '') },
    { name: 'StorageClass', cell: (o) => o.spec?.storageClassName ?? '' },
    { name: 'VolumeAttributesClass', cell: () => '<unset>' },
    { name: 'Reason', cell: (o) => o.status?.reason ?? '' },
    age,
  ],
  StorageClass: [
    { ...name, cell: (o, at) => (isMarkedDefault(o, at) ? `${o.metadata.name} (default)` : o.metadata.name) },
    { name: 'Provisioner', cell: (o) => o.provisioner ?? '' },
    { name: 'ReclaimPolicy', cell: (o) => o.reclaimPolicy ?? 'Delete' },
    { name: 'VolumeBindingMode', cell: (o) => o.volumeBindingMode ?? 'Immediate' },
    { name: 'AllowVolumeExpansion', cell: (o) => String(o.allowVolumeExpansion ?? false) },
    age,
  ],
  Event: [
    { name: 'Last Seen', cell: (o, at) => ageOf(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, at.now) },
    { name: 'Type', cell: (o) => o.type ?? '' },
    { name: 'Reason', cell: (o) => o.reason ?? '' },
    { name: 'Object', cell: involvedObject },
    { name: 'Message', cell: (o) => o.message ?? '' },
  ],
  Ingress: [
    name,
    { name: 'Class', cell: (o) => o.spec?.ingressClassName ?? '<none>' },
    { name: 'Hosts', cell: (o) => (o.spec?.rules ?? []).map((r: any) => r.host ?? '*').join(',') || '*' },
    { name: 'Address', cell: (o) => (o.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip ?? i.hostname).join(',') },
    { name: 'Ports', cell: (o) => (o.spec?.tls?.length ? '80, 443' : '80') },
    age,
  ],
  HorizontalPodAutoscaler: [
    name,
    { name: 'Reference', cell: (o) => `${o.spec?.scaleTargetRef?.kind}/${o.spec?.scaleTargetRef?.name}` },
    { name: 'Targets', cell: hpaTargets },
    { name: 'MinPods', type: 'integer', cell: (o) => o.spec?.minReplicas ?? 1 },
    { name: 'MaxPods', type: 'integer', cell: (o) => o.spec?.maxReplicas ?? 0 },
    { name: 'Replicas', type: 'integer', cell: (o) => o.status?.currentReplicas ?? 0 },
    age,
  ],
  PodDisruptionBudget: [
    name,
    { name: 'Min Available', cell: (o) => String(o.spec?.minAvailable ?? 'N/A') },
    { name: 'Max Unavailable', cell: (o) => String(o.spec?.maxUnavailable ?? 'N/A') },
    { name: 'Allowed Disruptions', type: 'integer', cell: (o) => o.status?.disruptionsAllowed ?? 0 },
    age,
  ],
  PriorityClass: [name, { name: 'Value', type: 'integer', cell: (o) => o.value ?? 0 }, { name: 'Global-Default', cell: (o) => String(o.globalDefault ?? false) }, { name: 'PreemptionPolicy', cell: (o) => o.preemptionPolicy ?? 'PreemptLowerPriority' }, age],
  Role: [name, { name: 'Created At', cell: (o) => o.metadata.creationTimestamp }],
  ClusterRole: [name, { name: 'Created At', cell: (o) => o.metadata.creationTimestamp }],
  RoleBinding: [name, { name: 'Role', cell: (o) => `${o.roleRef?.kind}/${o.roleRef?.name}` }, age],
  ClusterRoleBinding: [name, { name: 'Role', cell: (o) => `${o.roleRef?.kind}/${o.roleRef?.name}` }, age],
  NetworkPolicy: [name, { name: 'Pod-Selector', cell: (o) => selectorText(o.spec?.podSelector) }, age],
  ResourceQuota: [name, age, { name: 'Request', cell: (o) => quotaText(o, 'requests') }, { name: 'Limit', cell: (o) => quotaText(o, 'limits') }],
};

function endpointsText(ep: KubeObject): string {
  const all: string[] = [];
  for (const s of ep.subsets ?? []) {
    for (const a of s.addresses ?? []) for (const p of s.ports ?? [{}]) all.push(p.port ? `${a.ip}:${p.port}` : a.ip);
  }
  if (!all.length) return '<none>';
  return all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',');
}

function accessModes(modes: string[]): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  return modes.map((m) => short[m] ?? m).join(',');
}

function hpaTargets(hpa: KubeObject): string {
  const current = hpa.status?.currentMetrics ?? [];
  const parts = (hpa.spec?.metrics ?? []).map((m: any, i: number) => {
    const target = m.resource?.target;
    const now = current[i]?.resource?.current;
    if (target?.averageUtilization !== undefined) return `${m.resource.name}: ${now?.averageUtilization !== undefined ? `${now.averageUtilization}%` : '<unknown>'}/${target.averageUtilization}%`;
    return `${m.resource?.name ?? m.type}: ${now?.averageValue ?? '<unknown>'}/${target?.averageValue ?? target?.value ?? '?'}`;
  });
  return parts.length ? parts.join(', ') : '<none>';
}

function quotaText(q: KubeObject, which: 'requests' | 'limits'): string {
  return Object.entries(q.status?.hard ?? q.spec?.hard ?? {})
    .filter(([k]) => (which === 'limits' ? k.startsWith('limits.') : !k.startsWith('limits.')))
    .map(([k, hard]) => `${k}: ${q.status?.used?.[k] ?? '0'}/${hard}`)
    .join(', ');
}

/** The columns of a kind in a release. */
export function columnsFor(kind: string, version: PrintContext['version']): Column[] {
  const all = columns[kind] ?? [name, age];
  if (kind !== 'ServiceAccount') return all;
  // SECRETS went in 1.35, with the token Secrets it counted (`kubectl-output.serviceAccount.columns`).
  const shown: readonly string[] = behaviour(version, 'kubectl-output.serviceAccount.columns').value;
  return all.filter((c) => shown.includes(c.name.toUpperCase()));
}

/** KERNEL-VERSION of `kubectl get nodes -o wide`: from 1.36 with the architecture after it. */
function nodeKernelVersion(node: KubeObject, at: PrintContext): string {
  const kernel = node.status?.nodeInfo?.kernelVersion || '<unknown>';
  const architecture = node.status?.nodeInfo?.architecture;
  return architecture && behaviour(at.version, 'kubectl-output.node.kernelVersionWithArch').value ? `${kernel} (${architecture})` : kernel;
}

/**
 * What a Table row carries besides its cells (the `includeObject` query parameter): the
 * object's metadata by default, the whole object (kubectl asks for it to --sort-by a field), or
 * nothing.
 */
export type RowObject = { include: 'Metadata' } | { include: 'None' } | { include: 'Object'; served: (o: KubeObject) => KubeObject };

/** A meta.k8s.io/v1 Table of `objects`. */
export function toTable(kind: string, objects: readonly KubeObject[], at: PrintContext, resourceVersion: string, extraMeta: Record<string, unknown> = {}, rowObject: RowObject = { include: 'Metadata' }): object {
  const cols = columnsFor(kind, at.version);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion, ...extraMeta },
    columnDefinitions: cols.map((c) => ({ name: c.name, type: c.type ?? 'string', format: c === name ? 'name' : '', description: '', priority: c.priority ?? 0 })),
    rows: objects.map((o) => ({
      cells: cols.map((c) => c.cell(o, at)),
      ...(rowObject.include === 'None' ? {} : {
        object: rowObject.include === 'Object' ? rowObject.served(o) : { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata },
      }),
    })),
  };
}
