import { rfc3339 } from '../clock.ts';
import { controllerRef, isPodReady } from '../pod-status.ts';
import { LabelSelector } from '../../kube/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

const MANAGED_BY = 'endpointslice-controller.k8s.io';
/** --max-endpoints-per-slice. */
const MAX_PER_SLICE = 100;
/** v1.EndpointsLastChangeTriggerTime. */
const TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

/** What a TriggerTimeTracker remembers of a Service: its pods' Ready transition times and its creation time. */
interface TriggerState { pods: Map<string, number>; service: number }

/**
 * The EndpointSlice controller and the legacy Endpoints controller in one reconciler keyed by
 * Service (reference/networking.md §3): pods matching the selector that have an IP and are not
 * finished become endpoints with serving / terminating / ready conditions, ports resolved per pod
 * (named target ports), hostname for pods whose subdomain is this Service, up to 100 per slice.
 * The Endpoints object lists ready addresses and notReadyAddresses, without terminating pods.
 */
export class EndpointSliceController implements Controller {
  readonly name = 'EndpointSlice';

  private readonly triggerStates = new Map<string, TriggerState>();

  /** `managedByLabel`: the release labels the Endpoints it writes (behaviour controllers.endpoints.managedByLabel, 1.33). */
  constructor(private readonly store: ObjectStore, private readonly managedByLabel = false) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const svc = this.store.get('Service', key);
    const existing = this.store.list('EndpointSlice', { namespace: key.namespace, selector: LabelSelector.parse(`kubernetes.io/service-name=${key.name},endpointslice.kubernetes.io/managed-by=${MANAGED_BY}`) });
    if (!svc || !svc.spec?.selector || svc.spec.type === 'ExternalName') {
      if (!svc) {
        this.triggerStates.delete(`${key.namespace}/${key.name}`);
        // endpoints_controller.go syncService: the Service is not found, so the Endpoints object of
        // its name is deleted (whoever wrote it). Slices go by their ownerReference to the Service
        // (the garbage collector's end state, reached here at once).
        if (this.store.get('Endpoints', key)) this.store.delete('Endpoints', key);
      }
      for (const s of existing) this.store.delete('EndpointSlice', s.metadata);
      return {};
    }
    const selected = this.store.list('Pod', { namespace: key.namespace, selector: LabelSelector.fromSpec({ matchLabels: svc.spec.selector }) });
    const triggerTime = this.lastChangeTriggerTime(svc, selected);
    const pods = selected.filter((p) => p.status?.podIP && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    const groups = new Map<string, { ports: any[]; endpoints: any[] }>();
    for (const pod of pods) {
      const ports = (svc.spec.ports ?? []).map((p: any) => ({ name: p.name ?? '', port: resolvePort(p.targetPort, pod), protocol: p.protocol ?? 'TCP' }))
        .filter((p: any) => p.port !== undefined);
      const id = JSON.stringify(ports);
      if (!groups.has(id)) groups.set(id, { ports, endpoints: [] });
      groups.get(id)!.endpoints.push(this.endpoint(svc, pod));
    }
    const wanted = [...groups.values()].flatMap((g) => chunk(g.endpoints, MAX_PER_SLICE).map((endpoints) => ({ ports: g.ports, endpoints })));
    if (wanted.length === 0) wanted.push({ ports: [], endpoints: [] });
    wanted.forEach((w, i) => this.writeSlice(svc, existing[i], w.ports, w.endpoints, triggerTime));
    for (const extra of existing.slice(wanted.length)) this.store.delete('EndpointSlice', extra.metadata);
    this.writeEndpoints(svc, pods, triggerTime);
    return {};
  }

