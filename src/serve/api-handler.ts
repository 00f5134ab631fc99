import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import * as jsonPatch from 'fast-json-patch/index.mjs';
import { ApiError, apiGroupOf, applyConfiguration, checkApplyTypes, jsonMerge, LabelSelector, notFound, strategicMerge, type KindInfo, type KubeObject, type SimCluster, type WriteOptions, type DeleteOptions, type Writer } from '../sim/index.ts';
import { rfc3339 } from '../sim/clock.ts';
import type { Request as AuthzRequest, Subject } from '../security/rbac.ts';
import { decide, escalationGuard, forbidden, review } from './authorization.ts';
import { parseFieldSelector } from './field-selector.ts';
import { parseJson, readBody, sendJson, wantsTable } from './http-io.ts';
import type { ResourcePath } from './request-path.ts';
import { scaleOf, podLog } from './subresources.ts';
import { tokenRequestFor } from './service-account-token.ts';
import { toTable, type RowObject } from './tables.ts';
import { goFormat, kindSchema, unknownFields } from './field-validation.ts';
import { upstreamOpenApi } from './openapi-documents.ts';
import { streamWatch } from './watch-stream.ts';
import { alternateVersions, identityView, type VersionView } from '../sim/store/version-views.ts';

/**
 * The resource half of the served API: CRUD, list (selectors, pagination), watch, patch (JSON,
 * merge, strategic, apply), delete with propagation, and the status, scale, log and eviction
 * subresources, all on the simulator's store. Every write settles the cluster at the current
 * virtual time, so controllers react before the response is sent, as they would within
 * milliseconds on a real cluster.
 */
export async function handleResource(cluster: SimCluster, subject: Subject, path: ResourcePath, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  if (path.review) {
    if (method !== 'POST') throw methodNotAllowed(method, path.plural);
    sendJson(res, 201, review(cluster, subject, parseJson(await readBody(req))));
    return;
  }
  const info = path.info;
  if (!info) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  if (path.namespace && !info.namespaced) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  const watching = method === 'GET' && (q.get('watch') === 'true' || q.get('watch') === '1');
  const verb = verbOf(method, path, watching);
  const authz: AuthzRequest = { verb, resource: path.plural, subresource: path.subresource, apiGroup: apiGroupOf(info.apiVersion), namespace: path.namespace, name: path.name };
  if (!decide(cluster, subject, authz).allowed) throw forbidden(subject, authz);
  // Reads ignore dryRun, as the API server only decodes it with the options of a write.
  const write: WriteOptions = { dryRun: method !== 'GET' && dryRunOf(q), writer: ['POST', 'PUT', 'PATCH'].includes(method) ? writerOf(cluster, req, q, path.subresource) : undefined, warnings: [], guard: escalationGuard(cluster, subject) };
  const key = { namespace: info.namespaced ? path.namespace ?? 'default' : undefined, name: path.name ?? '' };
  const view = alternateVersions.find((a) => a.apiVersion === path.apiVersion && a.plural === path.plural)?.view ?? identityView(info.apiVersion);
  const fields = ['POST', 'PUT', 'PATCH'].includes(method) ? await fieldCheck(q, view.apiVersion, info.kind, res) : noFieldCheck;

  if (path.subresource && path.subresource !== 'status') {
    await handleSubresource(cluster, info, path, key, req, res, url, write);
    return;
  }
  switch (method) {
    case 'GET':
      if (!path.name || watching) return list(cluster, info, view, path, req, res, q, watching);
      const obj = getOrThrow(cluster, info, key);
      return sendJson(res, 200, wantsTable(req) ? toTable(info.kind, [obj], cluster.clock.now(), obj.metadata.resourceVersion, {}, rowObject(q, view)) : view.toServed(obj));
    case 'POST': {
      if (path.name) throw methodNotAllowed(method, path.plural);
      const body = fields.object(objectBody(await readBody(req), info, view));
      if (info.namespaced && path.namespace && body.metadata?.namespace && body.metadata.namespace !== path.namespace) {
        throw new ApiError('BadRequest', 400, 'the namespace of the provided object does not match the namespace sent on the request');
      }
      if (info.namespaced) body.metadata = { ...body.metadata, namespace: path.namespace ?? body.metadata?.namespace };
      const created = cluster.store.create(view.toStored(body), write);
      cluster.clock.settle();
      addWarnings(res, write.warnings);
      return sendJson(res, 201, view.toServed(created));
    }
    case 'PUT': {
      const body = fields.object(objectBody(await readBody(req), info, view));
      if (body.metadata?.name !== path.name) throw new ApiError('BadRequest', 400, `the name of the object (${body.metadata?.name}) does not match the name on the URL (${path.name})`);
      if (info.namespaced) body.metadata.namespace = key.namespace;
      const stored = view.toStored(body);
      const updated = path.subresource === 'status' ? cluster.store.updateStatus(stored, write) : cluster.store.update(stored, write);
      cluster.clock.settle();
      addWarnings(res, write.warnings);
      return sendJson(res, 200, view.toServed(updated));
    }
    case 'PATCH': {
      const patched = await patchObject(cluster, info, view, key, req, path.subresource === 'status', write, fields);
      addWarnings(res, write.warnings);
      return sendJson(res, patched.created ? 201 : 200, view.toServed(patched.object));
    }
    case 'DELETE':
      if (!path.name) return deleteCollection(cluster, info, path, req, res, q, write);
      return sendJson(res, 200, await deleteOne(cluster, info, view, key, req, q, write));
    default:
      throw methodNotAllowed(method, path.plural);
  }
}

