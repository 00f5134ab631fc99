import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { ApiError, SimCluster, type ImageBehavior, type NodeSpec } from '../sim/index.ts';
import { DurationError, parseDuration } from '../kube/duration.ts';
import { versionInfo, type KubernetesVersion } from '../kube/kubernetes-versions.ts';
import { authenticate } from './authentication.ts';
import { coreVersions, group, groupList, openApiGroupVersion, openApiIndex, resourceList } from './discovery.ts';
import { sendError, sendJson } from './http-io.ts';
import { handleResource } from './api-handler.ts';
import { closeWatches } from './watch-stream.ts';
import { parseResourcePath } from './request-path.ts';
import { saveSnapshot } from './snapshot.ts';
import { loopbackCertificate } from './loopback-certificate.ts';
import { specFolder } from '../apiserver/index.ts';
import { handleExecUpgrade } from './exec-stream.ts';
import { handleMetrics, METRICS_GROUP, metricsGroup, metricsResourceList } from './metrics-api.ts';
import { KUBESPEC_SERVE_GIT_COMMIT } from '../kube/served-by-kubespec.ts';

export interface ServeOptions {
  seed: number;
  nodes: readonly NodeSpec[];
  images: readonly ImageBehavior[];
  /** Virtual seconds per wall second; 0 leaves virtual time to whoever owns the cluster. */
  speed: number;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Virtual start time; default: now. */
  epoch?: number;
  /** Fixed token (tests); random otherwise. */
  token?: string;
  /** Serve this cluster instead of a new one from the nodes (a scenario's, for kubectl steps). */
  cluster?: SimCluster;
  /** The release a new cluster simulates (`--kubernetes-version`); a given cluster keeps its own. */
  version?: KubernetesVersion;
}

/** kubespec's own build facts in /version (the release facts come from the versioned data). */
const BUILD = { gitCommit: KUBESPEC_SERVE_GIT_COMMIT, buildDate: '2026-01-01T00:00:00Z', platform: 'linux/amd64' };

/** How often virtual time catches up with wall time × speed. */
const TICK_MS = 50;

/**
 * The simulator served over HTTPS with Kubernetes' API conventions, for real kubectl: a
 * self-signed certificate for 127.0.0.1/localhost, one bearer token, and virtual time that runs
 * `speed` times wall time (plus any jumps from the clock endpoint). Served time follows the
 * wall clock by design; the simulator inside stays deterministic for a given sequence of calls.
 */
export class ServedCluster {
  private simulated: SimCluster;
  readonly token: string;
  private server?: Server;
  private ticker?: NodeJS.Timeout;
  private caPem = '';
  private wallStart = 0;
  private virtualStart = 0;
  private jumped = 0;

  constructor(private readonly options: ServeOptions) {
    // Served time starts at the wall clock's second, so ages kubectl computes itself (describe,
    // events) agree with the ones the server prints.
    this.simulated = options.cluster ?? this.freshCluster(options.epoch ?? Math.floor(Date.now() / 1000) * 1000);
    this.token = options.token ?? randomBytes(24).toString('hex');
  }

  get cluster(): SimCluster {
    return this.simulated;
  }

  /** The release served: what /version, discovery and the cluster's behaviour follow. */
  get version(): KubernetesVersion {
    return this.simulated.version;
  }

  private freshCluster(epoch: number): SimCluster {
    const cluster = new SimCluster({ seed: this.options.seed, images: this.options.images, epoch, version: this.options.version ?? this.options.cluster?.version });
    for (const n of this.options.nodes) cluster.addNode(n);
    return cluster;
  }

  /**
   * Starts over with the topology's empty cluster (kubespec drill reset), at the current virtual
   * time so clocks never run backwards. Open watches belong to the old cluster: the reset
   * endpoint closes every connection once it has answered, and clients reconnect to the new one.
   */
  reset(): void {
    const now = this.simulated.clock.now();
    this.simulated = this.freshCluster(now);
    this.wallStart = Date.now();
    this.virtualStart = now;
    this.jumped = 0;
  }

  /**
   * Forces every watch client through its recovery path: the open watch streams end (as when an
   * API server restarts), and with `compact` the store's history is dropped as well (as etcd
   * compaction or a watch cache that moved on leaves it), so a client resuming from an older
   * resourceVersion gets 410 Expired and lists again. Returns how many streams were ended.
   */
  expireWatches(options: { compact: boolean }): number {
    const ended = closeWatches(this.cluster);
    if (options.compact) this.cluster.store.compactHistory();
    return ended;
  }

