import protobuf from 'protobufjs';
import { ApiError } from '../sim/index.ts';
import { kubernetesProtos } from './proto-schemas.ts';
import { toKubeJson } from './proto-objects.ts';

/**
 * client-go's typed clients (kubectl create, auth can-i, drain) send bodies as Kubernetes
 * protobuf: the magic `k8s\0`, then a runtime.Unknown { typeMeta {apiVersion=1, kind=2} = 1,
 * raw = 2 } wrapping the object's own message. Objects are decoded with the upstream schemas
 * (proto-schemas.ts). Without them, the access reviews and Evictions are still read by field
 * number, and anything else is refused with 415 and a way around.
 */
const MAGIC = Buffer.from([0x6b, 0x38, 0x73, 0x00]);

type Fields = Map<number, Array<Uint8Array | number>>;

function fieldsOf(bytes: Uint8Array): Fields {
  const reader = protobuf.Reader.create(bytes);
  const out: Fields = new Map();
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    let value: Uint8Array | number;
    if (wire === 2) value = reader.bytes();
    else if (wire === 0) value = reader.uint32();
    else {
      reader.skipType(wire);
      continue;
    }
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

const text = (f: Fields, n: number) => {
  const v = f.get(n)?.[0];
  return v instanceof Uint8Array ? Buffer.from(v).toString('utf8') : undefined;
};
const texts = (f: Fields, n: number) => (f.get(n) ?? []).filter((v): v is Uint8Array => v instanceof Uint8Array).map((v) => Buffer.from(v).toString('utf8'));
const message = (f: Fields, n: number) => {
  const v = f.get(n)?.[0];
  return v instanceof Uint8Array ? fieldsOf(v) : undefined;
};

export function isProtobuf(contentType: string | undefined): boolean {
  return (contentType ?? '').startsWith('application/vnd.kubernetes.protobuf');
}

export async function decodeProtobufBody(body: Buffer): Promise<any> {
  if (!body.subarray(0, 4).equals(MAGIC)) throw new ApiError('BadRequest', 400, 'the body of the request was in an unknown format: protobuf without the k8s magic');
  const unknown = fieldsOf(body.subarray(4));
  const typeMeta = message(unknown, 1) ?? new Map();
  const apiVersion = text(typeMeta, 1) ?? '';
  const kind = text(typeMeta, 2) ?? '';
  const raw = unknown.get(2)?.[0];
  const bytes = raw instanceof Uint8Array ? raw : new Uint8Array();
  const schemas = await kubernetesProtos();
  const type = schemas?.lookup(messageName(apiVersion, kind));
  if (type instanceof protobuf.Type) return { apiVersion, kind, ...toKubeJson(type, type.decode(bytes)) };
  const obj = fieldsOf(bytes);
  if (kind === 'SelfSubjectAccessReview' || kind === 'SubjectAccessReview') return { apiVersion, kind, metadata: {}, spec: accessReviewSpec(message(obj, 2) ?? new Map()) };
  if (kind === 'Eviction') {
    const meta = message(obj, 1) ?? new Map();
    return { apiVersion, kind, metadata: { name: text(meta, 1), namespace: text(meta, 3) } };
  }
  throw new ApiError('BadRequest', 415, `kubespec serve does not decode protobuf ${kind || 'request'} bodies yet: use kubectl apply -f, or kubectl create ... --dry-run=client -o yaml | kubectl apply -f -`);
}

function accessReviewSpec(spec: Fields): object {
  const ra = message(spec, 1);
  const nra = message(spec, 2);
  return {
    ...(ra ? { resourceAttributes: { namespace: text(ra, 1), verb: text(ra, 2), group: text(ra, 3), version: text(ra, 4), resource: text(ra, 5), subresource: text(ra, 6), name: text(ra, 7) } } : {}),
    ...(nra ? { nonResourceAttributes: { path: text(nra, 1), verb: text(nra, 2) } } : {}),
    ...(text(spec, 3) !== undefined ? { user: text(spec, 3) } : {}),
    ...(spec.has(4) ? { groups: texts(spec, 4) } : {}),
  };
}

/**
 * Kinds of k8s.io/apimachinery's meta/v1 that clients send as bodies. client-go's typed clients
 * (helm uninstall's release Secrets) send DeleteOptions under the resource's own group version
 * (`v1` DeleteOptions); the API server takes that or meta.k8s.io/v1 (handlers/delete.go: "For
 * backwards compatibility, we need to allow existing clients to submit per group DeleteOptions").
 */
const metaKinds = new Set(['DeleteOptions']);

/** `apps/v1` Deployment → k8s.io.api.apps.v1.Deployment; `rbac.authorization.k8s.io/v1` → k8s.io.api.rbac.v1. */
function messageName(apiVersion: string, kind: string): string {
  if (metaKinds.has(kind)) return `k8s.io.apimachinery.pkg.apis.meta.v1.${kind}`;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  return `k8s.io.api.${group!.split('.')[0]}.${version}.${kind}`;
}