/** What a write does with fields the kind's schema does not declare (see field-validation.ts). */
interface FieldCheck {
  object<T>(body: T): T;
  patch<T>(patch: T): T;
}

const noFieldCheck: FieldCheck = { object: (b) => b, patch: (p) => p };

/**
 * The fieldValidation parameter (Ignore, Warn — the default — or Strict) against the upstream
 * schema of the kind. Unknown fields are dropped; Warn adds a Warning header for each, Strict
 * refuses the request with the API server's words for the kind of request. Without the upstream
 * documents (no Go module cache), nothing is checked.
 */
async function fieldCheck(q: URLSearchParams, apiVersion: string, kind: string, res: ServerResponse): Promise<FieldCheck> {
  const mode = q.get('fieldValidation') ?? 'Warn';
  if (!['Ignore', 'Warn', 'Strict'].includes(mode)) throw new ApiError('BadRequest', 400, `fieldValidation: Unsupported value: "${mode}": supported values: "Ignore", "Strict", "Warn"`);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') as [string, string] : ['', apiVersion];
  const document = await upstreamOpenApi(group ? `apis/${apiVersion}` : `api/${apiVersion}`);
  const schema = document && kindSchema(document, group, version, kind);
  if (!schema) return noFieldCheck;
  const screen = <T>(value: T, refuse: (paths: string[]) => ApiError): T => {
    const { paths, pruned } = unknownFields(document, schema, value);
    if (paths.length === 0) return value;
    if (mode === 'Strict') throw refuse(paths);
    if (mode === 'Warn') addWarnings(res, paths.map((p) => `unknown field "${p}"`));
    return pruned as T;
  };
  const strict = (paths: string[]) => `strict decoding error: ${paths.map((p) => `unknown field "${p}"`).join(', ')}`;
  return {
    object: (body) => screen(body, (paths) => new ApiError('BadRequest', 400, `${kind} in version "${version}" cannot be handled as a ${kind}: ${strict(paths)}`)),
    patch: (patch) => screen(patch, (paths) => new ApiError('Invalid', 422, ` "" is invalid: patch: Invalid value: "${goFormat(patch)}": ${strict(paths)}`)),
  };
}

