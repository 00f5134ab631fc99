import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../sim/index.ts';
import { decodeProtobufBody, isProtobuf } from './protobuf-body.ts';
import { asApiError, statusOf } from '../apiserver/index.ts';

/** Request bodies larger than this are refused (413), as the apiserver limits them to 3 MiB. */
const MAX_BODY = 3 * 1024 * 1024;

/** The body as text (JSON, YAML); a protobuf body is decoded where that is supported. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const raw = await readRaw(req);
  if (isProtobuf(req.headers['content-type'])) return JSON.stringify(await decodeProtobufBody(raw));
  return raw.toString('utf8');
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new ApiError('BadRequest', 413, 'Request entity too large: limit is 3145728');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

export function sendError(res: ServerResponse, error: unknown): void {
  const api = asApiError(error);
  if (res.headersSent) {
    res.end();
    return;
  }
  sendJson(res, api.code, statusOf(api));
}

/** `Accept: application/json;as=Table;v=v1;g=meta.k8s.io, application/json` → a Table is wanted. */
export function wantsTable(req: IncomingMessage): boolean {
  return /as=Table/.test(req.headers.accept ?? '');
}
