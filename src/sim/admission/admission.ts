import type { KindInfo } from '../../kube/kinds.ts';
import type { KubeObject } from '../store/types.ts';

/** What an admission plugin is shown: the object as it will be stored (mutable) and the old one. */
export interface AdmissionRequest {
  operation: 'CREATE' | 'UPDATE';
  object: KubeObject;
  old?: KubeObject;
  info: KindInfo;
  /** A dry run (dryRun=All): plugins check and mutate the object but change nothing else. */
  dryRun?: boolean;
  /** The subresource written through, when not the object itself (`binding` sets a pod's node). */
  subresource?: 'binding' | 'resize';
  /** Where plugins put the warnings the API server returns with an admitted request (HTTP `Warning` headers). */
  warnings?: string[];
}

/** A step of the admission chain. Mutating steps change `request.object`; validating ones throw an ApiError. */
export interface AdmissionPlugin {
  name: string;
  admit(request: AdmissionRequest): void;
}

/** The chain the store runs on every create and update, in order (defaulting, then validation). */
export class Admission {
  constructor(private readonly plugins: readonly AdmissionPlugin[]) {}

  admit(request: AdmissionRequest): void {
    for (const p of this.plugins) p.admit(request);
  }
}
