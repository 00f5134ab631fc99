import { behaviour, featureEnabled, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';
import { invalid, ApiError, type FieldError } from '../../kube/api-errors.ts';
import { nodeAllocatable, podRequests } from '../../kube/pod-resources.ts';
import { deepEqual } from '../store/apply/object-fields.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject } from '../store/types.ts';
import { qosClass } from '../qos.ts';
import type { AdmissionPlugin } from './admission.ts';

const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

/**
 * The rules of a write through pods/<name>/resize, in the API server's words:
 * ValidatePodResize (k8s.io/kubernetes@v1.37.2 pkg/apis/core/validation/validation.go:6491, and
 * validateContainerResize, validatePodResizeContainerOrdering, dropCPUMemoryResourcesFromContainer
 * there; @v1.35.4 for the sidecar-only text of 1.35) and, from 1.36, the PodResizeValidator
 * admission plugin (plugin/pkg/admission/podresize/admission.go: a resize beyond the node's
 * allocatable is refused here rather than left Infeasible by the kubelet).
 *
 * The request handler has already done podResizeStrategy.PrepareForUpdate (dropNonResizeUpdates:
 * only containers' resources and resizePolicy come from the client), so what differs here is what
 * the client asked to resize. The spec's own validation (requests within limits, resizePolicy
 * values) is the ordinary pod validation plugin's, which runs on this update too.
 * Pod-level resources (`spec.resources`) are refused before InPlacePodLevelResourcesVerticalScaling
 * (on from 1.36) and checked after it, though the simulator's kubelet and scheduler do not act on
 * them. Not modelled: memory-backed emptyDir sizeLimit resize (gate off), DRA claims.
 */
export function podResizeValidation(version: KubernetesRelease, store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'PodResize',
    admit({ operation, object, old, subresource }) {
      if (operation !== 'UPDATE' || subresource !== 'resize' || object.kind !== 'Pod' || !old) return;
      const errors = resizeErrors(object, old, version);
      if (errors.length) throw invalid('Pod', object.metadata.name, errors);
      // PodResizeValidator: only for a bound pod whose spec (generation) the resize changed.
      if (behaviour(version, 'api.pod.resizeBeyondNodeAllocatable').value !== 'admission') return;
      if (!object.spec?.nodeName || object.metadata.generation === old.metadata.generation) return;
      const node = store().get('Node', { name: object.spec.nodeName });
      if (!node) throw forbidden(object, `node "${object.spec.nodeName}" not found`);
      const refusal = nodeRefusal(object, node);
      if (refusal) throw forbidden(object, refusal);
    },
  };
}

