import { ApiError, podSelectorSpec, type KubeObject, type SimCluster } from '../sim/index.ts';
import { echoedLines } from '../sim/kubelet/container-output.ts';

/** The autoscaling/v1 Scale of a Deployment, ReplicaSet, ReplicationController or StatefulSet. */
export function scaleOf(obj: KubeObject): object {
  const labels = podSelectorSpec(obj)?.matchLabels ?? {};
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid, resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') },
  };
}

/**
 * GET pods/<name>/log: the container's output (see sim/kubelet/container-output.ts), with the kubelet's
 * refusals for containers that have not started, in its words. `previous` shows the last
 * terminated run, `tailLines` the end.
 */
export function podLog(cluster: SimCluster, pod: KubeObject, q: URLSearchParams): string {
  const all = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let name = q.get('container');
  if (!name) {
    if ((pod.spec?.containers ?? []).length !== 1) {
      throw new ApiError('BadRequest', 400, `a container name must be specified for pod ${pod.metadata.name}, choose one of: [${pod.spec.containers.map((c: any) => c.name).join(' ')}]`);
    }
    name = pod.spec.containers[0].name;
  }
  const spec = all.find((c: any) => c.name === name);
  if (!spec) throw new ApiError('BadRequest', 400, `container ${name} is not valid for pod ${pod.metadata.name}`);
  const status = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((s: any) => s.name === name);
  const previous = q.get('previous') === 'true';
  const state = previous ? status?.lastState : status?.state;
  const run = state?.running ?? state?.terminated;
  if (!run) {
    if (previous) throw new ApiError('BadRequest', 400, `previous terminated container "${name}" in pod "${pod.metadata.name}" not found`);
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
    throw new ApiError('BadRequest', 400, `container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
  }
  const end = state.terminated?.finishedAt ? Date.parse(state.terminated.finishedAt) : cluster.clock.now();
  let lines = echoedLines(spec.command, spec.args, end - Date.parse(run.startedAt));
  const tail = q.get('tailLines');
  if (tail !== null && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  return lines.map((l) => `${l}\n`).join('');
}
