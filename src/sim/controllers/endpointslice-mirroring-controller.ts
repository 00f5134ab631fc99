import { LabelSelector } from '../../kube/label-selector.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

const MANAGED_BY = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR = 'endpointslice.kubernetes.io/skip-mirror';
/** A leader-election lock, not a list of endpoints (hasLeaderElection). */
const LEADER_ELECTION = 'control-plane.alpha.kubernetes.io/leader';
/** Annotations of the Endpoints that are not copied onto its slices. */
const UNMIRRORED_ANNOTATIONS = ['endpoints.kubernetes.io/last-change-trigger-time', 'kubectl.kubernetes.io/last-applied-configuration'];

/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring), keyed by
 * Endpoints name: Endpoints written by hand for a Service without a selector are mirrored into
 * one EndpointSlice per subset, owned by the Endpoints, labelled with the Service's name and
 * this controller; addresses are ready, notReadyAddresses not. Endpoints of selector Services
 * (the endpoints controller's own), of missing Services, labelled skip-mirror or holding a
 * leader-election record are not mirrored.
 */
export class EndpointSliceMirroringController implements Controller {
  readonly name = 'EndpointSliceMirroring';

  constructor(private readonly store: ObjectStore) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const existing = this.store.list('EndpointSlice', { namespace: key.namespace, selector: LabelSelector.parse(`kubernetes.io/service-name=${key.name},endpointslice.kubernetes.io/managed-by=${MANAGED_BY}`) });
    const endpoints = this.store.get('Endpoints', key);
    const svc = this.store.get('Service', key);
    const mirrored = endpoints && svc && !svc.spec?.selector && endpoints.metadata.labels?.[SKIP_MIRROR] !== 'true'
      && endpoints.metadata.annotations?.[LEADER_ELECTION] === undefined;
    const wanted = mirrored ? (endpoints.subsets ?? []).map((s: any) => sliceBody(s)).filter((b: any) => b.endpoints.length > 0) : [];
    wanted.forEach((body: any, i: number) => this.write(endpoints!, existing[i], body));
    for (const extra of existing.slice(wanted.length)) this.store.delete('EndpointSlice', extra.metadata);
    return {};
  }

  private write(endpoints: KubeObject, current: KubeObject | undefined, body: { endpoints: any[]; ports: any[] }): void {
    const labels = { ...(endpoints.metadata.labels ?? {}), 'kubernetes.io/service-name': endpoints.metadata.name, 'endpointslice.kubernetes.io/managed-by': MANAGED_BY };
    const annotations = Object.fromEntries(Object.entries(endpoints.metadata.annotations ?? {}).filter(([k]) => !UNMIRRORED_ANNOTATIONS.includes(k)));
    const meta = { labels, ...(Object.keys(annotations).length ? { annotations } : {}) };
    if (current) {
      const same = JSON.stringify({ e: current.endpoints, p: current.ports, l: current.metadata.labels }) === JSON.stringify({ e: body.endpoints, p: body.ports, l: labels });
      if (!same) this.store.update({ ...current, metadata: { ...current.metadata, ...meta }, addressType: 'IPv4', ...body });
      return;
    }
    this.store.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${endpoints.metadata.name}-`,
        namespace: endpoints.metadata.namespace,
        ...meta,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name: endpoints.metadata.name, uid: endpoints.metadata.uid, controller: true, blockOwnerDeletion: true }],
      },
      addressType: 'IPv4',
      ...body,
    });
  }
}

/** One Endpoints subset as a slice's endpoints and ports (addressToEndpoint: ready only). */
function sliceBody(subset: any): { endpoints: any[]; ports: any[] } {
  const endpoint = (a: any, ready: boolean) => ({
    addresses: [a.ip],
    conditions: { ready },
    ...(a.hostname ? { hostname: a.hostname } : {}),
    ...(a.nodeName ? { nodeName: a.nodeName } : {}),
    ...(a.targetRef ? { targetRef: a.targetRef } : {}),
  });
  return {
    endpoints: [...(subset.addresses ?? []).map((a: any) => endpoint(a, true)), ...(subset.notReadyAddresses ?? []).map((a: any) => endpoint(a, false))],
    ports: (subset.ports ?? []).map((p: any) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP', ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) })),
  };
}
