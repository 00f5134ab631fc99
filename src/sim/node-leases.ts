import type { Millis, VirtualClock } from './clock.ts';
import type { NodeHealth } from './node-health.ts';
import { thaw } from './store/freeze.ts';
import type { ObjectStore } from './store/object-store.ts';
import type { KubeObject } from './store/types.ts';

const NAMESPACE = 'kube-node-lease';
/** The kubelet's nodeLeaseDurationSeconds; it renews every quarter of it (pkg/kubelet/nodelease). */
const LEASE_DURATION_SECONDS = 40;
const RENEW_INTERVAL: Millis = (LEASE_DURATION_SECONDS * 1000) / 4;

/**
 * The kubelets' heartbeats: each node holds a Lease of its own name in kube-node-lease
 * (holderIdentity the node, leaseDurationSeconds 40, owned by the Node), renewed every 10 s while
 * the kubelet reaches the API server, and again from the moment it does after an outage.
 *
 * Renewals are written whenever virtual time stops (the clock's idle hook) rather than every ten
 * virtual seconds: whoever looks sees the renewTime a real cluster would show at that moment,
 * while thirty simulated days on a few nodes do not cost a million writes. Watchers see one
 * MODIFIED per look, not one per renewal.
 */
export class NodeLeases {
  /** When the leases were last brought up to date (a second look in the same instant changes nothing). */
  private renewedAt?: Millis;

  constructor(
    private readonly store: ObjectStore,
    private readonly clock: VirtualClock,
    private readonly health: NodeHealth,
  ) {
    store.watch('Node', (e) => {
      if (e.type === 'ADDED') this.clock.after(0, () => this.create(e.object));
    });
    clock.onIdle(() => this.renewAll());
  }

  private create(node: KubeObject): void {
    if (this.store.get('Lease', { namespace: NAMESPACE, name: node.metadata.name }) || !this.store.get('Node', { name: node.metadata.name })) return;
    this.store.create({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: node.metadata.name,
        namespace: NAMESPACE,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node.metadata.name, uid: node.metadata.uid }],
      },
      spec: { holderIdentity: node.metadata.name, leaseDurationSeconds: LEASE_DURATION_SECONDS, renewTime: microTime(this.clock.now()) },
    });
  }

  /** Brings every lease's renewTime to the kubelet's last renewal before now, once per instant. */
  private renewAll(): void {
    if (this.renewedAt === this.clock.now()) return;
    this.renewedAt = this.clock.now();
    for (const lease of this.store.list('Lease', { namespace: NAMESPACE, unsorted: true })) {
      const renewed = this.lastRenewal(lease);
      if (renewed === undefined || microTime(renewed) === lease.spec?.renewTime) continue;
      const next = thaw(lease);
      next.spec.renewTime = microTime(renewed);
      this.store.update(next);
    }
  }

  /**
   * When the kubelet last renewed: on its 10-second rhythm from the lease's creation, or from the
   * end of the node's last outage; never during an outage in progress.
   */
  private lastRenewal(lease: KubeObject): Millis | undefined {
    const created = Date.parse(lease.metadata.creationTimestamp);
    const outage = this.health.lastOutage(lease.metadata.name);
    let anchor = created;
    let until = this.clock.now();
    if (outage && outage.to === undefined) until = outage.from - 1;
    else if (outage && outage.to !== undefined && outage.to > created) anchor = outage.to;
    if (until < anchor) return undefined;
    return anchor + Math.floor((until - anchor) / RENEW_INTERVAL) * RENEW_INTERVAL;
  }
}

/** metav1.MicroTime as the API server writes it: microseconds, UTC. */
function microTime(ms: Millis): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
