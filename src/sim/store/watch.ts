import type { KubeObject } from './types.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change as a watcher sees it; `old` is the previous version for MODIFIED and DELETED. */
export interface WatchEvent {
  type: WatchEventType;
  object: KubeObject;
  old?: KubeObject;
  /** The store-wide resourceVersion of this change. */
  resourceVersion: number;
}

export type WatchHandler = (event: WatchEvent) => void;

/** Stops a watch; calling it twice is harmless. */
export type Unsubscribe = () => void;
