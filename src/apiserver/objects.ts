import { ApiError, apiGroupOf, notFound, type KindInfo, type KubeObject, type SimCluster } from '../sim/index.ts';
import type { VersionView } from '../sim/store/version-views.ts';
import { jsonBody, type ApiBody } from './api-request.ts';

/** An object's key in the store: namespace (namespaced kinds only) and name. */
export interface Key {
  namespace?: string;
  name: string;
}

/** The stored object, or the API server's NotFound (`pods "web" not found`). */
export function getOrThrow(cluster: SimCluster, info: KindInfo, key: Key): KubeObject {
  const obj = cluster.store.get(info.kind, key);
  if (!obj) throw notFound(info.plural, key.name, apiGroupOf(info.apiVersion));
  return obj;
}

/** 405, as the API server answers a verb the resource does not have. */
export function methodNotAllowed(method: string, plural: string): ApiError {
  return new ApiError('BadRequest', 405, `the server does not allow this method on the requested resource (${method} ${plural})`);
}

/** 404 for a path the server does not serve (an unknown resource or subresource). */
export function resourceNotFound(): ApiError {
  return new ApiError('NotFound', 404, 'the server could not find the requested resource');
}

/**
 * The object of a create or an update, with kind and apiVersion defaulted from the URL and
 * checked against it. The top level and metadata are fresh copies the request may change; the
 * rest is the caller's, shared (the store copies what it keeps).
 */
export function objectBody(body: ApiBody | undefined, info: KindInfo, view: VersionView): any {
  const raw = jsonBody(body);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ApiError('BadRequest', 400, 'the body of the request must be an object');
  const out = { ...raw };
  out.kind ??= info.kind;
  out.apiVersion ??= view.apiVersion;
  out.metadata = { ...out.metadata };
  if (out.kind !== info.kind || out.apiVersion !== view.apiVersion) throw new ApiError('BadRequest', 400, `the API version in the data (${out.apiVersion}) does not match the expected API version (${view.apiVersion})`);
  return out;
}
