import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ApiError } from '../../kube/api-errors.ts';
import { apiGroupOf, type KindInfo } from '../../kube/kinds.ts';

/**
 * Plain JSON over the Kubernetes REST API, authenticated by client-node's KubeConfig. The live
 * driver sends manifests and reads objects through this rather than client-node's typed models:
 * those rename fields that clash with JavaScript words (`from` → `_from`, `default` →
 * `_default`) and silently drop the original names when serialising a plain object, so a
 * NetworkPolicy's `from` or a LimitRange's `default` would never reach the server.
 */
export class RestClient {
  /** The kubeconfig may still be loading (see loadLiveContext); requests wait for it. */
  constructor(private readonly kc: KubeConfig | Promise<KubeConfig>) {}

  /**
   * One API call. Throttling (429), an unavailable or timed-out server (500 with reason
   * ServerTimeout, 503, 504) and dropped connections are retried with backoff (Retry-After when
   * the server gives one, else 250 ms doubling, five tries in all); any other answer is final.
   */
  async request(method: string, path: string, options: RequestOptionsIn = {}): Promise<any> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(method, path, options);
      } catch (e) {
        const retryAfter = retryDelay(e, attempt, method);
        if (retryAfter === undefined || attempt >= MAX_ATTEMPTS) throw e;
        await new Promise((resolve) => setTimeout(resolve, retryAfter));
      }
    }
  }

  private async once(method: string, path: string, options: RequestOptionsIn): Promise<any> {
    const kc = await this.kc;
    const server = kc.getCurrentCluster()?.server;
    if (!server) throw new ApiError('BadRequest', 400, 'the kubeconfig context has no cluster server');
    const url = new URL(server.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const requestOptions: RequestOptions = {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': options.contentType ?? 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
    };
    await kc.applyToHTTPSOptions(requestOptions);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const { status, text, retryAfter: retryAfterHeader } = await new Promise<{ status: number; text: string; retryAfter?: string }>((resolve, reject) => {
      const req = send(url, requestOptions, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: data, retryAfter: res.headers['retry-after'] }));
      });
      req.on('error', (e: NodeJS.ErrnoException) => reject(unreachable(server, e)));
      if (options.timeoutMs) req.setTimeout(options.timeoutMs, () => req.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs! / 1000}s`), { code: 'ETIMEDOUT' })));
      req.end(body);
    });
    const parsed = parseJson(text);
    if (status >= 200 && status < 300) return parsed;
    const error = new ApiError(parsed?.reason || genericReason(status, method), status, parsed?.message ?? (text || `HTTP ${status}`), (parsed?.details?.causes ?? []).map((c: any) => c.message));
    throw Object.assign(error, { retryAfterSeconds: Number(parsed?.details?.retryAfterSeconds ?? retryAfterHeader) || undefined });
  }
}

/**
 * The reason of an error answer that carries none (a body that is not a Status, such as a proxy's
 * page), from its HTTP code as client-go's NewGenericServerResponse gives it
 * (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go): a 409 to a POST is AlreadyExists.
 * Codes it has no reason for stay InternalError, as before.
 */
export function genericReason(code: number, method: string): ApiError['reason'] {
  if (code === 409) return method === 'POST' ? 'AlreadyExists' : 'Conflict';
  const byCode: Record<number, string> = {
    400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 406: 'NotAcceptable',
    413: 'RequestEntityTooLarge', 415: 'UnsupportedMediaType', 422: 'Invalid', 429: 'TooManyRequests', 500: 'InternalError',
    503: 'ServiceUnavailable', 504: 'Timeout',
  };
  return (byCode[code] ?? 'InternalError') as ApiError['reason'];
}

/**
 * The API server could not be talked to at all (refused, unknown host, TLS failure): one line
 * naming the server, without the socket's stack. The network code stays on the error for retries.
 */
export class ServerUnreachableError extends Error {
  constructor(readonly server: string, readonly code: string | undefined, cause: string) {
    super(`cannot reach the API server at ${server}: ${cause}`);
    this.name = 'ServerUnreachableError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

function unreachable(server: string, e: NodeJS.ErrnoException): ServerUnreachableError {
  return new ServerUnreachableError(server, e.code, e.message);
}

type RequestOptionsIn = { query?: Record<string, string | number | boolean | undefined>; body?: unknown; contentType?: string; timeoutMs?: number };

const MAX_ATTEMPTS = 5;
const transientStatus = new Set([429, 503, 504]);

/** How long to wait before trying again, or undefined when the failure is an answer, not a hiccup. */
export function retryDelay(e: unknown, attempt: number, method = 'GET'): number | undefined {
  const backoff = 250 * 2 ** (attempt - 1);
  if (e instanceof ApiError) {
    // An eviction refused by a PodDisruptionBudget is a 429 too, but a verdict the caller wants.
    if (e.code === 429 && [e.message, ...e.causes].some((c) => /disruption budget/i.test(c))) return undefined;
    if (!transientStatus.has(e.code) && !(e.code === 500 && (e.reason as string) === 'ServerTimeout')) return undefined;
    const hinted = (e as ApiError & { retryAfterSeconds?: number }).retryAfterSeconds;
    return hinted ? hinted * 1000 : backoff;
  }
  // A dropped connection may have dropped after the server acted: only reads are safe to repeat.
  const code = e instanceof ServerUnreachableError ? e.code : (e as NodeJS.ErrnoException)?.code;
  if (method !== 'GET') return undefined;
  return code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE' || code === 'ETIMEDOUT' ? backoff : undefined;
}

/** `/api/v1/namespaces/ns/pods/name`, `/apis/apps/v1/deployments`, ... */
export function resourcePath(info: KindInfo, namespace?: string, name?: string, subresource?: string): string {
  const root = apiGroupOf(info.apiVersion) ? `/apis/${info.apiVersion}` : `/api/${info.apiVersion}`;
  const scope = info.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${root}${scope}/${info.plural}${name ? `/${encodeURIComponent(name)}` : ''}${subresource ? `/${subresource}` : ''}`;
}

function parseJson(text: string): any {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}