/**
 * Adds warnings as the API server sends them, one `Warning: 299 - "<text>"` header each (quotes
 * and backslashes escaped, as client-go's ParseWarningHeader reads them); kubectl prints
 * `Warning: <text>` for each.
 */
function addWarnings(res: ServerResponse, texts: readonly string[] | undefined): void {
  if (!texts?.length) return;
  const existing = res.getHeader('Warning');
  const before = existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  res.setHeader('Warning', [...before, ...texts.map((t) => `299 - "${t.replace(/[\\"]/g, (c) => `\\${c}`)}"`)]);
}

/**
 * Who is writing, for managedFields: the fieldManager parameter, else the user agent up to its
 * first "/" (`kubectl`), as the API server's managerOrUserAgent does.
 */
function writerOf(cluster: SimCluster, req: IncomingMessage, q: URLSearchParams, subresource: string | undefined): Writer {
  const requested = q.get('fieldManager') ?? '';
  if (requested.length > 128) throw new ApiError('Invalid', 422, `fieldManager: Too long: may not be more than 128 bytes`);
  const manager = requested || (req.headers['user-agent'] ?? '').split('/')[0]!.replace(/[^\x20-\x7e]/g, '').slice(0, 128);
  return { manager: manager || 'unknown', time: rfc3339(cluster.clock.now()), ...(subresource ? { subresource } : {}) };
}

/** The dryRun query parameter: absent, or All (the only value the API server knows). */
function dryRunOf(q: URLSearchParams): boolean {
  const values = q.getAll('dryRun');
  if (values.length === 0) return false;
  const unknown = values.find((v) => v !== 'All');
  if (unknown !== undefined) throw new ApiError('BadRequest', 400, `Invalid dryRun value: "${unknown}": supported values: "All"`);
  return true;
}

function verbOf(method: string, path: ResourcePath, watching: boolean): string {
  if (method === 'GET') return watching ? 'watch' : path.name ? 'get' : 'list';
  if (method === 'POST') return 'create';
  if (method === 'PUT') return 'update';
  if (method === 'PATCH') return 'patch';
  if (method === 'DELETE') return path.name ? 'delete' : 'deletecollection';
  return method.toLowerCase();
}

function methodNotAllowed(method: string, plural: string): ApiError {
  return new ApiError('BadRequest', 405, `the server does not allow this method on the requested resource (${method} ${plural})`);
}

function getOrThrow(cluster: SimCluster, info: KindInfo, key: { namespace?: string; name: string }): KubeObject {
  const obj = cluster.store.get(info.kind, key);
  if (!obj) throw notFound(info.plural, key.name, apiGroupOf(info.apiVersion));
  return obj;
}

function objectBody(text: string, info: KindInfo, view: VersionView): any {
  const body = parseJson(text);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError('BadRequest', 400, 'the body of the request must be an object');
  body.kind ??= info.kind;
  body.apiVersion ??= view.apiVersion;
  if (body.kind !== info.kind || body.apiVersion !== view.apiVersion) throw new ApiError('BadRequest', 400, `the API version in the data (${body.apiVersion}) does not match the expected API version (${view.apiVersion})`);
  body.metadata ??= {};
  return body;
}

function selection(info: KindInfo, path: ResourcePath, q: URLSearchParams): (obj: KubeObject) => boolean {
  const labels = q.get('labelSelector') ? LabelSelector.parse(q.get('labelSelector')!) : undefined;
  const fields = parseFieldSelector(q.get('fieldSelector'));
  const namespace = info.namespaced ? path.namespace : undefined;
  const name = path.name;
  return (obj) => (name === undefined || obj.metadata.name === name) && (namespace === undefined || obj.metadata.namespace === namespace) && (!labels || labels.matches(obj.metadata.labels)) && fields(obj);
}

