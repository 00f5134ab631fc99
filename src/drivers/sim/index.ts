/**
 * The simulator driver.
 *
 * What the simulator does not model yet (each is an open issue; a scenario that needs one is
 * tagged @live-only until then):
 * - Rolling updates of StatefulSets, and Deployment, ReplicaSet, DaemonSet, Job, CronJob,
 *   HPA and PDB controllers (issue 5).
 * - Probes, node heartbeats and node lifecycle, eviction, preemption, topology spread,
 *   inter-pod affinity, volume binding (issue 6).
 * - Services, EndpointSlices, DNS, NetworkPolicy, Ingress, storage provisioning, RBAC and
 *   admission beyond defaulting and basic validation (issues 4 and 7).
 * - Server-side apply field ownership: apply replaces the fields a manifest sets (issue 4).
 * - Image pulls always succeed; every image is pulled in 2s the first time on a node.
 */
export { SimDriver, defaultTopology } from './sim-driver.ts';
export { loadImageBehaviors } from './image-behaviors.ts';
