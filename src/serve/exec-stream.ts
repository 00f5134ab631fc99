import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { ApiError, type SimCluster } from '../sim/index.ts';
import type { Subject } from '../security/rbac.ts';
import { decide, forbidden } from '../apiserver/index.ts';
import { runSimulated } from './simulated-exec.ts';

/** The remote-command protocols kubectl offers over WebSocket, newest first (v5 adds a close channel). */
const protocols = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDOUT = 1, STDERR = 2, ERROR = 3;

/**
 * How long the output waits after the upgrade. client-go reads the connection while it is still
 * creating its stdout/stderr streams, and drops a message for a stream it has not created yet
 * (tools/remotecommand/websocket.go readDemuxLoop: "Unknown stream id %d, discarding message" in
 * v0.32.5, "Unknown stream, discarding message" in v0.37.2). A real container's output comes a
 * runtime round trip after the upgrade; answering in the same tick lost `kubectl exec`'s whole
 * output about once in a hundred runs on a loaded machine.
 */
const CLIENT_STREAMS_GRACE_MS = 50;

const sockets = new WebSocketServer({ noServer: true, handleProtocols: (offered) => protocols.find((p) => offered.has(p)) ?? false });

/**
 * `kubectl exec` against a served cluster: the WebSocket upgrade of pods/<name>/exec, answered by
 * the simulated container (simulated-exec.ts). Output goes out on the stdout and stderr channels,
 * then the exit status on the error channel as a metav1.Status, as the kubelet's streaming server
 * does; then the connection closes. Refusals before the upgrade are plain HTTP answers with a
 * Status body (kubectl prints "unable to upgrade connection: <message>").
 */
export function handleExecUpgrade(cluster: SimCluster, subject: Subject | undefined, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  try {
    if (!subject) throw new ApiError('Unauthorized', 401, 'Unauthorized');
    const url = new URL(req.url ?? '/', 'https://kubespec');
    const m = /^\/api\/v1\/namespaces\/([^/]+)\/pods\/([^/]+)\/exec$/.exec(url.pathname);
    if (!m) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
    const [namespace, name] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
    const authz = { verb: 'create', resource: 'pods', subresource: 'exec', apiGroup: '', namespace, name };
    if (!decide(cluster, subject, authz).allowed) throw forbidden(subject, authz);
    const pod = cluster.store.get('Pod', { namespace, name });
    if (!pod) throw new ApiError('NotFound', 404, `pods "${name}" not found`);
    const container = url.searchParams.get('container') ?? pod.spec?.containers?.[0]?.name;
    if (!pod.spec?.containers?.some((c: any) => c.name === container)) throw new ApiError('BadRequest', 400, `container ${container} is not valid for pod ${name}`);
    const env = cluster.containerEnvironment(namespace, name, container);
    if (!env || pod.status?.phase !== 'Running') throw new ApiError('BadRequest', 400, `container not found ("${container}")`);
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') {
      throw new ApiError('BadRequest', 400, 'kubespec serve streams exec over WebSocket (v4/v5.channel.k8s.io) only; kubectl 1.30 and later use it');
    }
    const command = url.searchParams.getAll('command');
    const files = cluster.containerFiles(namespace, name, container) ?? {};
    const change = (path: string, what: { content?: string; append?: boolean; remove?: boolean }) => cluster.writeContainerFile(namespace, name, container, path, what);
    const identity = cluster.containerIdentity(namespace, name, container);
    const result = runSimulated(command, { env, files, hostname: pod.spec?.hostname ?? name, change, identity, mountGroups: identity?.mountGroups });
    sockets.handleUpgrade(req, socket, head, (ws) => setTimeout(() => {
      const send = (channel: number, text: string) => ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(text)]));
      if (result.stdout && url.searchParams.get('stdout') !== 'false') send(STDOUT, result.stdout);
      if (result.stderr && url.searchParams.get('stderr') !== 'false') send(STDERR, result.stderr);
      send(ERROR, JSON.stringify(result.exitCode === 0
        ? { metadata: {}, status: 'Success' }
        : { metadata: {}, status: 'Failure', message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${result.exitCode}`, reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: String(result.exitCode) }] } }));
      ws.close(1000);
    }, CLIENT_STREAMS_GRACE_MS));
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError('InternalError', 500, (e as Error).message);
    const body = JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: error.message, reason: error.reason, code: error.code });
    socket.end(`HTTP/1.1 ${error.code} ${statusText(error.code)}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }
}

function statusText(code: number): string {
  return ({ 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' } as Record<number, string>)[code] ?? 'Internal Server Error';
}