/** The `includeObject` parameter of a Table request: Metadata (the default), Object or None. */
function rowObject(q: URLSearchParams, view: VersionView): RowObject {
  const include = q.get('includeObject') ?? 'Metadata';
  if (include === 'Object') return { include, served: (o) => view.toServed(o) };
  if (include === 'None' || include === 'Metadata') return { include };
  throw new ApiError('BadRequest', 400, `includeObject: Unsupported value: "${include}": supported values: "Metadata", "None", "Object"`);
}

function list(cluster: SimCluster, info: KindInfo, view: VersionView, path: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, watching: boolean): void {
  const matches = selection(info, path, q);
  const table = wantsTable(req);
  const now = cluster.clock.now();
  if (watching) {
    const rv = q.get('resourceVersion');
    streamWatch(cluster, res, {
      kind: info.kind, apiVersion: info.apiVersion, matches, bookmarks: q.get('allowWatchBookmarks') === 'true',
      resourceVersion: rv ? Number(rv) : undefined,
      timeoutSeconds: q.get('timeoutSeconds') ? Number(q.get('timeoutSeconds')) : undefined,
      encode: (obj) => (table ? toTable(info.kind, [obj], cluster.clock.now(), obj.metadata.resourceVersion, {}, rowObject(q, view)) : view.toServed(obj)),
    });
    return;
  }
  const all = cluster.store.list(info.kind).filter(matches);
  const page = paginate(all, q);
  const resourceVersion = String(cluster.store.currentRevision());
  const meta = { ...(page.continue ? { continue: page.continue, remainingItemCount: page.remaining } : {}) };
  if (table) return sendJson(res, 200, toTable(info.kind, page.items, now, resourceVersion, meta, rowObject(q, view)));
  sendJson(res, 200, { kind: `${info.kind}List`, apiVersion: view.apiVersion, metadata: { resourceVersion, ...meta }, items: page.items.map((o) => view.toServed(o)) });
}

/**
 * limit/continue: the token is the position after the last item returned (namespace/name in
 * the list's order), so pages stay consistent when objects are added behind the cursor.
 */
function paginate(items: KubeObject[], q: URLSearchParams): { items: KubeObject[]; continue?: string; remaining?: number } {
  let start = 0;
  const token = q.get('continue');
  if (token) {
    let after: string;
    try {
      after = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')).after;
    } catch {
      throw new ApiError('BadRequest', 400, 'continue key is not valid: illegal base64 data');
    }
    start = items.findIndex((o) => sortKey(o) > after);
    if (start < 0) start = items.length;
  }
  const limit = Number(q.get('limit') ?? 0);
  if (!limit || start + limit >= items.length) return { items: items.slice(start) };
  const pageItems = items.slice(start, start + limit);
  const next = Buffer.from(JSON.stringify({ after: sortKey(pageItems[pageItems.length - 1]!) })).toString('base64url');
  return { items: pageItems, continue: next, remaining: items.length - start - limit };
}

function sortKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}\u0000${o.metadata.name}`;
}

/**
 * PATCH in the four content types: JSON patch (RFC 6902), JSON merge patch, strategic merge
 * patch and server-side apply. Apply creates a missing object, merges the configuration by the
 * schema's list types, and keeps field ownership (conflicts, pruning: see apply/field-manager.ts).
 */
async function patchObject(cluster: SimCluster, info: KindInfo, view: VersionView, key: { namespace?: string; name: string }, req: IncomingMessage, statusOnly: boolean, options: WriteOptions, fields: FieldCheck): Promise<{ object: KubeObject; created: boolean }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const text = await readBody(req);
  const current = cluster.store.get(info.kind, key);
  const q = new URL(req.url ?? '/', 'http://x').searchParams;
  if (q.has('force') && type !== 'application/apply-patch+yaml') {
    throw new ApiError('Invalid', 422, 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
  }
  if (type === 'application/apply-patch+yaml') {
    if (!q.get('fieldManager')) throw new ApiError('Invalid', 422, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
    let applied: any;
    try {
      applied = parseYaml(text);
    } catch (e) {
      throw new ApiError('BadRequest', 400, `error decoding YAML: ${(e as Error).message}`);
    }
    checkApplyTypes({ ...applied, metadata: { ...applied?.metadata, name: key.name, namespace: key.namespace } });
    const config = view.toStored({ ...applied, metadata: { ...applied.metadata, name: key.name, ...(key.namespace ? { namespace: key.namespace } : {}) } });
    const next = applyConfiguration(current, config, options.writer!, q.get('force') === 'true', info.custom?.versions.find((v) => v.apiVersion === config.apiVersion)?.schema);
    const plain = { ...options, writer: undefined };
    if (!current) {
      const created = cluster.store.create(next, plain);
      cluster.clock.settle();
      return { object: created, created: true };
    }
    return { object: write(cluster, next, current, statusOnly, plain), created: false };
  }
  const stored = current ?? getOrThrow(cluster, info, key);
  const obj = view.toServed(stored);
  const raw = parseJson(text);
  const patch = type === 'application/json-patch+json' ? raw : fields.patch(raw);
  let next: any;
  if (type === 'application/json-patch+json') {
    if (!Array.isArray(patch)) throw new ApiError('BadRequest', 400, 'the JSON patch must be a list of operations');
    try {
      next = jsonPatch.applyPatch(structuredClone(obj), patch, true, true).newDocument;
    } catch (e) {
      const m = (e as Error).message.split('\n')[0];
      throw new ApiError(/test/i.test(m ?? '') ? 'Invalid' : 'BadRequest', /test/i.test(m ?? '') ? 422 : 400, `the server rejected our request due to an error in our request: ${m}`);
    }
  } else if (type === 'application/merge-patch+json') {
    next = jsonMerge(obj, patch);
  } else if (type === 'application/strategic-merge-patch+json' && !info.custom) {
    next = strategicMerge(obj, patch);
  } else {
    // Custom resources have no patch merge keys, so no strategic merge patch (reference §6).
    const accepted = ['application/json-patch+json', 'application/merge-patch+json', 'application/apply-patch+yaml', ...(info.custom ? [] : ['application/strategic-merge-patch+json'])];
    throw new ApiError('UnsupportedMediaType', 415, `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`);
  }
  return { object: write(cluster, view.toStored(next), stored, statusOnly, options), created: false };
}

/** Writes a patched object: the patch's resourceVersion, if it set one, is a precondition. */
function write(cluster: SimCluster, next: KubeObject, current: KubeObject, statusOnly: boolean, options: WriteOptions): KubeObject {
  const rv = next.metadata?.resourceVersion ?? current.metadata.resourceVersion;
  const candidate = { ...next, metadata: { ...next.metadata, resourceVersion: rv } };
  const out = statusOnly ? cluster.store.updateStatus(candidate, options) : cluster.store.update(candidate, options);
  cluster.clock.settle();
  return out;
}

/** DeleteOptions from the body or the query; kubectl sends a delete's dryRun in the body. */
async function deleteOptions(req: IncomingMessage, q: URLSearchParams, write: WriteOptions): Promise<DeleteOptions> {
  const text = await readBody(req);
  const body = text.trim() ? parseJson(text) : {};
  const dryRun = write.dryRun || dryRunOf(new URLSearchParams((body.dryRun ?? []).map((v: string) => ['dryRun', v])));
  const grace = body.gracePeriodSeconds ?? (q.get('gracePeriodSeconds') !== null ? Number(q.get('gracePeriodSeconds')) : undefined);
  let policy = body.propagationPolicy ?? q.get('propagationPolicy') ?? undefined;
  if (body.orphanDependents === true) policy = 'Orphan';
  if (policy && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
    throw new ApiError('Invalid', 422, `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  return { ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}), ...(policy ? { propagationPolicy: policy } : {}), dryRun };
}

