import type { Millis } from './clock.ts';

/**
 * How a node stops talking to the control plane. The control plane cannot tell them apart (the
 * heartbeats stop either way); the node's own pods can:
 * - `power-off`: the machine is down, its containers die with it; on boot the kubelet makes new
 *   sandboxes and every container starts again (init containers first).
 * - `partition`: the network between node and control plane is cut; the kubelet keeps running
 *   its pods locally (restarts, probes) and reports what happened once it can reach the API.
 * - `kubelet-stop`: the kubelet process is stopped; containers keep running unattended, and one
 *   that exits stays down until the kubelet starts again.
 */
export type OutageKind = 'power-off' | 'partition' | 'kubelet-stop';

/** One outage of a node, from its start to its end (undefined while it lasts). */
export interface Outage {
  id: number;
  kind: OutageKind;
  from: Millis;
  to?: Millis;
}

/**
 * Which simulated nodes are cut off from the control plane, how and since when. A node that is
 * down posts no status and its kubelet acts on none of its pods; the node lifecycle controller
 * notices after the grace period.
 */
export class NodeHealth {
  private readonly outages = new Map<string, Outage>();
  private nextId = 1;

  fail(node: string, at: Millis, kind: OutageKind = 'power-off'): void {
    const current = this.outages.get(node);
    if (current && current.to === undefined) return;
    this.outages.set(node, { id: this.nextId++, kind, from: at });
  }

  recover(node: string, at: Millis): void {
    const current = this.outages.get(node);
    if (current && current.to === undefined) current.to = at;
  }

  /** When the node stopped reaching the control plane, or undefined if it reaches it. */
  downSince(node: string): Millis | undefined {
    const current = this.outages.get(node);
    return current && current.to === undefined ? current.from : undefined;
  }

  /** The node's outage in progress, or its last one. */
  lastOutage(node: string): Outage | undefined {
    return this.outages.get(node);
  }
}
