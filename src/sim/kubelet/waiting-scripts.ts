import type { Millis } from '../clock.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import type { ClusterView } from '../../network/cluster-view.ts';
import { resolve } from '../../network/dns.ts';
import { reachService } from '../../network/reachability.ts';
import type { ContainerBehavior } from './container-behavior.ts';
import type { ContainerRuntime } from './pod-runtime.ts';

const NAMESPACE_FILE = /\$\(cat \/var\/run\/secrets\/kubernetes\.io\/serviceaccount\/namespace\)/g;

/** The next tick of a waiting script's poll after `now`, or undefined when it is not waiting. */
export function nextPoll(c: ContainerRuntime, now: Millis): Millis | undefined {
  const wait = c.behavior.waitsFor;
  if (!wait || c.state !== 'running' || c.waitedUntil !== undefined) return undefined;
  return c.startedAt! + (Math.floor((now - c.startedAt!) / wait.every) + 1) * wait.every;
}

/**
 * Whether a waiting script's condition holds for this pod now, as its command would find it:
 * `nslookup NAME` once cluster DNS answers for the name (searched from the pod's namespace; the
 * service account's namespace file reads as that namespace), `nc -z HOST PORT` once the name
 * resolves and, for a Service, a connection to the port reaches a ready endpoint.
 */
export function waitConditionHolds(store: ObjectStore, pod: KubeObject, wait: NonNullable<ContainerBehavior['waitsFor']>): boolean {
  const namespace = pod.metadata.namespace ?? 'default';
  const host = wait.host.replace(NAMESPACE_FILE, namespace);
  const view: ClusterView = {
    pods: store.list('Pod'), services: store.list('Service'), slices: store.list('EndpointSlice'), policies: store.list('NetworkPolicy'),
    ingresses: [], ingressClasses: [], namespaces: store.list('Namespace'),
  };
  const answer = resolve(view, host, namespace);
  if (answer.type === 'NXDOMAIN') return false;
  if (wait.until === 'dns') return true;
  const [name, ns] = host.split('.');
  const service = view.services.find((s) => s.metadata.name === name && s.metadata.namespace === (ns && ns !== 'svc' ? ns : namespace));
  return service ? reachService(view, pod, service, wait.port!).reachable : true;
}

/**
 * A waiting script's poll (`until nslookup mydb; do sleep 2; done`): at each of its ticks the
 * condition is checked against the cluster as it is, and the rest of the script starts once it
 * holds. True when the wait ended now.
 */
export function pollWait(store: ObjectStore, pod: KubeObject, c: ContainerRuntime, now: Millis): boolean {
  const wait = c.behavior.waitsFor;
  if (!wait || c.state !== 'running' || c.waitedUntil !== undefined) return false;
  if ((now - c.startedAt!) % wait.every !== 0) return false;
  if (!waitConditionHolds(store, pod, wait)) return false;
  c.waitedUntil = now;
  return true;
}
