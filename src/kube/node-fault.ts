/**
 * How a node stops talking to the control plane. The control plane cannot tell them apart (the
 * heartbeats stop either way); the node's own pods can:
 * - `power-off`: the machine is down, its containers die with it; on boot the kubelet makes new
 *   sandboxes and every container starts again (init containers first).
 * - `partition`: the network between node and control plane is cut; the kubelet keeps running
 *   its pods locally (restarts, probes) and reports what happened once it can reach the API.
 * - `kubelet-stop`: the kubelet process is stopped; containers keep running unattended, and one
 *   that exits stays down until the kubelet starts again.
 * Vocabulary: a step names one, the driver interface takes it, the simulator acts it out.
 */
export type NodeFault = 'power-off' | 'partition' | 'kubelet-stop';
