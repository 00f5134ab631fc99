/** The CNI plugins the simulator can give its kind cluster. */
export type NetworkPluginName = 'kindnet' | 'flannel' | 'none';

export const NETWORK_PLUGINS: readonly NetworkPluginName[] = ['kindnet', 'flannel', 'none'];

/** What the kubelet reports while the runtime has no CNI configuration (containerd's words). */
export const NETWORK_NOT_READY = 'container runtime network not ready: NetworkReady=false reason:NetworkPluginNotReady message:Network plugin returns error: cni plugin not initialized';

/**
 * The cluster's CNI plugin. kind installs kindnet, which enforces NetworkPolicy (since kind
 * v0.24); flannel gives pods addresses but ignores NetworkPolicy (the API accepts the objects,
 * nothing acts on them); without a plugin (kind's disableDefaultCNI) the nodes stay NotReady and
 * pods other than hostNetwork ones get no sandbox and no IP.
 */
export class NetworkPlugin {
  name: NetworkPluginName = 'kindnet';

  get ready(): boolean {
    return this.name !== 'none';
  }

  get enforcesNetworkPolicy(): boolean {
    return this.name === 'kindnet';
  }
}
