import type { ServerResponse } from 'node:http';
import { ApiError, type KubeObject, type SimCluster, type WatchEvent } from '../sim/index.ts';
import type { WatchRequest } from '../apiserver/index.ts';
import { withNullCreationTimestamps } from './zero-creation-timestamps.ts';

/** How often a bookmark is sent to a client that asked for them (wall time; the apiserver's is a minute). */
const BOOKMARK_EVERY_MS = 5_000;

/** The last bookmark goes this long before the watch's timeout, as the apiserver's cacheWatcher sends it. */
const BOOKMARK_BEFORE_TIMEOUT_MS = 2_000;

/** The open watch streams of each served cluster, so they can be ended together (closeWatches). */
const openWatches = new WeakMap<SimCluster, Set<() => void>>();

/**
 * A watch stream: newline-separated JSON WatchEvents over a chunked response, in
 * resourceVersion order. An object that stops matching the selector is sent as DELETED and one
 * that starts matching as ADDED, as the apiserver's watch cache does. A resourceVersion older
 * than the store's history is answered as the watch cache answers it (cacher.go, Watch:
 * "errors must fail with a watch event of type ERROR, rather than a directly returned error"):
 * 200, then one ERROR event holding a 410 Expired Status, "too old resource version: 5 (9)".
 */
export function streamWatch(cluster: SimCluster, res: ServerResponse, w: WatchRequest): void {
  const send = (type: string, obj: KubeObject | object) => {
    if (!res.writableEnded) res.write(JSON.stringify({ type, object: type === 'BOOKMARK' || type === 'ERROR' ? obj : withNullCreationTimestamps(cluster.version, w.encode(obj as KubeObject)) }) + '\n');
  };
  const bookmark = () => send('BOOKMARK', { kind: w.kind, apiVersion: w.apiVersion, metadata: { resourceVersion: String(cluster.store.currentRevision()) } });
  const onEvent = (e: WatchEvent) => {
    const now = w.matches(e.object);
    const before = e.old !== undefined && e.type === 'MODIFIED' ? w.matches(e.old) : now;
    if (e.type === 'MODIFIED' && before !== now) send(now ? 'ADDED' : 'DELETED', e.object);
    else if (now) send(e.type, e.object);
  };
  const replay: WatchEvent[] = [];
  // A watch list (sendInitialEvents=true) starts from the current state whatever its resourceVersion
  // (NotOlderThan: the present is not older); sendInitialEvents=false never sends that state.
  const fromHistory = w.initialEvents === undefined && w.resourceVersion !== undefined && w.resourceVersion > 0;
  const initialState = w.initialEvents ?? !fromHistory;
  // Subscribing replays history synchronously; hold those events until the headers are out.
  let live = false;
  let unsubscribe: () => void;
  try {
    unsubscribe = cluster.store.watch(w.kind, (e) => (live ? onEvent(e) : replay.push(e)), fromHistory ? w.resourceVersion : undefined);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 410) throw e;
    return answerExpired(res, e.message);
  }
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  // Clients wait for the headers before they count the watch as open, even when no event comes.
  res.flushHeaders();
  if (initialState) for (const obj of cluster.store.list(w.kind)) if (w.matches(obj)) send('ADDED', obj);
  // The end of a watch list's initial state: a bookmark client-go's reflector waits for.
  if (w.initialEvents) send('BOOKMARK', { kind: w.kind, apiVersion: w.apiVersion, metadata: { resourceVersion: String(cluster.store.currentRevision()), annotations: { 'k8s.io/initial-events-end': 'true' } } });
  for (const e of replay) onEvent(e);
  live = true;
  const timers: NodeJS.Timeout[] = [];
  if (w.bookmarks) timers.push(setInterval(bookmark, BOOKMARK_EVERY_MS));
  const close = () => {
    unsubscribe();
    openWatches.get(cluster)?.delete(close);
    for (const t of timers) clearInterval(t);
    if (!res.writableEnded) res.end();
  };
  if (w.timeoutSeconds) {
    const timeout = w.timeoutSeconds * 1000;
    // So that a client resuming after the timeout starts from a recent resourceVersion, not from
    // its last event's, which may have left the history by then (cache_watcher.go nextBookmarkTime).
    if (w.bookmarks && timeout > BOOKMARK_BEFORE_TIMEOUT_MS) timers.push(setTimeout(bookmark, timeout - BOOKMARK_BEFORE_TIMEOUT_MS));
    timers.push(setTimeout(close, timeout));
  }
  res.on('close', close);
  if (!openWatches.has(cluster)) openWatches.set(cluster, new Set());
  openWatches.get(cluster)!.add(close);
}

/**
 * Ends every open watch stream of the cluster, as an API server does when its watch cache is
 * re-initialised or it restarts. Clients resume from their last resourceVersion, or relist when
 * it is too old. Returns how many streams were ended.
 */
export function closeWatches(cluster: SimCluster): number {
  const open = [...(openWatches.get(cluster) ?? [])];
  for (const close of open) close();
  return open.length;
}

/** The watch cache's answer to a resourceVersion it no longer holds (errors.NewResourceExpired). */
function answerExpired(res: ServerResponse, message: string): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  res.end(JSON.stringify({ type: 'ERROR', object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Expired', code: 410 } }) + '\n');
}
