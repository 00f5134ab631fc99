import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeObject } from '../driver.ts';
import type { RestClient } from './rest-client.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** What a resumable watch tells its owner. */
export interface WatchListener {
  /** One change, in the order the server sent them. */
  event(type: WatchEventType, object: KubeObject): void;
  /** A fresh list (at the start and after 410 Gone): the whole current state. */
  listed(objects: KubeObject[]): void;
}

const RECONNECT_FIRST_MS = 500;
const RECONNECT_MAX_MS = 16_000;

/**
 * A list-then-watch of one collection that survives what long watches meet, as client-go's
 * reflector does: a connection the server closes (its watch timeout) or that drops is resumed
 * from the last resourceVersion seen (bookmarks keep it fresh), with backoff while the server
 * is away; a resourceVersion too old to resume from (410 Gone, as an ERROR event or an HTTP
 * status) starts over with a list, which the listener diffs against what it had.
 */
export class ResumableWatch {
  private resourceVersion = '';
  private abort?: AbortController;
  private stopped = false;
  private gone = false;
  private failures = 0;
  /** How many times the watch was resumed or relisted, for tests and reports. */
  readonly restarts = { resumed: 0, relisted: 0 };

  constructor(
    private readonly kc: KubeConfig,
    private readonly rest: RestClient,
    private readonly path: string,
    private readonly listener: WatchListener,
  ) {}

  async start(): Promise<void> {
    await this.list();
    await this.watch();
  }

  stop(): void {
    this.stopped = true;
    this.abort?.abort();
  }

  private async list(): Promise<void> {
    const list = await this.rest.request('GET', this.path);
    this.resourceVersion = list?.metadata?.resourceVersion ?? '';
    this.listener.listed(list?.items ?? []);
  }

  private async watch(): Promise<void> {
    if (this.stopped) return;
    const { Watch } = await import('@kubernetes/client-node');
    this.gone = false;
    this.abort = await new Watch(this.kc).watch(
      this.path,
      { resourceVersion: this.resourceVersion, allowWatchBookmarks: true },
      (type: string, object: any) => this.received(type, object),
      (err: any) => void this.ended(err),
    );
  }

  private received(type: string, object: any): void {
    if (type === 'ERROR') {
      if (object?.code === 410) this.gone = true;
      return;
    }
    this.failures = 0;
    const rv = object?.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    if (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED') this.listener.event(type, object);
  }

  private async ended(err: any): Promise<void> {
    if (this.stopped) return;
    if (err?.statusCode === 410) this.gone = true;
    // A clean close is the server's watch timeout: resume at once. An error waits, doubling.
    if (err && !this.gone) {
      const delay = Math.min(RECONNECT_FIRST_MS * 2 ** this.failures, RECONNECT_MAX_MS);
      this.failures++;
      await new Promise((resolve) => setTimeout(resolve, delay));
      if (this.stopped) return;
    }
    try {
      if (this.gone) {
        this.restarts.relisted++;
        await this.list();
      } else this.restarts.resumed++;
      await this.watch();
    } catch {
      // The server is still away: try again from where we are.
      await this.ended(new Error('reconnect failed'));
    }
  }
}