  /** Starts listening; resolves with the server URL. */
  async start(): Promise<string> {
    const pems = await loopbackCertificate('kubespec');
    this.caPem = pems.cert;
    this.server = createServer({ key: pems.key, cert: pems.cert }, (req, res) => void this.route(req, res));
    // kubectl exec asks for a WebSocket upgrade.
    this.server.on('upgrade', (req, socket, head) => handleExecUpgrade(this.cluster, authenticate(req, this.token), req, socket, head));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.options.port, this.options.host, resolve);
    });
    this.wallStart = Date.now();
    this.virtualStart = this.cluster.clock.now();
    if (this.options.speed > 0) this.ticker = setInterval(() => this.catchUp(), TICK_MS);
    // The OpenAPI documents come from the Go module cache; fetch them now, not on kubectl's first call.
    void specFolder(this.version);
    return this.url();
  }

  url(): string {
    const a = this.server!.address() as AddressInfo;
    return `https://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  }

  certificate(): string {
    return this.caPem;
  }

  async stop(): Promise<void> {
    if (this.ticker) clearInterval(this.ticker);
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Jumps virtual time ahead (kubespec clock advance). */
  advance(ms: number): void {
    this.jumped += ms;
    this.catchUp();
  }

  private catchUp(): void {
    const target = this.virtualStart + (Date.now() - this.wallStart) * this.options.speed + this.jumped;
    if (target > this.cluster.clock.now()) this.cluster.clock.advanceTo(target);
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'https://kubespec');
      const p = url.pathname.replace(/\/+$/, '') || '/';
      // Credentials that fail are refused everywhere (the authenticator fails before anonymous
      // access is considered); without any, the version and health endpoints are public.
      const subject = authenticate(req, this.token);
      if (!subject && (req.headers.authorization !== undefined || !isPublicPath(p))) {
        sendJson(res, 401, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
        return;
      }
      if (p === '/version') return sendJson(res, 200, versionInfo(this.version, BUILD));
      if (p === '/healthz' || p === '/livez' || p === '/readyz') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('ok');
        return;
      }
      if (!subject) return;
      this.catchUp();
      if (p === '/openapi/v2') {
        // Asked for only when a group version is missing from the v3 index (a kind no CRD
        // defines yet): an empty protobuf document, so kubectl goes on to say "no matches for
        // kind ... ensure CRDs are installed first" as it does against a real cluster.
        res.writeHead(200, { 'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'Content-Length': 0 });
        res.end();
        return;
      }
      const discovery = p.startsWith('/openapi/v3/') ? await openApiGroupVersion(this.cluster.store.kinds(), p.slice('/openapi/v3/'.length), this.version) : this.discovery(p);
      if (discovery) return sendJson(res, 200, discovery);
      if (p.startsWith('/kubespec/v1/')) return this.admin(p, req, res, url);
      if (p.startsWith(`/apis/${METRICS_GROUP}/`) && this.cluster.metrics.installed) return handleMetrics(this.cluster, subject, p, req, res, url);
      const path = parseResourcePath(p, this.cluster.store.kinds());
      if (!path) throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
      await handleResource(this.cluster, subject, path, req, res, url);
    } catch (e) {
      sendError(res, e);
    }
  }

  private discovery(p: string): object | undefined {
    if (p === '/api') return coreVersions(this.server ? this.url().replace('https://', '') : '');
    const kinds = this.cluster.store.kinds();
    const metrics = this.cluster.metrics.installed;
    if (p === '/apis') return groupList(kinds, metrics ? [metricsGroup()] : []);
    if (metrics && p === `/apis/${METRICS_GROUP}`) return { kind: 'APIGroup', apiVersion: 'v1', ...metricsGroup() };
    if (metrics && p === `/apis/${METRICS_GROUP}/v1beta1`) return metricsResourceList();
    if (p === '/openapi/v3') return openApiIndex(kinds);
    const m = /^\/(api\/v1|apis\/[^/]+\/[^/]+|apis\/[^/]+)$/.exec(p);
    if (!m) return undefined;
    const parts = m[1]!.split('/');
    if (parts[0] === 'api') return resourceList(kinds, 'v1', this.cluster.version);
    if (parts.length === 2) return group(kinds, parts[1]!);
    return resourceList(kinds, `${parts[1]}/${parts[2]}`, this.cluster.version);
  }

  /** The kubespec admin API: the virtual clock, snapshots, a reset and forced watch expiry. */
  private admin(p: string, req: IncomingMessage, res: ServerResponse, url: URL): void {
    if (p === '/kubespec/v1/clock' && req.method === 'GET') {
      return sendJson(res, 200, { now: new Date(this.cluster.clock.now()).toISOString(), speed: this.options.speed });
    }
    if (p === '/kubespec/v1/clock/advance' && req.method === 'POST') {
      const by = url.searchParams.get('by') ?? '';
      let ms: number;
      try {
        ms = parseDuration(by);
      } catch (e) {
        throw new ApiError('BadRequest', 400, `by: ${(e as DurationError).message}`);
      }
      this.advance(ms);
      return sendJson(res, 200, { now: new Date(this.cluster.clock.now()).toISOString(), speed: this.options.speed });
    }
    if (p === '/kubespec/v1/reset' && req.method === 'POST') {
      this.reset();
      res.once('finish', () => this.server?.closeAllConnections());
      return sendJson(res, 200, { now: new Date(this.cluster.clock.now()).toISOString(), speed: this.options.speed });
    }
    if (p === '/kubespec/v1/watches/expire' && req.method === 'POST') {
      const compact = url.searchParams.get('compact') !== 'false';
      return sendJson(res, 200, { ended: this.expireWatches({ compact }), compacted: compact, resourceVersion: String(this.cluster.store.currentRevision()) });
    }
    if (p === '/kubespec/v1/snapshot' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'application/yaml' });
      res.end(saveSnapshot(this.cluster));
      return;
    }
    throw new ApiError('NotFound', 404, 'the server could not find the requested resource');
  }
}

/** What system:public-info-viewer lets anyone read without credentials. */
function isPublicPath(p: string): boolean {
  return p === '/version' || p === '/healthz' || p === '/livez' || p === '/readyz';
}
