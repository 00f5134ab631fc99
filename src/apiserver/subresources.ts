import * as jsonPatch from 'fast-json-patch/index.mjs';
import { ApiError, jsonMerge, podSelectorSpec, type KindInfo, type KubeObject, type SimCluster, type WriteOptions } from '../sim/index.ts';
import { echoedLines } from '../sim/kubelet/container-output.ts';
import { jsonBody, type ApiBody, type ApiRequest, type ApiResponse } from './api-request.ts';
import { getOrThrow, resourceNotFound, type Key } from './objects.ts';
import { tokenRequestFor } from './service-account-token.ts';
import { handlePodResize } from './pod-resize.ts';

/** The kinds with a scale subresource among the built-in ones. */
const SCALABLE = ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'];

const answer = (status: number, body: unknown): ApiResponse => ({ status, body, warnings: [] });

/**
 * The subresources other than status: scale (GET, PUT, PATCH), pods/resize (pod-resize.ts), pods/log (text), token,
 * eviction, and the refusals for exec, attach and portforward, which need a stream (serve
 * upgrades exec to a WebSocket before a request gets here).
 */
export function handleSubresource(cluster: SimCluster, info: KindInfo, request: ApiRequest, body: ApiBody | undefined, key: Key, write: WriteOptions): ApiResponse {
  const method = request.method;
  const sub = request.target.subresource;
  if (sub === 'scale' && SCALABLE.includes(info.kind)) {
    const obj = getOrThrow(cluster, info, key);
    if (method === 'GET') return answer(200, scaleOf(obj));
    const patch = jsonBody(body);
    const scale = method === 'PUT' ? patch : request.contentType === 'application/json-patch+json' ? jsonPatch.applyPatch(scaleOf(obj), patch, true, false).newDocument : jsonMerge(scaleOf(obj), patch) as any;
    const replicas = scale?.spec?.replicas;
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw new ApiError('Invalid', 422, `Scale.autoscaling "${key.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`);
    }
    const rv = method === 'PUT' ? scale.metadata?.resourceVersion || obj.metadata.resourceVersion : obj.metadata.resourceVersion;
    const updated = cluster.store.update({ ...obj, metadata: { ...obj.metadata, resourceVersion: rv }, spec: { ...obj.spec, replicas } }, write);
    cluster.clock.settle();
    return answer(200, scaleOf(updated));
  }
  if (sub === 'resize' && info.kind === 'Pod') return handlePodResize(cluster, info, request, body, key, write);
  if (sub === 'log' && info.kind === 'Pod' && method === 'GET') {
    return answer(200, podLog(cluster, getOrThrow(cluster, info, key), request.query));
  }
  if (sub === 'token' && info.kind === 'ServiceAccount' && method === 'POST') {
    const account = getOrThrow(cluster, info, key);
    return answer(201, tokenRequestFor(account, jsonBody(body), cluster.clock.now()));
  }
  if (sub === 'eviction' && info.kind === 'Pod' && method === 'POST') {
    cluster.evict(key.namespace!, key.name);
    return answer(201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }
  if (info.kind === 'Pod' && sub === 'exec') {
    getOrThrow(cluster, info, key);
    throw new ApiError('BadRequest', 400, 'kubespec serve streams exec over WebSocket (v4/v5.channel.k8s.io) only; kubectl 1.30 and later use it');
  }
  if (info.kind === 'Pod' && (sub === 'attach' || sub === 'portforward')) {
    getOrThrow(cluster, info, key);
    throw new ApiError('BadRequest', 400, `kubespec serve simulates containers without running them: ${sub} is not available (kubectl exec answers env, cat, ls and the like; kubectl logs shows what a container printed)`);
  }
  throw resourceNotFound();
}

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
 * GET pods/<name>/log: the container's output (what its image's entrypoint printed, then what its
 * script echoes: sim/kubelet/container-output.ts), with the kubelet's refusals for containers
 * that have not started, in its words. `previous` shows the last terminated run, as does a
 * container waiting to restart; `tailLines` the end.
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
  // A container waiting to restart shows its last run (K@1.37.2 kubelet_pods.go:1585-1589
  // validateContainerLogStatus: lastState.Terminated before the waiting reason).
  const waitingAfterARun = !previous && !status?.state?.running && !status?.state?.terminated && status?.lastState?.terminated;
  const state = previous || waitingAfterARun ? status?.lastState : status?.state;
  const run = state?.running ?? state?.terminated;
  if (!run) {
    if (previous) throw new ApiError('BadRequest', 400, `previous terminated container "${name}" in pod "${pod.metadata.name}" not found`);
    const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
    throw new ApiError('BadRequest', 400, `container "${name}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
  }
  const end = state.terminated?.finishedAt ? Date.parse(state.terminated.finishedAt) : cluster.clock.now();
  let lines = [
    ...cluster.containerEntrypointOutput(pod.metadata.namespace ?? 'default', pod.metadata.name, spec.name, run.startedAt),
    ...echoedLines(spec.command, spec.args, end - Date.parse(run.startedAt)),
  ];
  const tail = q.get('tailLines');
  if (tail !== null && Number(tail) >= 0) lines = lines.slice(Math.max(0, lines.length - Number(tail)));
  return lines.map((l) => `${l}\n`).join('');
}
