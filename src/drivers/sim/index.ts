/**
 * The simulator driver.
 *
 * What the simulator does not model yet (each is an open issue; a scenario that needs one is
 * tagged @live-only until then):
 * - Watch with label/field selectors from steps; CRDs and custom resources (issue 4). Server-side
 *   apply merges custom resources as deduced (maps key by key, lists atomic), not by their schema.
 * - managedFields record API requests (kubespec serve) and applies; the simulated controllers'
 *   own writes are not recorded under their manager names.
 * - Node heartbeats as Lease objects, node-pressure eviction, static/mirror pods, scheduler
 *   profiles from KubeSchedulerConfiguration, PDB-aware preemption (issue 6).
 * - Real packets: reachability, DNS and Ingress routing are answered from the objects; kube-proxy
 *   session affinity and traffic policies are not modelled (issue 7).
 * - Pod Security warn/audit modes; RBAC escalation checks; namespace deletion (issue 7).
 * - Image pulls succeed except for the references listed in scenarios/behaviors/images.yaml;
 *   every image is pulled in 2s the first time on a node.
 * - Containers do not run programs: `kubectl exec` against `kubespec serve` answers env, printenv,
 *   cat/ls of ConfigMap and Secret volumes, hostname and echo from the objects; nothing else.
 */
export { SimDriver, defaultTopology } from './sim-driver.ts';
export { loadImageBehaviors } from './image-behaviors.ts';