/** ValidatePodResize's field errors for `next` against `old` (empty: the resize is valid). */
export function resizeErrors(next: KubeObject, old: KubeObject, version: KubernetesRelease): FieldError[] {
  if (old.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return [{ path: '', text: 'Forbidden: static pods cannot be resized' }];
  if (old.spec?.os?.name === 'windows') return [{ path: '', text: 'Forbidden: windows pods cannot be resized' }];
  const errors: FieldError[] = [];
  // The new pod's status is the old one's (PrepareForUpdate), so the value shown is the old class.
  if (qosClass(old) !== qosClass(next)) {
    errors.push({ path: 'spec', text: `Invalid value: "${old.status?.qosClass ?? qosClass(old)}": Pod QOS Class may not change as a result of resizing` });
  }
  if (!resizeSupportedOnNode(old)) errors.push({ path: 'spec', text: 'Forbidden: Pod running on node without support for resize' });
  // Pod-level resources (spec.resources): resizable only with InPlacePodLevelResourcesVerticalScaling (on from 1.36).
  const podLevel = (p: KubeObject) => Object.keys(p.spec?.resources?.requests ?? {}).length + Object.keys(p.spec?.resources?.limits ?? {}).length > 0;
  if (podLevel(old) || podLevel(next)) {
    if (!featureEnabled(version, 'InPlacePodLevelResourcesVerticalScaling')) {
      return [...errors, { path: '', text: 'Forbidden: resize of pods with pod-level resources is forbidden when InPlacePodLevelResourcesVerticalScalingEnabled feature gate is disabled' }];
    }
    errors.push(...podLevelErrors(next, old));
  }
  const ordering = orderingErrors(next, old);
  if (ordering.length) return [...errors, ...ordering];
  const containers: any[] = next.spec?.containers ?? [];
  const inits: any[] = next.spec?.initContainers ?? [];
  const initsResizable = featureEnabled(version, 'InPlacePodVerticalScalingInitContainers');
  (old.spec?.initContainers ?? []).forEach((c: any, i: number) => {
    if (initsResizable || c.restartPolicy === 'Always') errors.push(...removalErrors(inits[i].resources, c.resources, `spec.initContainers[${i}].resources`));
  });
  (old.spec?.containers ?? []).forEach((c: any, i: number) => errors.push(...removalErrors(containers[i].resources, c.resources, `spec.containers[${i}].resources`)));
  containers.forEach((c, i) => {
    if (!deepEqual(withoutCpuMemoryChanges(c, old.spec.containers[i]), old.spec.containers[i])) errors.push({ path: 'spec', text: 'Forbidden: only cpu and memory resources are mutable' });
  });
  inits.forEach((c, i) => {
    const before = old.spec.initContainers[i];
    const sidecar = c.restartPolicy === 'Always';
    const modified = !deepEqual(c, before);
    if (sidecar || initsResizable) {
      if (!deepEqual(withoutCpuMemoryChanges(c, before), before)) {
        errors.push(initsResizable
          ? { path: `spec.initContainers[${i}]`, text: 'Forbidden: only cpu and memory resources for init or sidecar containers are mutable' }
          : { path: 'spec', text: 'Forbidden: only cpu and memory resources for sidecar containers are mutable' });
      }
      if (initsResizable && modified && !sidecar && (c.resizePolicy ?? []).some((p: any) => p.restartPolicy === 'RestartContainer')) {
        errors.push({ path: `spec.initContainers[${i}]`, text: 'Forbidden: non-sidecar init containers with a resize policy of RestartContainer cannot be resized' });
      }
    } else if (modified) {
      errors.push({ path: 'spec', text: 'Forbidden: resources for non-sidecar init containers are immutable' });
    }
  });
  return errors;
}

/**
 * isPodResizeRequestSupported: a pod with a running container whose status has no `resources`
 * runs on a kubelet without in-place resize (version skew).
 */
function resizeSupportedOnNode(pod: KubeObject): boolean {
  const running = (pod.status?.containerStatuses ?? []).find((s: any) => s.state?.running);
  return running === undefined || running.resources !== undefined;
}

/** validatePodResizeContainerOrdering: no container added, removed, renamed or moved. */
function orderingErrors(next: KubeObject, old: KubeObject): FieldError[] {
  const errors: FieldError[] = [];
  for (const [field, label] of [['containers', 'containers'], ['initContainers', 'initContainers']] as const) {
    const now: any[] = next.spec?.[field] ?? [];
    const before: any[] = old.spec?.[field] ?? [];
    if (now.length !== before.length) errors.push({ path: `spec.${field}`, text: `Forbidden: ${label} may not be added or removed on resize` });
    else before.forEach((c, i) => { if (now[i].name !== c.name) errors.push({ path: `spec.${field}[${i}].name`, text: `Forbidden: ${label} may not be renamed or reordered on resize` }); });
  }
  return errors;
}

/** validatePodLevelResourcesResize: pod-level requests and limits may change (cpu and memory only), not go. */
function podLevelErrors(next: KubeObject, old: KubeObject): FieldError[] {
  const before = old.spec?.resources;
  const now = next.spec?.resources;
  if (before && !now) return [{ path: 'spec.resources', text: 'Forbidden: pod-level resources cannot be removed' }];
  const errors: FieldError[] = [];
  const removed = (list: Record<string, unknown> | undefined, was: Record<string, unknown> | undefined) => Object.keys(was ?? {}).some((k) => !(k in (list ?? {})));
  if (before && removed(now?.requests, before.requests)) errors.push({ path: 'spec.resources.requests', text: 'Forbidden: pod-level resource requests cannot be removed' });
  if (before && removed(now?.limits, before.limits)) errors.push({ path: 'spec.resources.limits', text: 'Forbidden: pod-level resource limits cannot be removed' });
  const others = (r: any) => ({ requests: withoutCpuMemory(r?.requests), limits: withoutCpuMemory(r?.limits) });
  if (!deepEqual(others(now), others(before))) errors.push({ path: 'spec', text: 'Forbidden: only cpu and memory resources are mutable at pod-level' });
  return errors;
}

function withoutCpuMemory(list: Record<string, unknown> | undefined): Record<string, unknown> {
  const { cpu: _cpu, memory: _memory, ...rest } = list ?? {};
  return rest;
}

/** validateContainerResize: requests and limits may change, not go. */
function removalErrors(now: any, before: any, path: string): FieldError[] {
  const removed = (list: Record<string, unknown> | undefined, was: Record<string, unknown> | undefined) => Object.keys(was ?? {}).some((k) => !(k in (list ?? {})));
  const errors: FieldError[] = [];
  if (removed(now?.requests, before?.requests)) errors.push({ path: `${path}.requests`, text: 'Forbidden: resource requests cannot be removed' });
  if (removed(now?.limits, before?.limits)) errors.push({ path: `${path}.limits`, text: 'Forbidden: resource limits cannot be removed' });
  return errors;
}

/** dropCPUMemoryResourcesFromContainer: the container with its old cpu and memory put back. */
function withoutCpuMemoryChanges(container: any, old: any): any {
  const list = (now: Record<string, unknown> | undefined, was: Record<string, unknown> | undefined) => {
    if (now === undefined && was === undefined) return undefined;
    const out: Record<string, unknown> = { ...(now ?? {}) };
    delete out.cpu;
    delete out.memory;
    for (const r of ['cpu', 'memory']) if (was?.[r] !== undefined) out[r] = was[r];
    return out;
  };
  const resources: any = {};
  const limits = list(container.resources?.limits, old.resources?.limits);
  const requests = list(container.resources?.requests, old.resources?.requests);
  if (limits && Object.keys(limits).length) resources.limits = limits;
  if (requests && Object.keys(requests).length) resources.requests = requests;
  if (container.resources?.claims) resources.claims = container.resources.claims;
  const copy = { ...container, resources };
  // An empty requirements struct and an absent one are the same to Semantic.DeepEqual.
  const normal = (c: any) => (c.resources && Object.keys(c.resources).length === 0 ? (({ resources: _, ...rest }) => rest)(c) : c);
  return deepEqual(normal(copy), normal(old)) ? old : copy;
}

/**
 * PodResizeValidator: the node must be Linux, and the pod's new requests must fit the node's
 * allocatable (validateRequestsWithinAllocatable; cpu in millicores, memory in bytes).
 */
export function nodeRefusal(pod: KubeObject, node: KubeObject): string | undefined {
  const os = node.metadata.labels?.['kubernetes.io/os'];
  if (os !== undefined && os !== 'linux') return `pod resize is only supported on linux nodes, node "${node.metadata.name}" is "${os}"`;
  const requests = podRequests(pod);
  const allocatable = nodeAllocatable(node);
  const msg: string[] = [];
  if (requests.milliCpu > allocatable.milliCpu) msg.push(`cpu, requested: ${requests.milliCpu}, allocatable: ${allocatable.milliCpu}`);
  if (requests.memory > allocatable.memory) msg.push(`memory, requested: ${requests.memory}, allocatable: ${allocatable.memory}`);
  return msg.length ? `node didn't have enough allocatable resources: ${msg.join('; ')}` : undefined;
}

/** admission.NewForbidden: `pods "web" is forbidden: <why>`. */
function forbidden(pod: KubeObject, why: string): ApiError {
  return new ApiError('Forbidden', 403, `pods "${pod.metadata.name}" is forbidden: ${why}`);
}
