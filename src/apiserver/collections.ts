import { ApiError, LabelSelector, type KindInfo, type KubeObject, type SimCluster } from '../sim/index.ts';
import type { VersionView } from '../sim/store/version-views.ts';
import type { ApiResponse, ApiTarget } from './api-request.ts';
import { parseFieldSelector } from './field-selector.ts';
import { toTable, type RowObject } from './tables.ts';
import { invalid, type FieldError } from '../kube/api-errors.ts';
import { featureEnabled } from '../kube/kubernetes-versions.ts';

/** The request's namespace, labelSelector and fieldSelector (and name, for a watch of one object). */
export interface Selection {
  namespace?: string;
  labels?: LabelSelector;
  fields: (obj: KubeObject) => boolean;
  /** Whether the request had a fieldSelector (without one, `fields` passes everything). */
  fieldSelector: boolean;
  name?: string;
  matches: (obj: KubeObject) => boolean;
}

/** What a list, watch or deletecollection selects, from the target and the query. */
export function selection(info: KindInfo, target: ApiTarget, q: URLSearchParams): Selection {
  const labels = q.get('labelSelector') ? LabelSelector.parse(q.get('labelSelector')!) : undefined;
  const fields = parseFieldSelector(q.get('fieldSelector'));
  const namespace = info.namespaced ? target.namespace : undefined;
  const name = target.name;
  const matches = (obj: KubeObject) => (name === undefined || obj.metadata.name === name) && (namespace === undefined || obj.metadata.namespace === namespace) && (!labels || labels.matches(obj.metadata.labels)) && fields(obj);
  return { namespace, labels, fields, fieldSelector: !!q.get('fieldSelector'), name, matches };
}

/** The objects a list or a deletecollection is about, in the API server's order (namespace, name). */
export function selected(cluster: SimCluster, info: KindInfo, s: Selection): KubeObject[] {
  // The store filters by namespace and labels itself; the rest is looked at object by object.
  const listed = cluster.store.list(info.kind, { namespace: s.namespace, selector: s.labels });
  if (s.name === undefined && !s.fieldSelector) return listed;
  return listed.filter((o) => (s.name === undefined || o.metadata.name === s.name) && s.fields(o));
}

/**
 * A watch's sendInitialEvents and resourceVersionMatch, checked as validateWatchOptions does
 * (k8s.io/apimachinery pkg/apis/meta/internalversion/validation/validation.go): a watch list needs
 * resourceVersionMatch=NotOlderThan and the API server's WatchList gate (versioned data: on in
 * 1.32 and from 1.34, off in 1.33). A refusal makes client-go fall back to list then watch.
 */
function watchListOptions(cluster: SimCluster, q: URLSearchParams): boolean | undefined {
  const send = q.get('sendInitialEvents');
  const match = q.get('resourceVersionMatch') ?? '';
  const errors: FieldError[] = [];
  if (send !== null) {
    if (match !== 'NotOlderThan') errors.push({ path: 'resourceVersionMatch', text: 'Forbidden: sendInitialEvents requires setting resourceVersionMatch to NotOlderThan' });
    if (!featureEnabled(cluster.version, 'WatchList')) errors.push({ path: 'sendInitialEvents', text: 'Forbidden: sendInitialEvents is forbidden for watch unless the WatchList feature gate is enabled' });
  }
  if (match) {
    if (send === null) errors.push({ path: 'resourceVersionMatch', text: 'Forbidden: resourceVersionMatch is forbidden for watch unless sendInitialEvents is provided' });
    if (match !== 'NotOlderThan') errors.push({ path: 'resourceVersionMatch', text: `Unsupported value: "${match}": supported values: "NotOlderThan"` });
  }
  if (errors.length) throw invalid('ListOptions.meta.k8s.io', '', errors);
  return send === null ? undefined : send === 'true';
}

/** The `includeObject` parameter of a Table request: Metadata (the default), Object or None. */
export function rowObject(q: URLSearchParams, view: VersionView): RowObject {
  const include = q.get('includeObject') ?? 'Metadata';
  if (include === 'Object') return { include, served: (o) => view.toServed(o) };
  if (include === 'None' || include === 'Metadata') return { include };
  throw new ApiError('BadRequest', 400, `includeObject: Unsupported value: "${include}": supported values: "Metadata", "None", "Object"`);
}

/**
 * A list (with selectors and pagination, as a Table when asked), or the start of a watch: which
 * objects, from which resourceVersion, encoded how. Streaming the watch is the transport's.
 * The items are the store's frozen objects (or their served views): nothing is copied.
 */
export function listOrWatch(cluster: SimCluster, info: KindInfo, view: VersionView, target: ApiTarget, q: URLSearchParams, table: boolean, watching: boolean): ApiResponse {
  const s = selection(info, target, q);
  if (watching) {
    const rv = q.get('resourceVersion');
    const initialEvents = watchListOptions(cluster, q);
    return {
      status: 200, body: undefined, warnings: [],
      watch: {
        kind: info.kind, apiVersion: info.apiVersion, matches: s.matches, bookmarks: q.get('allowWatchBookmarks') === 'true',
        resourceVersion: rv ? Number(rv) : undefined, initialEvents,
        timeoutSeconds: q.get('timeoutSeconds') ? Number(q.get('timeoutSeconds')) : undefined,
        encode: (obj) => (table ? toTable(info.kind, [obj], { now: cluster.clock.now(), version: cluster.version }, obj.metadata.resourceVersion, {}, rowObject(q, view)) : view.toServed(obj)),
      },
    };
  }
  const now = cluster.clock.now();
  const page = paginate(selected(cluster, info, s), q);
  const resourceVersion = String(cluster.store.currentRevision());
  const meta = { ...(page.continue ? { continue: page.continue, remainingItemCount: page.remaining } : {}) };
  if (table) return { status: 200, body: toTable(info.kind, page.items, { now, version: cluster.version, list: page.items }, resourceVersion, meta, rowObject(q, view)), warnings: [] };
  return { status: 200, body: { kind: `${info.kind}List`, apiVersion: view.apiVersion, metadata: { resourceVersion, ...meta }, items: page.items.map((o) => view.toServed(o)) }, warnings: [] };
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
  if (!limit || start + limit >= items.length) return { items: start === 0 ? items : items.slice(start) };
  const pageItems = items.slice(start, start + limit);
  const next = Buffer.from(JSON.stringify({ after: sortKey(pageItems[pageItems.length - 1]!) })).toString('base64url');
  return { items: pageItems, continue: next, remaining: items.length - start - limit };
}

function sortKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}\u0000${o.metadata.name}`;
}