async function deleteOne(cluster: SimCluster, info: KindInfo, view: VersionView, key: { namespace?: string; name: string }, req: IncomingMessage, q: URLSearchParams, write: WriteOptions): Promise<object> {
  const options = await deleteOptions(req, q, write);
  const before = getOrThrow(cluster, info, key);
  const after = cluster.store.delete(info.kind, key, options);
  cluster.clock.settle();
  // A graceful deletion answers with the object as it now is; a finished one with a Status. (A
  // dry run removes nothing: it would have removed the object if it returns it unchanged.)
  const remains = options.dryRun ? after !== before : cluster.store.get(info.kind, key) !== undefined;
  if (remains) return view.toServed(after);
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: { name: key.name, group: apiGroupOf(info.apiVersion), kind: info.plural, uid: after.metadata.uid } };
}

async function deleteCollection(cluster: SimCluster, info: KindInfo, path: ResourcePath, req: IncomingMessage, res: ServerResponse, q: URLSearchParams, write: WriteOptions): Promise<void> {
  const options = await deleteOptions(req, q, write);
  const victims = cluster.store.list(info.kind).filter(selection(info, path, q));
  for (const v of victims) if (cluster.store.get(info.kind, v.metadata)) cluster.store.delete(info.kind, v.metadata, options);
  cluster.clock.settle();
  sendJson(res, 200, { kind: `${info.kind}List`, apiVersion: info.apiVersion, metadata: { resourceVersion: String(cluster.store.currentRevision()) }, items: victims });
}

async function handleSubresource(cluster: SimCluster, info: KindInfo, path: ResourcePath, key: { namespace?: string; name: string }, req: IncomingMessage, res: ServerResponse, url: URL, write: WriteOptions): Promise<void> {
  const method = req.method ?? 'GET';
  const sub = path.subresource;
  if (sub === 'scale' && ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet'].includes(info.kind)) {
    const obj = getOrThrow(cluster, info, key);
    if (method === 'GET') return sendJson(res, 200, scaleOf(obj));
    const text = await readBody(req);
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
    const patch = parseJson(text);
    const scale = method === 'PUT' ? patch : type === 'application/json-patch+json' ? jsonPatch.applyPatch(scaleOf(obj), patch, true, false).newDocument : jsonMerge(scaleOf(obj), patch) as any;
    const replicas = scale?.spec?.replicas;
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw new ApiError('Invalid', 422, `Scale.autoscaling "${key.name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`);
    }
    const rv = method === 'PUT' ? scale.metadata?.resourceVersion || obj.metadata.resourceVersion : obj.metadata.resourceVersion;
    const updated = cluster.store.update({ ...obj, metadata: { ...obj.metadata, resourceVersion: rv }, spec: { ...obj.spec, replicas } }, write);
    cluster.clock.settle();
    return sendJson(res, 200, scaleOf(updated));
  }
  if (sub === 'log' && info.kind === 'Pod' && method === 'GET') {
    const text = podLog(cluster, getOrThrow(cluster, info, key), url.searchParams);
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(text);
    return;
  }
  if (sub === 'token' && info.kind === 'ServiceAccount' && method === 'POST') {
    const account = getOrThrow(cluster, info, key);
    return sendJson(res, 201, tokenRequestFor(account, parseJson(await readBody(req)), cluster.clock.now()));
  }
  if (sub === 'eviction' && info.kind === 'Pod' && method === 'POST') {
    await readBody(req);
    cluster.evict(key.namespace!, key.name);
    return sendJson(res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
  }
  if (info.kind === 'Pod' && sub === 'exec') {
    getOrThrow(cluster, info, key);
    throw new ApiError('BadRequest', 400, 'kubespec serve streams exec over WebSocket (v4/v5.channel.k8s.io) only; kubectl 1.30 and later use it');
  }
  if (info.kind === 'Pod' && (sub === 'attach' || sub === 'portforward')) {
    getOrThrow(cluster, info, key);
    throw new ApiError('BadRequest', 400, `kubespec serve simulates containers without running them: ${sub} is not available (kubectl exec answers env, cat, ls and the like; kubectl logs shows what a container printed)`);
  }
  throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
}
