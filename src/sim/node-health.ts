import type { Millis } from './clock.ts';

/**
 * Which simulated kubelets are down, and since when. A down kubelet posts no status and acts on
 * none of its pods; the node lifecycle controller notices after the grace period.
 */
export class NodeHealth {
  private readonly down = new Map<string, Millis>();

  fail(node: string, at: Millis): void {
    if (!this.down.has(node)) this.down.set(node, at);
  }

  recover(node: string): void {
    this.down.delete(node);
  }

  /** When the node's kubelet stopped, or undefined if it runs. */
  downSince(node: string): Millis | undefined {
    return this.down.get(node);
  }
}
