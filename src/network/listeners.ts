import type { Assumption, KubeObject } from '../drivers/driver.ts';

/**
 * Whether anything in a pod listens on a TCP port, as the caller knows it. The network models
 * read objects on either driver and import nothing of the simulator, so the facts are passed in
 * (steps build them from the image data in scenarios/behaviors, the sim's `podListenerFacts`).
 */
export interface PortListener {
  listens: boolean;
  /** Which container listens, or why nothing does. */
  reason: string;
  /** What the answer rests on without being known; a driver that can records them. */
  assumed?: Assumption[];
}

/** Asks whether a pod listens on a TCP port. */
export type ListenerLookup = (pod: KubeObject, port: number) => PortListener;

/** The text for a connection to a port nothing listens on: a real client gets "connection refused". */
export const nothingListens = (pod: KubeObject, port: number, why: string) =>
  `nothing listens on port ${port} of pod "${pod.metadata.name}", so the connection is refused (${why})`;
