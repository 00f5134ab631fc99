import { adminSubject, APPLY_PATCH, handle, type ApiResponse } from '../../apiserver/index.ts';
import { ApiError, type KindInfo, type KubeObject, type SimCluster } from '../../sim/index.ts';

/** Where a call goes: a kind, and the namespace and name its key has in the store. */
export interface CallTarget {
  info: KindInfo;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/** Who the driver's calls are recorded as in managedFields, as the live driver's are. */
const FIELD_MANAGER = 'kubespec';

/**
 * The simulator driver's door to the API server (src/apiserver): the requests kubectl would
 * send, made in process as the cluster's admin. Bodies are handed over as objects, never
 * serialised, and answers are the store's frozen objects, so a call costs what the store write
 * costs. Failures are the API server's ApiErrors, as a live cluster's would be.
 */
export class InProcessApi {
  constructor(private readonly cluster: SimCluster) {}

  /** GET one object; undefined when the API server answers 404. */
  async get(target: CallTarget): Promise<KubeObject | undefined> {
    try {
      return (await this.call('GET', target)).body as KubeObject;
    } catch (e) {
      if (e instanceof ApiError && e.code === 404) return undefined;
      throw e;
    }
  }

  /** GET a collection (all namespaces when the target has none), in the API server's order. */
  async list(target: CallTarget, labelSelector?: string): Promise<KubeObject[]> {
    const query = new URLSearchParams(labelSelector ? { labelSelector } : {});
    return ((await this.call('GET', target, query)).body as { items: KubeObject[] }).items;
  }

  /**
   * Server-side apply of one configuration (PATCH application/apply-patch+yaml), or a create
   * when it has no name (an apply needs one: generateName objects are created, as by kubectl create).
   */
  async apply(target: CallTarget, configuration: object, fieldManager = FIELD_MANAGER, force = true): Promise<KubeObject> {
    if (!target.name) return (await this.call('POST', target, new URLSearchParams({ fieldManager }), configuration)).body as KubeObject;
    const query = new URLSearchParams({ fieldManager, force: String(force) });
    return (await this.call('PATCH', target, query, configuration, APPLY_PATCH)).body as KubeObject;
  }

  async patch(target: CallTarget, patch: object, type: 'strategic' | 'merge'): Promise<KubeObject> {
    const contentType = type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json';
    return (await this.call('PATCH', target, new URLSearchParams({ fieldManager: FIELD_MANAGER }), patch, contentType)).body as KubeObject;
  }

  async delete(target: CallTarget, options: object): Promise<void> {
    await this.call('DELETE', target, new URLSearchParams(), { apiVersion: 'v1', kind: 'DeleteOptions', ...options });
  }

  /** POST pods/<name>/eviction: refused (429) while a PodDisruptionBudget forbids it. */
  async evict(target: CallTarget): Promise<void> {
    await this.call('POST', { ...target, subresource: 'eviction' }, new URLSearchParams(), { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name: target.name, namespace: target.namespace } });
  }

  private call(method: string, target: CallTarget, query = new URLSearchParams(), body?: object, contentType?: string): Promise<ApiResponse> {
    const { info, namespace, name, subresource } = target;
    return handle(this.cluster, {
      method,
      target: { apiVersion: info.apiVersion, plural: info.plural, info, namespace, name, subresource },
      query,
      ...(body !== undefined ? { body: { object: body } } : {}),
      contentType,
      subject: adminSubject,
    });
  }
}
