import { ApiError, type KindInfo, type KubeObject } from '../sim/index.ts';
import type { Subject } from '../security/rbac.ts';

/**
 * What a request is about, as the apiserver's RequestInfoFactory reads it from a URL path
 * (`/apis/apps/v1/namespaces/ns/deployments/web/scale`): serve parses it from the URL, the
 * simulator driver builds it from a kind and a name.
 */
export interface ApiTarget {
  /** The version the client speaks (`autoscaling/v1`), which may not be the stored one. */
  apiVersion: string;
  /** The kind behind (apiVersion, plural); undefined when the cluster does not serve it. */
  info?: KindInfo;
  /** Set for the access-review resources, which are answered and never stored. */
  review?: { kind: string; apiVersion: string; plural: string };
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * A request body: the text as it came over the wire (JSON, or YAML for an apply patch), or an
 * object handed over in process. An object is never serialised; it is copied only where a
 * request changes it (shallowly), so the caller's object stays as it was.
 */
export type ApiBody = { text: string } | { object: unknown };

/**
 * A body the transport reads only when the API server gets to it (after authorization and the
 * query's checks), so a refused request is refused before its body is looked at, as upstream.
 */
export type PendingBody = ApiBody | { read: () => Promise<string> };

/** The body, read now if it was pending. */
export async function bodyOf(body: PendingBody | undefined): Promise<ApiBody | undefined> {
  if (!body || !('read' in body)) return body;
  return { text: await body.read() };
}

/** One call of the API, with nothing of HTTP left in it. */
export interface ApiRequest {
  /** GET, POST, PUT, PATCH or DELETE. A watch is a GET with `watch=true`. */
  method: string;
  target: ApiTarget;
  /** The query parameters (labelSelector, fieldSelector, dryRun, fieldManager, limit, …). */
  query: URLSearchParams;
  body?: PendingBody;
  /** The body's media type without parameters; it picks the kind of patch. */
  contentType?: string;
  /** Who is asking, for RBAC. */
  subject: Subject;
  /** The client asked for a Table (`Accept: application/json;as=Table;…`). */
  table?: boolean;
  /** Names the field manager when there is no fieldManager parameter (up to the first "/"). */
  userAgent?: string;
}

/**
 * What the start of a watch delivers, after the request's namespace and selectors. Streaming
 * it belongs to the transport (serve writes WatchEvents to a chunked response).
 */
export interface WatchRequest {
  kind: string;
  apiVersion: string;
  matches: (obj: KubeObject) => boolean;
  /** Replay changes after this resourceVersion; undefined or 0 = current state as ADDED first. */
  resourceVersion?: number;
  bookmarks: boolean;
  /**
   * sendInitialEvents (a watch list, client-go's WatchListClient, on in kubectl from 1.35): true =
   * the current state as ADDED, then a BOOKMARK annotated k8s.io/initial-events-end; false = no
   * synthetic events even without a resourceVersion.
   */
  initialEvents?: boolean;
  timeoutSeconds?: number;
  /** Encodes an object as the client asked (itself or a one-row Table). */
  encode: (obj: KubeObject) => unknown;
}

/**
 * The answer: an HTTP status and a body (an object, or text for pods/log), the warnings the API
 * server sends as `Warning: 299` headers, or the watch to stream. Failures are metav1.Status
 * bodies (see statusOf); `handle` throws them as ApiError, `answer` returns them.
 */
export interface ApiResponse {
  status: number;
  body: unknown;
  warnings: string[];
  watch?: WatchRequest;
}

/** A metav1.Status for an error, the body every failed API call carries. */
export function statusOf(error: ApiError): object {
  return {
    kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: error.message, reason: error.reason,
    details: {
      ...(error.subject ? { name: error.subject.name, ...(error.subject.group ? { group: error.subject.group } : {}), kind: error.subject.kind } : {}),
      ...(error.fieldCauses.length ? { causes: error.fieldCauses } : error.causes.length ? { causes: error.causes.map((message) => ({ message })) } : {}),
    },
    code: error.code,
  };
}

/** Any failure as the API server reports it: an ApiError as it is, anything else as a 500. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('InternalError', 500, `Internal error occurred: ${(error as Error)?.message ?? String(error)}`);
}

/** JSON text as the API server decodes it: a syntax error is a 400 naming the decoder's complaint. */
export function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError('BadRequest', 400, `the body of the request was in an unknown format: ${(e as Error).message}`);
  }
}

/** The body as a JSON value: parsed from text, or the object as handed over. Absent: undefined. */
export function jsonBody(body: ApiBody | undefined): any {
  if (!body) return undefined;
  return 'object' in body ? body.object : parseJson(body.text);
}

/** The body as text may be empty (a DELETE without options): then there is no body. */
export function optionalJsonBody(body: ApiBody | undefined): any {
  if (!body || ('text' in body && !body.text.trim())) return undefined;
  return jsonBody(body);
}
