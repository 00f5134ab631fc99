import type { ServerResponse } from 'node:http';
import type { KubeObject, SimCluster, WatchEvent } from '../sim/index.ts';
import type { WatchRequest } from '../apiserver/index.ts';

/** How often a bookmark is sent to a client that asked for them (wall time). */
const BOOKMARK_EVERY_MS = 5_000;

/**
 * A watch stream: newline-separated JSON WatchEvents over a chunked response, in
 * resourceVersion order. An object that stops matching the selector is sent as DELETED and one
 * that starts matching as ADDED, as the apiserver's watch cache does. A resourceVersion older
 * than the store's history is 410 Gone (thrown before anything is written).
 */
export function streamWatch(cluster: SimCluster, res: ServerResponse, w: WatchRequest): void {
  const send = (type: string, obj: KubeObject | object) => {
    if (!res.writableEnded) res.write(JSON.stringify({ type, object: type === 'BOOKMARK' ? obj : w.encode(obj as KubeObject) }) + '\n');
  };
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
  const unsubscribe = cluster.store.watch(w.kind, (e) => (live ? onEvent(e) : replay.push(e)), fromHistory ? w.resourceVersion : undefined);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
  // Clients wait for the headers before they count the watch as open, even when no event comes.
  res.flushHeaders();
  if (initialState) for (const obj of cluster.store.list(w.kind)) if (w.matches(obj)) send('ADDED', obj);
  // The end of a watch list's initial state: a bookmark client-go's reflector waits for.
  if (w.initialEvents) send('BOOKMARK', { kind: w.kind, apiVersion: w.apiVersion, metadata: { resourceVersion: String(cluster.store.currentRevision()), annotations: { 'k8s.io/initial-events-end': 'true' } } });
  for (const e of replay) onEvent(e);
  live = true;
  const timers: NodeJS.Timeout[] = [];
  if (w.bookmarks) {
    timers.push(setInterval(() => send('BOOKMARK', { kind: w.kind, apiVersion: w.apiVersion, metadata: { resourceVersion: String(cluster.store.currentRevision()) } }), BOOKMARK_EVERY_MS));
  }
  const close = () => {
    unsubscribe();
    for (const t of timers) clearInterval(t);
    if (!res.writableEnded) res.end();
  };
  if (w.timeoutSeconds) timers.push(setTimeout(close, w.timeoutSeconds * 1000));
  res.on('close', close);
}
