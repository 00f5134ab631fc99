import { behaviour, type KubernetesRelease } from '../kube/kubernetes-versions.ts';

/**
 * Up to 1.33 a Go API server writes a zero metadata.creationTimestamp as `"creationTimestamp":
 * null`: metav1.Time is a struct tagged only `omitempty`, which encoding/json never omits, and
 * Time.MarshalJSON writes null for the zero time (k8s.io/apimachinery@v0.32.13 pkg/apis/meta/v1/
 * types.go, time.go). From 1.34 the field is tagged `omitzero` and left out (apimachinery@v0.34.4
 * types.go:188; CHANGELOG-1.34 #130989). The simulator never stores the null, so this is what its
 * JSON encoder adds for a release that writes it (data: api.metadata.nullCreationTimestamp).
 *
 * A zero creationTimestamp is in every ObjectMeta nobody stored: pod templates, job templates,
 * PersistentVolumeClaim templates, and the objects a create answers without storing (reviews,
 * TokenRequest). kubectl keeps the null when it prints YAML or JSON, as it prints what it decoded.
 */
export function withNullCreationTimestamps(version: Pick<KubernetesRelease, 'minor'>, body: unknown): unknown {
  if (!behaviour(version, 'api.metadata.nullCreationTimestamp').value) return body;
  if (!isObject(body) || typeof body.kind !== 'string') return body;
  if (body.kind.endsWith('List') && Array.isArray(body.items)) {
    const itemKind = body.kind.slice(0, -'List'.length);
    return { ...body, items: body.items.map((item: unknown) => (isObject(item) ? shapeObject(itemKind, item) : item)) };
  }
  if (LIST_META_KINDS.has(body.kind) || !isObject(body.metadata)) return body;
  return shapeObject(body.kind, { ...body, metadata: withZeroTimestamp(body.metadata) });
}

/** Kinds whose metadata is a ListMeta, which has no creationTimestamp. */
const LIST_META_KINDS = new Set(['Status', 'Table', 'APIResourceList', 'APIGroupList', 'APIGroup', 'APIVersions']);

/** The PodTemplateSpec (and JobTemplateSpec) paths of each kind, under `spec` unless said. */
const POD_TEMPLATE_KINDS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'ReplicationController']);

function shapeObject(kind: string, obj: Record<string, any>): Record<string, any> {
  const out = { ...obj };
  if (kind === 'Pod' && isObject(out.spec)) out.spec = shapePodSpec(out.spec);
  if (kind === 'PodTemplate' && isObject(out.template)) out.template = shapeTemplate(out.template);
  if (!isObject(out.spec)) return out;
  const spec = { ...out.spec };
  if (POD_TEMPLATE_KINDS.has(kind) && isObject(spec.template)) spec.template = shapeTemplate(spec.template);
  if (kind === 'StatefulSet' && Array.isArray(spec.volumeClaimTemplates)) {
    spec.volumeClaimTemplates = spec.volumeClaimTemplates.map((t: unknown) => (isObject(t) ? { ...t, metadata: withZeroTimestamp(t.metadata) } : t));
  }
  if (kind === 'CronJob' && isObject(spec.jobTemplate)) {
    const job: Record<string, any> = { ...spec.jobTemplate, metadata: withZeroTimestamp(spec.jobTemplate.metadata) };
    if (isObject(job.spec) && isObject(job.spec.template)) job.spec = { ...job.spec, template: shapeTemplate(job.spec.template) };
    spec.jobTemplate = job;
  }
  if (kind === 'ResourceClaimTemplate') spec.metadata = withZeroTimestamp(spec.metadata);
  out.spec = spec;
  return out;
}

/** A PodTemplateSpec: its own ObjectMeta, and the claim templates of its pod spec. */
function shapeTemplate(template: Record<string, any>): Record<string, any> {
  return { ...template, metadata: withZeroTimestamp(template.metadata), ...(isObject(template.spec) ? { spec: shapePodSpec(template.spec) } : {}) };
}

/** volumes[].ephemeral.volumeClaimTemplate is a PersistentVolumeClaimTemplate, with an ObjectMeta. */
function shapePodSpec(spec: Record<string, any>): Record<string, any> {
  if (!Array.isArray(spec.volumes) || !spec.volumes.some((v: any) => isObject(v?.ephemeral?.volumeClaimTemplate))) return spec;
  return {
    ...spec,
    volumes: spec.volumes.map((v: any) => (isObject(v?.ephemeral?.volumeClaimTemplate)
      ? { ...v, ephemeral: { ...v.ephemeral, volumeClaimTemplate: { ...v.ephemeral.volumeClaimTemplate, metadata: withZeroTimestamp(v.ephemeral.volumeClaimTemplate.metadata) } } }
      : v)),
  };
}

/** ObjectMeta's fields before creationTimestamp, in Go's order, so the null sits where Go writes it. */
const BEFORE_CREATION = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation'];

function withZeroTimestamp(metadata: unknown): Record<string, any> {
  const meta = isObject(metadata) ? metadata : {};
  if (meta.creationTimestamp !== undefined) return meta;
  const out: Record<string, any> = {};
  for (const k of BEFORE_CREATION) if (k in meta) out[k] = meta[k];
  out.creationTimestamp = null;
  for (const [k, v] of Object.entries(meta)) if (!(k in out)) out[k] = v;
  return out;
}

function isObject(v: unknown): v is Record<string, any> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
