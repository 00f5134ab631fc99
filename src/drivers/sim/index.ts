/**
 * The simulator driver.
 *
 * What the simulator does not model yet (each is an open issue; a scenario that needs one is
 * tagged @live-only until then):
 * - Watch with label/field selectors from steps; CRDs and custom resources (issue 4). Server-side
 *   apply merges custom resources as deduced (maps key by key, lists atomic), not by their schema.
 * - managedFields record API requests (kubespec serve, and the driver's calls, which go through
 *   the same API server in process: src/apiserver); the simulated controllers' own writes are
 *   not recorded under their manager names. The API server's warnings (unknown fields dropped)
 *   reach kubectl as Warning headers but not steps: the driver interface has no place for them.
 *   The timeline and settle snapshots read the store directly (no API request for them).
 * - PID pressure and the image filesystem's own threshold (memory pressure is modelled from the
 *   `uses …` behaviors, disk pressure and ephemeral-storage limits from the `writes …` ones;
 *   images take no disk) (issue 6).
 *   Node Leases are renewed when virtual time stops, not written every 10 virtual seconds.
 * - metrics-server: usage comes from "the pods of … use …" rules (CPU held at the limit); no
 *   system daemons count toward node usage.
 * - Real packets: reachability, DNS, Service traffic and Ingress are answered from the objects
 *   (an ingress-nginx model: no rate limits, timeouts or configuration snippets) (issue 7).
 * - Add-ons (cert-manager, Istio, Reloader, VPA, Cluster Autoscaler) model their controllers'
 *   decisions, not their pods: nothing runs in cert-manager or istio-system, ACME challenges
 *   always pass, and Istio's connectionPool limits are not applied.
 * - Pod Security audit mode (audit annotations); RBAC escalation for aggregated ClusterRoles (issue 7).
 * - Image pulls succeed except for the references listed in scenarios/behaviors/images.yaml;
 *   every image is pulled in 2s the first time on a node.
 * - Containers do not run programs: `kubectl exec` against `kubespec serve` answers env, printenv,
 *   cat/ls of ConfigMap, Secret and downwardAPI volumes and of the files scripts write into
 *   emptyDirs, hostname and echo; touch, rm and `echo … >` write into emptyDirs, claims (their
 *   data outlives the pod) and the container's own layer (lost on restart), and are refused on
 *   read-only mounts and root filesystems; hostPath volumes (and hostPath PVs) write to their
 *   node's filesystem, where the kubelet's container logs also are; id, stat -c %g and wc answer
 *   from the pod spec. Contents of other volume types are not simulated.
 * - Helm waits in wall time: while a Helm step installs, upgrades, rolls back or uninstalls,
 *   virtual time runs 30x wall time (HELM_TIME_RATE), so such a scenario's timeline is not
 *   byte-identical from run to run.
 */
export { SimDriver, defaultTopology } from './sim-driver.ts';
export { loadImageBehaviors } from './image-behaviors.ts';
