import { ApiError, apiGroupOf, type SimCluster, type WriteOptions } from '../sim/index.ts';
import { alternateVersions, identityView } from '../sim/store/version-views.ts';
import type { Request as AuthzRequest } from '../security/rbac.ts';
import { asApiError, bodyOf, jsonBody, statusOf, type ApiRequest, type ApiResponse, type ApiTarget } from './api-request.ts';
import { decide, escalationGuard, forbidden, review } from './authorization.ts';
import { listOrWatch, rowObject, selection } from './collections.ts';
import { deleteCollection, deleteOne } from './deletion.ts';
import { getOrThrow, methodNotAllowed, objectBody, resourceNotFound } from './objects.ts';
import { patchObject } from './patch.ts';
import { handleSubresource } from './subresources.ts';
import { toTable } from './tables.ts';
import { dryRunOf, fieldCheck, noFieldCheck, writerOf } from './write-options.ts';

const WRITES = ['POST', 'PUT', 'PATCH'];

/**
 * The Kubernetes API over the simulator's store, with nothing of HTTP in it: `kubespec serve`
 * translates HTTP requests into calls of this, and the simulator driver calls it in process,
 * so kubectl and a step get the same semantics from one implementation.
 *
 * What it does: authorization (RBAC, escalation checks), CRUD, list (label and field
 * selectors, pagination, Tables), the start of a watch, patch (JSON, merge, strategic, apply),
 * delete with propagation, dryRun, fieldValidation, field managers, alternate served versions,
 * and the status, scale, log, token and eviction subresources. Every write settles the cluster
 * at the current virtual time, so controllers react before the answer, as they would within
 * milliseconds on a real cluster.
 *
 * Failures are thrown as ApiError (use `answer` to get them as metav1.Status responses).
 * Streaming (a watch's events, exec) is the transport's: a watch is answered with what to
 * stream (`ApiResponse.watch`).
 */
export async function handle(cluster: SimCluster, request: ApiRequest): Promise<ApiResponse> {
  return serveRequest(cluster, request, []);
}

/**
 * As `handle`, but a failure is an answer too: its metav1.Status with the code as the status,
 * carrying the warnings given before it failed, exactly what serve sends.
 */
export async function answer(cluster: SimCluster, request: ApiRequest): Promise<ApiResponse> {
  const warnings: string[] = [];
  try {
    return await serveRequest(cluster, request, warnings);
  } catch (e) {
    const error = asApiError(e);
    return { status: error.code, body: statusOf(error), warnings };
  }
}

async function serveRequest(cluster: SimCluster, request: ApiRequest, fieldWarnings: string[]): Promise<ApiResponse> {
  const { method, target, query: q, subject } = request;
  if (target.review) {
    if (method !== 'POST') throw methodNotAllowed(method, target.plural);
    return { status: 201, body: review(cluster, subject, jsonBody(await bodyOf(request.body))), warnings: [] };
  }
  const info = target.info;
  if (!info) throw resourceNotFound();
  if (target.namespace && !info.namespaced) throw resourceNotFound();
  const watching = method === 'GET' && (q.get('watch') === 'true' || q.get('watch') === '1');
  const verb = verbOf(method, target, watching);
  const authz: AuthzRequest = { verb, resource: target.plural, subresource: target.subresource, apiGroup: apiGroupOf(info.apiVersion), namespace: target.namespace, name: target.name };
  if (!decide(cluster, subject, authz).allowed) throw forbidden(subject, authz);
  const writing = WRITES.includes(method);
  // Reads ignore dryRun, as the API server only decodes it with the options of a write.
  const write: WriteOptions = { dryRun: method !== 'GET' && dryRunOf(q), writer: writing ? writerOf(cluster, request.userAgent, q, target.subresource) : undefined, warnings: [], guard: escalationGuard(cluster, subject) };
  const key = { namespace: info.namespaced ? target.namespace ?? 'default' : undefined, name: target.name ?? '' };
  const view = alternateVersions.find((a) => a.apiVersion === target.apiVersion && a.plural === target.plural)?.view ?? identityView(info.apiVersion);
  const fields = writing ? await fieldCheck(q, view.apiVersion, info.kind, fieldWarnings, cluster.version) : noFieldCheck;
  // GET bodies are never read, as upstream; the others are read here, once the request is allowed.
  const body = method === 'GET' ? undefined : await bodyOf(request.body);
  const done = (status: number, out: unknown): ApiResponse => ({ status, body: out, warnings: [...fieldWarnings, ...write.warnings!] });

  if (target.subresource && target.subresource !== 'status') {
    return handleSubresource(cluster, info, request, body, key, write);
  }
  switch (method) {
    case 'GET': {
      if (!target.name || watching) return listOrWatch(cluster, info, view, target, q, request.table ?? false, watching);
      const obj = getOrThrow(cluster, info, key);
      return { status: 200, body: request.table ? toTable(info.kind, [obj], { now: cluster.clock.now(), version: cluster.version }, obj.metadata.resourceVersion, {}, rowObject(q, view)) : view.toServed(obj), warnings: [] };
    }
    case 'POST': {
      if (target.name) throw methodNotAllowed(method, target.plural);
      const obj = fields.object(objectBody(body, info, view));
      if (info.namespaced && target.namespace && obj.metadata?.namespace && obj.metadata.namespace !== target.namespace) {
        throw new ApiError('BadRequest', 400, 'the namespace of the provided object does not match the namespace sent on the request');
      }
      if (info.namespaced) obj.metadata = { ...obj.metadata, namespace: target.namespace ?? obj.metadata?.namespace };
      const created = cluster.store.create(view.toStored(obj), write);
      cluster.clock.settle();
      return done(201, view.toServed(created));
    }
    case 'PUT': {
      const obj = fields.object(objectBody(body, info, view));
      if (obj.metadata?.name !== target.name) throw new ApiError('BadRequest', 400, `the name of the object (${obj.metadata?.name}) does not match the name on the URL (${target.name})`);
      if (info.namespaced) obj.metadata = { ...obj.metadata, namespace: key.namespace };
      const stored = view.toStored(obj);
      const updated = target.subresource === 'status' ? cluster.store.updateStatus(stored, write) : cluster.store.update(stored, write);
      cluster.clock.settle();
      return done(200, view.toServed(updated));
    }
    case 'PATCH': {
      const patched = patchObject(cluster, info, view, key, request.contentType ?? '', body, q, target.subresource === 'status', write, fields);
      return done(patched.created ? 201 : 200, view.toServed(patched.object));
    }
    case 'DELETE':
      if (!target.name) return { status: 200, body: deleteCollection(cluster, info, selection(info, target, q), body, q, write), warnings: [] };
      return { status: 200, body: deleteOne(cluster, info, view, key, body, q, write), warnings: [] };
    default:
      throw methodNotAllowed(method, target.plural);
  }
}

function verbOf(method: string, target: ApiTarget, watching: boolean): string {
  if (method === 'GET') return watching ? 'watch' : target.name ? 'get' : 'list';
  if (method === 'POST') return 'create';
  if (method === 'PUT') return 'update';
  if (method === 'PATCH') return 'patch';
  if (method === 'DELETE') return target.name ? 'delete' : 'deletecollection';
  return method.toLowerCase();
}
