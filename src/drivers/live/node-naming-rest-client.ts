import { NodeNames } from './node-names.ts';
import { RestClient } from './rest-client.ts';

/**
 * The REST client a live run uses: node names in paths and bodies go out as the cluster's and
 * come back as the scenario's (node-names.ts). The mapping is read once, from the cluster's
 * nodes, before the first request; a cluster whose nodes cannot be listed keeps its names.
 */
export class NodeNamingRestClient extends RestClient {
  private loading?: Promise<NodeNames>;
  private loaded?: NodeNames;

  override async request(method: string, path: string, options: Parameters<RestClient['request']>[2] = {}): Promise<any> {
    const names = await this.nodeNames();
    if (names.isIdentity) return super.request(method, path, options);
    const body = options.body === undefined || typeof options.body === 'string' ? options.body : names.outbound(options.body);
    return names.inbound(await super.request(method, names.path(path), { ...options, body }));
  }

  /** An object that came another way (a watch event), renamed as a request's answer would be. */
  inbound<T>(object: T): T {
    return this.loaded ? this.loaded.inbound(object) : object;
  }

  private nodeNames(): Promise<NodeNames> {
    this.loading ??= super.request('GET', '/api/v1/nodes')
      .then((list) => NodeNames.fromNodes(list?.items ?? []), () => NodeNames.fromNodes([]))
      .then((names) => (this.loaded = names));
    return this.loading;
  }
}
