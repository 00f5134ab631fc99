import type { Millis } from './clock.ts';
import type { NodeFault } from '../kube/node-fault.ts';

/** How a node stops talking to the control plane (kube/node-fault.ts says what each does). */
export type OutageKind = NodeFault;

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