  /**
   * TriggerTimeTracker.ComputeEndpointLastChangeTriggerTime (k8s.io/endpointslice util/
   * trigger_time_tracker.go, used by both the EndpointSlice and the Endpoints controller): the
   * Service's creation time the first time it is seen; later the earliest of the pods' Ready
   * transition times and the Service's creation time that are newer than at the last sync, or
   * nothing when none is. Written slices and Endpoints carry it as an annotation, or lose it.
   */
  private lastChangeTriggerTime(svc: KubeObject, pods: KubeObject[]): string | undefined {
    const id = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const state = this.triggerStates.get(id);
    let earliest: number | undefined;
    const changed = (t: number) => { earliest = earliest === undefined ? t : Math.min(earliest, t); };
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const ready = (pod.status?.conditions ?? []).find((c: any) => c.type === 'Ready');
      const t = ready?.lastTransitionTime ? Date.parse(ready.lastTransitionTime) : NaN;
      if (Number.isNaN(t)) continue;
      podTimes.set(pod.metadata.name, t);
      if (t > (state?.pods.get(pod.metadata.name) ?? -Infinity)) changed(t);
    }
    const created = Date.parse(svc.metadata.creationTimestamp);
    if (created > (state?.service ?? -Infinity)) changed(created);
    this.triggerStates.set(id, { pods: podTimes, service: created });
    if (!state) return rfc3339(created);
    return earliest === undefined ? undefined : rfc3339(earliest);
  }

  private endpoint(svc: KubeObject, pod: KubeObject): any {
    const serving = isPodReady(pod);
    const terminating = pod.metadata.deletionTimestamp !== undefined;
    const node = pod.spec?.nodeName ? this.store.get('Node', { name: pod.spec.nodeName }) : undefined;
    const zone = node?.metadata.labels?.['topology.kubernetes.io/zone'];
    return {
      addresses: [pod.status.podIP],
      conditions: { ready: svc.spec.publishNotReadyAddresses ? true : serving && !terminating, serving, terminating },
      ...(setsHostname(pod, svc) ? { hostname: pod.spec.hostname } : {}),
      nodeName: pod.spec?.nodeName,
      targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid },
      ...(zone ? { zone } : {}),
    };
  }

  private writeSlice(svc: KubeObject, current: KubeObject | undefined, ports: any[], endpoints: any[], triggerTime: string | undefined): void {
    // Stored as protobuf, an empty list comes back from the API server as null (neither field is
    // omitempty in discovery/v1): a placeholder slice has no lists, not empty ones.
    const body = { addressType: 'IPv4', endpoints: endpoints.length ? endpoints : null, ports: ports.length ? ports : null };
    const labels = { ...serviceLabels(svc), 'kubernetes.io/service-name': svc.metadata.name, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY };
    if (current) {
      const now = { addressType: current.addressType, endpoints: current.endpoints, ports: current.ports };
      if (JSON.stringify(now) !== JSON.stringify(body) || JSON.stringify(current.metadata.labels) !== JSON.stringify(labels)) {
        this.store.update({ ...current, metadata: withTriggerTime({ ...current.metadata, labels }, triggerTime), ...body });
      }
      return;
    }
    this.store.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${svc.metadata.name}-`,
        namespace: svc.metadata.namespace,
        labels,
        ...(triggerTime ? { annotations: { [TRIGGER_TIME]: triggerTime } } : {}),
        ownerReferences: [controllerRef(svc)],
      },
      ...body,
    });
  }

  /** The legacy Endpoints object named like the Service. */
  private writeEndpoints(svc: KubeObject, pods: KubeObject[], triggerTime: string | undefined): void {
    const live = pods.filter((p) => !p.metadata.deletionTimestamp);
    const address = (p: KubeObject) => ({
      ip: p.status.podIP,
      ...(setsHostname(p, svc) ? { hostname: p.spec.hostname } : {}),
      nodeName: p.spec?.nodeName,
      targetRef: { kind: 'Pod', name: p.metadata.name, namespace: p.metadata.namespace, uid: p.metadata.uid },
    });
    const ready = live.filter((p) => svc.spec.publishNotReadyAddresses || isPodReady(p)).map(address);
    const notReady = live.filter((p) => !svc.spec.publishNotReadyAddresses && !isPodReady(p)).map(address);
    const ports = (svc.spec.ports ?? []).map((p: any) => ({ ...(p.name ? { name: p.name } : {}), port: typeof p.targetPort === 'number' ? p.targetPort : resolvePort(p.targetPort, live[0]) ?? p.port, protocol: p.protocol ?? 'TCP' }));
    const subsets = ready.length || notReady.length ? [{ ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports }] : undefined;
    const current = this.store.get('Endpoints', svc.metadata);
    const labels = this.managedByLabel ? { ...serviceLabels(svc), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' } : serviceLabels(svc);
    const body = { metadata: withTriggerTime({ name: svc.metadata.name, namespace: svc.metadata.namespace, ...(Object.keys(labels).length ? { labels } : {}) }, triggerTime), ...(subsets ? { subsets } : {}) };
    if (!current) {
      this.store.create({ apiVersion: 'v1', kind: 'Endpoints', ...body });
    } else if (JSON.stringify(current.subsets) !== JSON.stringify(subsets) || JSON.stringify(current.metadata.labels ?? {}) !== JSON.stringify(labels)) {
      const { labels: _, ...meta } = current.metadata;
      const next = { ...current, metadata: withTriggerTime({ ...meta, ...(Object.keys(labels).length ? { labels } : {}) }, triggerTime), subsets };
      if (!subsets) delete next.subsets;
      this.store.update(next);
    }
  }
}

/** ShouldSetHostname: a pod whose subdomain is this Service is addressable by its hostname. */
/** addTriggerTimeAnnotation (endpointslice reconciler_helpers.go) and the Endpoints controller's syncService: set, or cleared when there is none. */
function withTriggerTime(metadata: any, triggerTime: string | undefined): any {
  const { [TRIGGER_TIME]: _, ...others } = metadata.annotations ?? {};
  const annotations = triggerTime ? { ...others, [TRIGGER_TIME]: triggerTime } : others;
  const { annotations: __, ...rest } = metadata;
  return Object.keys(annotations).length ? { ...rest, annotations } : rest;
}

function setsHostname(pod: KubeObject, svc: KubeObject): boolean {
  return Boolean(pod.spec?.hostname) && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace;
}

/** The Service's labels, with `service.kubernetes.io/headless` exactly when it has no cluster IP. */
function serviceLabels(svc: KubeObject): Record<string, string> {
  const { 'service.kubernetes.io/headless': _, ...labels } = svc.metadata.labels ?? {};
  return svc.spec?.clusterIP === 'None' ? { ...labels, 'service.kubernetes.io/headless': '' } : labels;
}

/** A Service targetPort: a number, or the name of a container port of the pod. */
export function resolvePort(target: number | string | undefined, pod: KubeObject | undefined): number | undefined {
  if (typeof target === 'number') return target;
  if (target === undefined || !pod) return undefined;
  if (/^\d+$/.test(target)) return Number(target);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
  return undefined;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
