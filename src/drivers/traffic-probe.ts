/**
 * Real traffic from inside a cluster (issue 31): what a live driver offers the DNS, Service and
 * reachability steps when some node of its cluster runs containers. The steps send a lookup or
 * open a connection and judge what came back, instead of asking kubespec's data-plane models.
 * Where nothing can be sent (the simulator, a cluster of KWOK nodes only), a driver says why
 * (`ProbesUnavailable`) and the steps keep the model, saying so in the report.
 */

/** What a DNS lookup from a pod returned, as its resolver saw it (search list and ndots applied). */
export type DnsObservation =
  | { answer: 'A'; name: string; addresses: string[] }
  | { answer: 'CNAME'; name: string; target: string; addresses: string[] }
  /** The server answered, with no address: NXDOMAIN, or REFUSED/SERVFAIL for a name outside its zones. */
  | { answer: 'none'; rcode: string }
  /** No server answered (a timeout): the pod cannot resolve names at all. */
  | { answer: 'no-server'; text: string };

/** How a TCP connection attempt ended, in agnhost `connect`'s classes. */
export type ConnectObservation =
  | { connected: true }
  | { connected: false; failure: 'REFUSED' | 'TIMEOUT' | 'DNS' | 'OTHER' | 'UNKNOWN'; text: string };

/** An observation, where it was made from (`pod "client"`, or the probe pod on worker-1 and why). */
export type Observed<T> = T & { from: string };

export interface TrafficProbes {
  /** The nodes whose kubelet runs containers (not KWOK): only pods and node ports there answer. */
  readonly nodesRunningContainers: readonly string[];
  /**
   * Resolves a name as a pod of the scenario's namespace does: from the pod `from` when it can be
   * exec'd into and has a lookup tool, else from the probe pod (which then says it stood in).
   */
  lookup(name: string, from?: string): Promise<Observed<DnsObservation>>;
  /** Opens a TCP connection to host:port, from `from` where it has agnhost, else from the probe pod. */
  connect(host: string, port: number, from?: string): Promise<Observed<ConnectObservation>>;
  /**
   * The nodes that enforce NetworkPolicy, as far as the cluster says (the reference cluster's real
   * nodes running its policy agent carry the label kubespec.io/network-policy; a user may put it
   * on nodes whose CNI enforces policies).
   */
  readonly nodesEnforcingNetworkPolicy: readonly string[];
  /**
   * Opens a TCP connection from the pod `from` itself (agnhost connect, else busybox nc), never
   * from a stand-in: under a NetworkPolicy a stand-in's labels would be judged, not the pod's.
   * `cannot` says why the pod cannot make it.
   */
  connectFromItself(host: string, port: number, from: string): Promise<Observed<ConnectObservation> | { cannot: string }>;
}

/** Why a driver sends no traffic, in words a report can show. */
export interface ProbesUnavailable {
  unavailable: string;
}
