import type { AddOnName } from '../../kube/add-on-names.ts';
import type { VirtualClock } from '../clock.ts';
import type { ControllerManager } from '../controllers/manager.ts';
import type { LoadBalancerProvider } from '../controllers/load-balancer-controller.ts';
import type { EventRecorder } from '../events.ts';
import type { MetricsServer } from '../metrics.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { installCertManager } from './cert-manager/index.ts';
import { installIstio, type Mesh } from './istio/index.ts';
import { installReloader } from './reloader/index.ts';
import { installVpa, type VerticalPodAutoscaling } from './vpa/index.ts';

/** The parts of a simulated cluster an add-on may wire itself into. */
export interface AddOnHost {
  store: ObjectStore;
  clock: VirtualClock;
  events: EventRecorder;
  controllers: ControllerManager;
  metrics: MetricsServer;
  mesh: Mesh;
  vpa: VerticalPodAutoscaling;
  loadBalancers: LoadBalancerProvider;
}

/** An add-on: what it models, and how it joins a cluster (once: the registry keeps it so). */
export interface AddOn {
  does: string;
  install(host: AddOnHost): void;
}

/**
 * Every add-on a scenario can install, by name: the one place a new add-on is registered.
 * The Cluster Autoscaler is not here: it is installed per node group, with the group's sizes.
 */
export const addOns: Record<AddOnName, AddOn> = {
  'metrics-server': {
    does: 'serves metrics.k8s.io from the pods\' simulated usage',
    install: (host) => host.metrics.install(),
  },
  'load-balancer-provider': {
    does: 'gives LoadBalancer Services an address, as a cloud provider or MetalLB would',
    install: (host) => {
      host.loadBalancers.installed = true;
      for (const svc of host.store.list('Service')) host.controllers.resync(svc);
    },
  },
  'cert-manager': {
    does: 'issues certificates into TLS Secrets (cert-manager v1.16)',
    install: (host) => installCertManager({ store: host.store, clock: host.clock, events: host.events, manager: host.controllers, settle: () => host.clock.settle() }),
  },
  reloader: {
    does: 'rolls workloads whose ConfigMaps or Secrets change (Stakater Reloader)',
    install: (host) => installReloader({ store: host.store, events: host.events, manager: host.controllers }),
  },
  istio: {
    does: 'injects sidecars and routes by VirtualService and DestinationRule (Istio)',
    install: (host) => installIstio({ store: host.store, mesh: host.mesh, settle: () => host.clock.settle() }),
  },
  'vertical-pod-autoscaler': {
    does: 'recommends and applies pod requests (VPA recommender, updater, admission)',
    install: (host) => installVpa({ store: host.store, clock: host.clock, events: host.events, manager: host.controllers, metrics: host.metrics, vpa: host.vpa, settle: () => host.clock.settle() }),
  },
};
