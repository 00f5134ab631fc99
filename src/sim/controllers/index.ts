import type { AssumptionLog } from '../../kube/assumptions.ts';
import { behaviour, featureEnabled, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';
import { NamespaceController } from './namespace-controller.ts';
import { CustomResourceDefinitionController } from './crd-controller.ts';
import type { Clock } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import type { ImageBehavior } from '../kubelet/container-behavior.ts';
import { Kubelets } from '../kubelet/kubelet.ts';
import type { SeededRandom } from '../rng.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { LabelSelector } from '../../kube/label-selector.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import { controllerKey, ownKey, selectingOwners } from './controller.ts';
import { GarbageCollector, ownerUids } from './garbage-collector.ts';
import type { ControllerManager } from './manager.ts';
import { StatefulSetController } from './statefulset-controller.ts';
import { ReplicaSetController } from './replicaset-controller.ts';
import { DeploymentController } from './deployment/deployment-controller.ts';
import { CronJobController } from './job/cronjob-controller.ts';
import { DaemonSetController } from './daemonset-controller.ts';
import { PodGarbageCollector } from './pod-garbage-collector.ts';
import { ServiceAccountController } from './service-account-controller.ts';
import { ResourceQuotaController } from './resource-quota-controller.ts';
import { PersistentVolumeController } from './persistent-volume-controller.ts';
import { claimsOf, PvcUnusedConditionController } from './pvc-unused-condition.ts';
import { HpaController } from './hpa/hpa-controller.ts';
import { DisruptionController } from './disruption-controller.ts';
import { NodeLifecycleController } from './node-lifecycle-controller.ts';
import { TaintEvictionController } from './taint-eviction-controller.ts';
import { EndpointSliceController } from './endpointslice-controller.ts';
import { EndpointSliceMirroringController } from './endpointslice-mirroring-controller.ts';
import { LoadBalancerController, type LoadBalancerProvider } from './load-balancer-controller.ts';
import type { NetworkPlugin } from '../../kube/network-plugin.ts';
import type { NodeHealth } from '../node-health.ts';
import { StaticPods } from '../kubelet/static-pods.ts';
import type { MetricsServer } from '../metrics.ts';
import { JobController } from './job/job-controller.ts';
import { TtlAfterFinishedController } from './job/ttl-after-finished-controller.ts';
import { IngressStatusController } from './ingress-status-controller.ts';

/** What every control loop is built from. */
export interface ControlPlaneParts {
  store: ObjectStore;
  clock: Clock;
  rng: SeededRandom;
  events: EventRecorder;
  images: readonly ImageBehavior[];
  metrics: MetricsServer;
  health: NodeHealth;
  loadBalancers: LoadBalancerProvider;
  network: NetworkPlugin;
  /** Where the kubelets write down what they decide without knowing. */
  assumptions: AssumptionLog;
  /** The release simulated: versioned texts and behaviour are read from its facts (src/kube/kubernetes-versions.ts). */
  version: KubernetesVersion;
}

/**
 * The builder (STYLE.md §1): which loops run, what each watches and which keys a change
 * enqueues, declared in one place. Logic stays in the controllers.
 */
export function registerControllers(manager: ControllerManager, parts: ControlPlaneParts): { kubelets: Kubelets; staticPods: StaticPods; scheduler: Scheduler } {
  const { store, clock, rng, events, images, metrics, health, loadBalancers, network, assumptions, version } = parts;
  const inNamespace = (kind: string, namespace: string) => store.list(kind, { namespace });
  /** The Services whose selector matches a pod's labels. */
  const servicesSelecting = (pod: KubeObject): ObjectKey[] => store.list('Service', { namespace: pod.metadata.namespace })
    .filter((s) => s.spec?.selector && LabelSelector.fromSpec({ matchLabels: s.spec.selector }).matches(pod.metadata.labels))
    .map((s) => s.metadata);
  const grandOwner = (obj: KubeObject, ownerKind: string, grandKind: string): ObjectKey[] => {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === ownerKind);
    const owner = ref && store.get(ownerKind, { namespace: obj.metadata.namespace, name: ref.name });
    const grand = owner?.metadata.ownerReferences?.find((r) => r.controller && r.kind === grandKind);
    return grand ? [{ namespace: obj.metadata.namespace, name: grand.name }] : [];
  };
  manager.register(new NamespaceController(store), [{ kind: 'Namespace', keys: ownKey }]);
  manager.register(new CustomResourceDefinitionController(store, clock), [{ kind: 'CustomResourceDefinition', keys: ownKey }]);
  manager.register(new ServiceAccountController(store), [
    { kind: 'Namespace', keys: (e) => [{ name: e.object.metadata.name }] },
    { kind: 'ServiceAccount', keys: (e) => (e.type === 'DELETED' ? [{ name: e.object.metadata.namespace! }] : []) },
  ]);
  manager.register(new StatefulSetController(store, clock, events), [
    { kind: 'StatefulSet', keys: ownKey },
    { kind: 'Pod', keys: controllerKey('StatefulSet') },
  ]);
  // Deployment and ReplicaSet status.terminatingReplicas: on by default from 1.35 (versioned data).
  const terminatingReplicas = featureEnabled(version, 'DeploymentReplicaSetTerminatingReplicas');
  manager.register(new ReplicaSetController(store, clock, events, 'ReplicaSet', terminatingReplicas), [
    { kind: 'ReplicaSet', keys: ownKey },
    { kind: 'Pod', keys: controllerKey('ReplicaSet') },
    { kind: 'Pod', keys: selectingOwners(inNamespace, 'ReplicaSet') },
  ]);
  manager.register(new ReplicaSetController(store, clock, events, 'ReplicationController'), [
    { kind: 'ReplicationController', keys: ownKey },
    { kind: 'Pod', keys: controllerKey('ReplicationController') },
    { kind: 'Pod', keys: selectingOwners(inNamespace, 'ReplicationController') },
  ]);
  manager.register(new DeploymentController(store, clock, events, terminatingReplicas), [
    { kind: 'Deployment', keys: ownKey },
    { kind: 'ReplicaSet', keys: controllerKey('Deployment') },
    { kind: 'ReplicaSet', keys: selectingOwners(inNamespace, 'Deployment') },
    // Recreate waits for old pods to be gone; their deletion does not change the old set's status.
    { kind: 'Pod', keys: (e) => (e.type === 'DELETED' ? grandOwner(e.object, 'ReplicaSet', 'Deployment') : []) },
  ]);
  const daemonSets = new DaemonSetController(store, clock, events);
  manager.register(daemonSets, [
    { kind: 'DaemonSet', keys: ownKey },
    { kind: 'Pod', keys: controllerKey('DaemonSet') },
    { kind: 'Node', keys: () => store.list('DaemonSet').map((ds) => ds.metadata) },
  ]);
  manager.register(new JobController(store, clock, events), [
    { kind: 'Job', keys: ownKey },
    { kind: 'Pod', keys: controllerKey('Job') },
  ]);
  manager.register(new CronJobController(store, clock, events), [
    { kind: 'CronJob', keys: ownKey },
    { kind: 'Job', keys: controllerKey('CronJob') },
  ]);
  manager.register(new HpaController(store, clock, events, metrics), [{ kind: 'HorizontalPodAutoscaler', keys: (e) => (e.type === 'ADDED' ? [e.object.metadata] : []) }]);
  manager.register(new DisruptionController(store, clock, events), [
    { kind: 'PodDisruptionBudget', keys: ownKey },
    { kind: 'Pod', keys: (e) => store.list('PodDisruptionBudget', { namespace: e.object.metadata.namespace })
      .filter((b) => b.spec?.selector && LabelSelector.fromSpec(b.spec.selector).matches(e.object.metadata.labels)).map((b) => b.metadata) },
  ]);
  manager.register(new EndpointSliceController(store, behaviour(version, 'controllers.endpoints.managedByLabel').value), [
    { kind: 'Service', keys: ownKey },
    { kind: 'Pod', keys: (e) => [e.object, e.old].flatMap((p) => (p ? servicesSelecting(p) : [])) },
  ]);
  manager.register(new EndpointSliceMirroringController(store), [
    { kind: 'Endpoints', keys: ownKey },
    { kind: 'Service', keys: ownKey },
  ]);
  manager.register(new LoadBalancerController(store, loadBalancers), [{ kind: 'Service', keys: ownKey }]);
  const ingressStatus = new IngressStatusController(store);
  manager.register(ingressStatus, ingressStatus.watches());
  manager.register(new ResourceQuotaController(store, clock), [
    { kind: 'ResourceQuota', keys: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata]) },
    { kind: '*', keys: (e) => (e.object.kind === 'ResourceQuota' || e.object.kind === 'Event' || !e.object.metadata.namespace || (e.type === 'MODIFIED' && e.object.kind !== 'Pod')
      ? [] : store.list('ResourceQuota', { namespace: e.object.metadata.namespace }).map((q) => q.metadata)) },
  ]);
  const pendingClaims = (): ObjectKey[] => store.list('PersistentVolumeClaim').filter((c) => c.status?.phase !== 'Bound').map((c) => c.metadata);
  manager.register(new PersistentVolumeController(store, clock, events), [
    { kind: 'PersistentVolumeClaim', keys: ownKey },
    { kind: 'PersistentVolume', keys: pendingClaims },
    { kind: 'StorageClass', keys: pendingClaims },
    { kind: 'Pod', keys: (e) => (e.type === 'DELETED' || e.object.status?.phase === 'Succeeded' || e.object.status?.phase === 'Failed'
      ? (e.object.spec?.volumes ?? []).filter((v: any) => v.persistentVolumeClaim).map((v: any) => ({ namespace: e.object.metadata.namespace, name: v.persistentVolumeClaim.claimName }))
      : []) },
  ]);
  if (featureEnabled(version, 'PersistentVolumeClaimUnusedSinceTime')) {
    // pvcAddedUpdated enqueues a claim without the condition; any pod event enqueues its claims (enqueuePVCs).
    manager.register(new PvcUnusedConditionController(store, clock), [
      { kind: 'PersistentVolumeClaim', keys: (e) => (e.type !== 'DELETED' && !e.object.status?.conditions?.some((c: any) => c.type === 'Unused') ? [e.object.metadata] : []) },
      { kind: 'Pod', keys: (e) => claimsOf(e.object).map((name) => ({ namespace: e.object.metadata.namespace, name })) },
    ]);
  }
  manager.register(new TtlAfterFinishedController(store, clock), [{ kind: 'Job', keys: ownKey }]);
  const scheduler = new Scheduler(store, clock, rng, events, version);
  manager.register(scheduler, scheduler.watches());
  manager.register(new NodeLifecycleController(store, clock, events, health), [{ kind: 'Node', keys: ownKey }]);
  manager.register(new TaintEvictionController(store, clock, events, version), [
    { kind: 'Node', keys: ownKey },
    { kind: 'Pod', keys: (e) => (e.object.spec?.nodeName && e.type === 'ADDED' ? [{ name: e.object.spec.nodeName }] : []) },
  ]);
  const staticPods = new StaticPods(store, clock);
  manager.register(staticPods, staticPods.watches());
  const kubelets = new Kubelets(store, clock, events, images, health, staticPods, network, assumptions, version);
  manager.register(kubelets, kubelets.watches());
  manager.register(new GarbageCollector(store), [{ kind: '*', keys: ownerUids }]);
  manager.register(new PodGarbageCollector(store, clock, version), [{ kind: 'Node', keys: (e) => (e.type === 'DELETED' ? [{ name: e.object.metadata.name }] : []) }]);
  return { kubelets, staticPods, scheduler };
}
