import type { IncomingMessage, ServerResponse } from 'node:http';
import { answer, type ApiRequest } from '../apiserver/index.ts';
import type { SimCluster } from '../sim/index.ts';
import type { Subject } from '../security/rbac.ts';
import { readBody, sendJson, wantsTable } from './http-io.ts';
import type { ResourcePath } from './request-path.ts';
import { streamWatch } from './watch-stream.ts';
import { withNullCreationTimestamps } from './zero-creation-timestamps.ts';

/**
 * The resource half of the served API, as transport only: the HTTP request becomes an
 * ApiRequest for the API server (src/apiserver, which the simulator driver calls in process
 * too), and its ApiResponse becomes the HTTP response. What stays here is what only HTTP has:
 * reading the body (a protobuf one decoded), the user agent, the Accept header, Warning headers,
 * and streaming a watch.
 */
export async function handleResource(cluster: SimCluster, subject: Subject, path: ResourcePath, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const request: ApiRequest = {
    method: req.method ?? 'GET',
    target: path,
    query: url.searchParams,
    body: { read: () => readBody(req) },
    contentType: (req.headers['content-type'] ?? '').split(';')[0]!.trim(),
    subject,
    table: wantsTable(req),
    userAgent: req.headers['user-agent'],
  };
  const response = await answer(cluster, request);
  addWarnings(res, response.warnings);
  if (response.watch) return streamWatch(cluster, res, response.watch);
  if (typeof response.body === 'string') {
    // pods/<name>/log
    res.writeHead(response.status, { 'Content-Type': 'text/plain' });
    res.end(response.body);
    return;
  }
  sendJson(res, response.status, withNullCreationTimestamps(cluster.version, response.body));
}

/**
 * Adds warnings as the API server sends them, one `Warning: 299 - "<text>"` header each (quotes
 * and backslashes escaped, as client-go's ParseWarningHeader reads them); kubectl prints
 * `Warning: <text>` for each.
 */
function addWarnings(res: ServerResponse, texts: readonly string[]): void {
  if (!texts.length) return;
  res.setHeader('Warning', texts.map((t) => `299 - "${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`));
}
