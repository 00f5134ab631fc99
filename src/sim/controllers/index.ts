import type { Clock } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import type { ImageBehavior } from '../kubelet/container-behavior.ts';
import { Kubelets } from '../kubelet/kubelet.ts';
import type { SeededRandom } from '../rng.ts';
import { Scheduler } from '../scheduler/scheduler.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { controllerKey, ownKey } from './controller.ts';
import { GarbageCollector, ownerUids } from './garbage-collector.ts';
import type { ControllerManager } from './manager.ts';
import { StatefulSetController } from './statefulset-controller.ts';
import { ReplicaSetController } from './replicaset-controller.ts';
import { DeploymentController } from './deployment/deployment-controller.ts';

/** What every control loop is built from. */
export interface ControlPlaneParts {
  store: ObjectStore;
  clock: Clock;
  rng: SeededRandom;
  events: EventRecorder;
  images: readonly ImageBehavior[];
}

/**
 * The builder (STYLE.md §1): which loops run, what each watches and which keys a change
 * enqueues, declared in one place. Logic stays in the controllers.
 */
export function registerControllers(manager: ControllerManager, parts: ControlPlaneParts): void {
  const { store, clock, rng, events, images } = parts;
  manager.register(new StatefulSetController(store, clock, events), [
    { kind: 'StatefulSet', keys: ownKey },
    { kind: 'Pod', keys: controllerKey('StatefulSet') },
  ]);
  manager.register(new ReplicaSetController(store, clock, events), [
    { kind: 'ReplicaSet', keys: ownKey },
    { kind: 'Pod', keys: controllerKey('ReplicaSet') },
  ]);
  manager.register(new DeploymentController(store, clock, events), [
    { kind: 'Deployment', keys: ownKey },
    { kind: 'ReplicaSet', keys: controllerKey('Deployment') },
  ]);
  const scheduler = new Scheduler(store, clock, rng, events);
  manager.register(scheduler, scheduler.watches());
  const kubelets = new Kubelets(store, clock, events, images);
  manager.register(kubelets, kubelets.watches());
  manager.register(new GarbageCollector(store), [{ kind: '*', keys: ownerUids }]);
}
