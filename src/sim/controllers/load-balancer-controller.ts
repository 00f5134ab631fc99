import { thaw } from '../store/freeze.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult } from './controller.ts';

/** The range the simulated load-balancer hands out (like cloud-provider-kind on the kind network). */
const LB_PREFIX = '172.18.255.';

/** Whether the simulated cluster has a load-balancer provider (like MetalLB or cloud-provider-kind). */
export class LoadBalancerProvider {
  installed = false;
}

/**
 * A simulated cloud load-balancer controller: once a provider is installed, every LoadBalancer
 * Service gets an ingress IP in status.loadBalancer, in creation order. Without one (the default,
 * as on kind) the status stays empty and kubectl shows <pending>.
 */
export class LoadBalancerController implements Controller {
  readonly name = 'ServiceLoadBalancer';
  private next = 200;
  private readonly assigned = new Map<string, string>();

  constructor(private readonly store: ObjectStore, private readonly provider: LoadBalancerProvider) {}

  reconcile(key: ObjectKey): ReconcileResult {
    const svc = this.store.get('Service', key);
    if (!svc || svc.spec?.type !== 'LoadBalancer' || !this.provider.installed) return {};
    let ip = this.assigned.get(svc.metadata.uid);
    if (!ip) this.assigned.set(svc.metadata.uid, (ip = `${LB_PREFIX}${this.next++}`));
    const want = { loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } };
    if (JSON.stringify(svc.status) === JSON.stringify(want)) return {};
    this.store.updateStatus({ ...svc, status: thaw(want) });
    return {};
  }
}
