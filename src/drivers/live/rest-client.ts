import { request as httpRequest } from 'node:http';
import { request as httpsRequest, type RequestOptions } from 'node:https';
import type { KubeConfig } from '@kubernetes/client-node';
import { ApiError, apiGroupOf, type KindInfo } from '../../sim/index.ts';

/**
 * Plain JSON over the Kubernetes REST API, authenticated by client-node's KubeConfig. The live
 * driver sends manifests and reads objects through this rather than client-node's typed models:
 * those rename fields that clash with JavaScript words (`from` → `_from`, `default` →
 * `_default`) and silently drop the original names when serialising a plain object, so a
 * NetworkPolicy's `from` or a LimitRange's `default` would never reach the server.
 */
export class RestClient {
  constructor(private readonly kc: KubeConfig) {}

  async request(method: string, path: string, options: { query?: Record<string, string | number | boolean | undefined>; body?: unknown; contentType?: string } = {}): Promise<any> {
    const server = this.kc.getCurrentCluster()?.server;
    if (!server) throw new ApiError('BadRequest', 400, 'the kubeconfig context has no cluster server');
    const url = new URL(server.replace(/\/$/, '') + path);
    for (const [k, v] of Object.entries(options.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const requestOptions: RequestOptions = {
      method,
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': options.contentType ?? 'application/json' } : {}) },
    };
    await this.kc.applyToHTTPSOptions(requestOptions);
    const send = url.protocol === 'http:' ? httpRequest : httpsRequest;
    const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = send(url, requestOptions, (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (data += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: data }));
      });
      req.on('error', reject);
      req.end(body);
    });
    const parsed = parseJson(text);
    if (status >= 200 && status < 300) return parsed;
    throw new ApiError(parsed?.reason || 'InternalError', status, parsed?.message ?? (text || `HTTP ${status}`), (parsed?.details?.causes ?? []).map((c: any) => c.message));
  }
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
