// Over STYLE's ~400 lines: data, one entry per observable gate (137 of them), kept in one table so a new minor is one column more.
/**
 * Feature gates a kubespec scenario can observe, with each known minor's default as its own
 * module's generated gate list says (the file named by gateListSource). Generated from
 * k8s.io/kubernetes@<version>/test/compatibility_lifecycle/reference/versioned_feature_list.yaml
 * (1.32: test/featuregates_linter/test_data/versioned_feature_list.yaml), evaluated at the
 * module's own minor; the gates are defined in pkg/features/kube_features.go (kubelet, controllers,
 * scheduler) and staging/src/k8s.io/apiserver/pkg/features/kube_features.go (API server).
 * A state is [stage, enabled by default, locked?]; 'removed' means the gate is gone from that
 * minor's list (a GA gate's feature is then always on, a deprecated one's always off);
 * 'absent' means the gate did not exist yet. The table was produced by a throwaway script (each
 * minor's YAML, last spec whose version <= that minor); to add a minor, add its column the same way
 * and a row's gate list entry, never a hand-guessed default. Long (one entry per gate) by design.
 */
import type { KnownMinor } from './versions.ts';

/** A gate's stage in one minor, as kube_features.go spells it. */
export type GateStage = 'Alpha' | 'Beta' | 'GA' | 'Deprecated';
/** One minor's state of a gate: [stage, default, 'locked' when LockToDefault], or why it has none. */
export type GateState = readonly [GateStage, boolean] | readonly [GateStage, boolean, 'locked'] | 'absent' | 'removed';
/** The area of kubespec a gate's behaviour belongs to. */
export type GateArea = 'kubelet' | 'controllers' | 'scheduler' | 'admission' | 'api';

/** A feature gate fact: what a scenario sees when it is on, and its state per known minor. */
export interface FeatureGateFact {
  readonly area: GateArea;
  readonly observable: string;
  readonly states: Readonly<Record<KnownMinor, GateState>>;
}

/** Where each minor's gate states were read. */
export const GATE_LIST_SOURCES: Readonly<Record<KnownMinor, string>> = {
  '1.32': 'k8s.io/kubernetes@v1.32.13/test/featuregates_linter/test_data/versioned_feature_list.yaml',
  '1.33': 'k8s.io/kubernetes@v1.33.13/test/compatibility_lifecycle/reference/versioned_feature_list.yaml',
  '1.34': 'k8s.io/kubernetes@v1.34.4/test/compatibility_lifecycle/reference/versioned_feature_list.yaml',
  '1.35': 'k8s.io/kubernetes@v1.35.4/test/compatibility_lifecycle/reference/versioned_feature_list.yaml',
  '1.36': 'k8s.io/kubernetes@v1.36.3/test/compatibility_lifecycle/reference/versioned_feature_list.yaml',
  '1.37': 'k8s.io/kubernetes@v1.37.2/test/compatibility_lifecycle/reference/versioned_feature_list.yaml',
};

/** The observable gates, by upstream name. */
export const FEATURE_GATES = {
  SidecarContainers: {
    area: 'kubelet',
    observable: 'init containers with restartPolicy Always run as sidecars',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  InPlacePodVerticalScaling: {
    area: 'kubelet',
    observable: 'pod resize subresource, status.containerStatuses[].resources/allocatedResources, PodResizePending/InProgress conditions',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  InPlacePodVerticalScalingAllocatedStatus: {
    area: 'kubelet',
    observable: 'containerStatuses[].allocatedResources (folded into InPlacePodVerticalScaling in 1.33)',
    states: { '1.32': ['Alpha', false], '1.33': ['Deprecated', false], '1.34': ['Deprecated', false], '1.35': ['Deprecated', false], '1.36': 'removed', '1.37': 'removed' },
  },
  InPlacePodVerticalScalingInitContainers: {
    area: 'kubelet',
    observable: 'in-place resize of running non-sidecar init containers',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Beta', true], '1.37': ['GA', true, 'locked'] },
  },
  InPlacePodVerticalScalingExclusiveMemory: {
    area: 'kubelet',
    observable: 'memory resize for Guaranteed pods under the static memory policy',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Alpha', false] },
  },
  InPlacePodLevelResourcesVerticalScaling: {
    area: 'kubelet',
    observable: 'in-place resize of pod-level resources',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  PodLevelResources: {
    area: 'kubelet',
    observable: 'spec.resources at pod level (requests/limits for the whole pod)',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  PodLevelResourcesFixDefaulting: {
    area: 'kubelet',
    observable: 'pod-level resources defaulting fix',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Beta', true] },
  },
  PodLevelResourcesFixKubeletQOSClass: {
    area: 'kubelet',
    observable: 'empty pod-level resources no longer affect QoS class',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Beta', true] },
  },
  PodLifecycleSleepAction: {
    area: 'kubelet',
    observable: 'lifecycle.preStop/postStart sleep action',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  PodLifecycleSleepActionAllowZero: {
    area: 'kubelet',
    observable: 'sleep action with seconds: 0 accepted',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  ImageVolume: {
    area: 'kubelet',
    observable: 'volumes[].image (OCI image as a read-only volume)',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', false], '1.34': ['Beta', false], '1.35': ['Beta', true], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  ImageVolumeWithDigest: {
    area: 'kubelet',
    observable: 'container status reports the image digest of image volumes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Alpha', false], '1.37': ['Alpha', false] },
  },
  ContainerRestartRules: {
    area: 'kubelet',
    observable: 'containers[].restartPolicy and restartPolicyRules (per-container restart on exit codes)',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  RestartAllContainersOnContainerExits: {
    area: 'kubelet',
    observable: 'restartPolicyRules action RestartAllContainers, AllContainersRestarting condition',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  ContainerStopSignals: {
    area: 'kubelet',
    observable: 'lifecycle.stopSignal, containerStatuses[].stopSignal',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Alpha', false] },
  },
  KubeletCrashLoopBackOffMax: {
    area: 'kubelet',
    observable: 'node-configurable maximum CrashLoopBackOff delay',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  ReduceDefaultCrashLoopBackOffDecay: {
    area: 'kubelet',
    observable: 'CrashLoopBackOff initial 1s and maximum 60s instead of 10s/300s',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Alpha', false] },
  },
  PodObservedGenerationTracking: {
    area: 'kubelet',
    observable: 'status.observedGeneration and conditions[].observedGeneration on pods',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Beta', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  PodReadyToStartContainersCondition: {
    area: 'kubelet',
    observable: 'PodReadyToStartContainers pod condition',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['GA', true, 'locked'] },
  },
  EnvFiles: {
    area: 'kubelet',
    observable: 'env[].valueFrom.fileKeyRef (environment variables read from a file in a volume)',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  HostnameOverride: {
    area: 'kubelet',
    observable: 'spec.hostnameOverride',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['GA', true, 'locked'] },
  },
  ExecProbeTimeout: {
    area: 'kubelet',
    observable: 'exec probes honour timeoutSeconds',
    states: { '1.32': ['GA', true], '1.33': ['GA', true], '1.34': ['GA', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  SupplementalGroupsPolicy: {
    area: 'kubelet',
    observable: 'securityContext.supplementalGroupsPolicy, node status.features',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  UserNamespacesSupport: {
    area: 'kubelet',
    observable: 'spec.hostUsers: false',
    states: { '1.32': ['Beta', false], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  ProcMountType: {
    area: 'kubelet',
    observable: 'securityContext.procMount: Unmasked',
    states: { '1.32': ['Beta', false], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  RecursiveReadOnlyMounts: {
    area: 'kubelet',
    observable: 'volumeMounts[].recursiveReadOnly',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  KubeletEnsureSecretPulledImages: {
    area: 'kubelet',
    observable: 'IfNotPresent images pulled with credentials are re-verified per pod',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  NodeSwap: {
    area: 'kubelet',
    observable: 'node swap (NodeSystemInfo.swap)',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  PodIndexLabel: {
    area: 'kubelet',
    observable: 'apps.kubernetes.io/pod-index label on StatefulSet and indexed Job pods',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  ResourceHealthStatus: {
    area: 'kubelet',
    observable: 'containerStatuses[].allocatedResourcesStatus',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  ChangeContainerStatusOnKubeletRestart: {
    area: 'kubelet',
    observable: 'kubelet restart marks containers not ready and restarts probes (old behaviour)',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Deprecated', false], '1.36': ['Deprecated', false], '1.37': ['Deprecated', false] },
  },
  GitRepoVolumeDriver: {
    area: 'kubelet',
    observable: 'gitRepo volumes',
    states: { '1.32': 'absent', '1.33': ['Deprecated', false], '1.34': ['Deprecated', false], '1.35': ['Deprecated', false], '1.36': ['Deprecated', false, 'locked'], '1.37': ['Deprecated', false, 'locked'] },
  },
  PreventStaticPodAPIReferences: {
    area: 'kubelet',
    observable: 'static pods may not reference API objects',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': 'removed' },
  },
  MemoryQoS: {
    area: 'kubelet',
    observable: 'cgroup v2 memory.high from memory limits',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  GRPCContainerProbeTLS: {
    area: 'kubelet',
    observable: 'grpc probe mode TLS',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  H2CContainerProbe: {
    area: 'kubelet',
    observable: 'httpGet probe protocol HTTP2 (h2c)',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  DefaultPodSysctls: {
    area: 'kubelet',
    observable: 'kubelet default pod sysctls',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  EmptyDirVolumeMode: {
    area: 'kubelet',
    observable: 'emptyDir.mode',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  VolumeBindMountOptions: {
    area: 'kubelet',
    observable: 'volumeMounts[].bindMountOptions',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  NodeDeclaredFeatures: {
    area: 'kubelet',
    observable: 'node status.declaredFeatures and the NodeDeclaredFeatures filter/admission',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['GA', true, 'locked'] },
  },
  HugepageAwareEviction: {
    area: 'kubelet',
    observable: 'hugepage-aware eviction',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Beta', true] },
  },
  DisableNodeKubeProxyVersion: {
    area: 'kubelet',
    observable: 'node status.nodeInfo.kubeProxyVersion no longer set',
    states: { '1.32': ['Deprecated', false], '1.33': ['Deprecated', true], '1.34': ['Deprecated', true], '1.35': ['Deprecated', true], '1.36': ['Deprecated', true, 'locked'], '1.37': ['Deprecated', true, 'locked'] },
  },
  SELinuxChangePolicy: {
    area: 'kubelet',
    observable: 'securityContext.seLinuxChangePolicy',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  SELinuxMount: {
    area: 'kubelet',
    observable: 'SELinux mount labelling for all volumes',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', false], '1.34': ['Beta', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['GA', true] },
  },
  PodAndContainerStatsFromCRI: {
    area: 'kubelet',
    observable: 'stats from the CRI',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', false] },
  },
  KubeletInUserNamespace: {
    area: 'kubelet',
    observable: 'kubelet inside a user namespace (NodeSystemInfo.runningInUserNamespace)',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  AllowOverwriteTerminationGracePeriodSeconds: {
    area: 'kubelet',
    observable: 'probe-level terminationGracePeriodSeconds may exceed the pod\'s',
    states: { '1.32': ['Deprecated', false], '1.33': ['Deprecated', false], '1.34': ['Deprecated', false], '1.35': ['Deprecated', false, 'locked'], '1.36': ['Deprecated', false, 'locked'], '1.37': ['Deprecated', false, 'locked'] },
  },
  JobPodFailurePolicy: {
    area: 'controllers',
    observable: 'Job spec.podFailurePolicy',
    states: { '1.32': ['GA', true, 'locked'], '1.33': 'removed', '1.34': 'removed', '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  JobBackoffLimitPerIndex: {
    area: 'controllers',
    observable: 'Job spec.backoffLimitPerIndex, maxFailedIndexes, status.failedIndexes',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  JobSuccessPolicy: {
    area: 'controllers',
    observable: 'Job spec.successPolicy, SuccessCriteriaMet condition',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  JobPodReplacementPolicy: {
    area: 'controllers',
    observable: 'Job spec.podReplacementPolicy, status.terminating',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  JobManagedBy: {
    area: 'controllers',
    observable: 'Job spec.managedBy',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  ElasticIndexedJob: {
    area: 'controllers',
    observable: 'mutable completions for Indexed Jobs',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': 'removed', '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  MutablePodResourcesForSuspendedJobs: {
    area: 'controllers',
    observable: 'pod template resources mutable while a Job is suspended',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  MutableSchedulingDirectivesForSuspendedJobs: {
    area: 'controllers',
    observable: 'pod template scheduling directives mutable while a Job is suspended',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  DeploymentReplicaSetTerminatingReplicas: {
    area: 'controllers',
    observable: 'Deployment and ReplicaSet status.terminatingReplicas',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  StatefulSetAutoDeletePVC: {
    area: 'controllers',
    observable: 'StatefulSet persistentVolumeClaimRetentionPolicy',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  StatefulSetStartOrdinal: {
    area: 'controllers',
    observable: 'StatefulSet spec.ordinals.start',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': 'removed', '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  MaxUnavailableStatefulSet: {
    area: 'controllers',
    observable: 'StatefulSet rollingUpdate.maxUnavailable honoured',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['Beta', true] },
  },
  StatefulSetSemanticRevisionComparison: {
    area: 'controllers',
    observable: 'StatefulSet revisions compared semantically (fewer spurious revisions)',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  StatefulSetRecreateStrategy: {
    area: 'controllers',
    observable: 'StatefulSet updateStrategy Recreate',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  HPAConfigurableTolerance: {
    area: 'controllers',
    observable: 'HPA behavior.scaleUp/scaleDown.tolerance',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['GA', true, 'locked'] },
  },
  HPAScaleToZero: {
    area: 'controllers',
    observable: 'HPA minReplicas: 0 and the ScaledToZero condition',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  HPAGeneration: {
    area: 'controllers',
    observable: 'HPA conditions[].observedGeneration',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Beta', true] },
  },
  LogarithmicScaleDown: {
    area: 'controllers',
    observable: 'ReplicaSet scale-down picks victims by logarithmic age buckets',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  CronJobsScheduledAnnotation: {
    area: 'controllers',
    observable: 'batch.kubernetes.io/cronjob-scheduled-timestamp annotation on Jobs',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  PDBUnhealthyPodEvictionPolicy: {
    area: 'controllers',
    observable: 'PodDisruptionBudget spec.unhealthyPodEvictionPolicy',
    states: { '1.32': ['GA', true, 'locked'], '1.33': 'removed', '1.34': 'removed', '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  PodDisruptionConditions: {
    area: 'controllers',
    observable: 'DisruptionTarget pod condition',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': 'removed', '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  OrderedNamespaceDeletion: {
    area: 'controllers',
    observable: 'namespace deletion removes pods before other resources',
    states: { '1.32': ['Beta', false], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  RetryGenerateName: {
    area: 'controllers',
    observable: 'generateName retries on name conflict',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  SeparateTaintEvictionController: {
    area: 'controllers',
    observable: 'taint-eviction-controller separate from node lifecycle',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  PersistentVolumeClaimUnusedSinceTime: {
    area: 'controllers',
    observable: 'PVC Unused condition',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  StaleControllerConsistencyJob: {
    area: 'controllers',
    observable: 'job controller defers a sync until it has seen its own writes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  StaleControllerConsistencyReplicaSet: {
    area: 'controllers',
    observable: 'replicaset controller defers a sync until it has seen its own writes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  StaleControllerConsistencyStatefulSet: {
    area: 'controllers',
    observable: 'statefulset controller defers a sync until it has seen its own writes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  StaleControllerConsistencyDaemonSet: {
    area: 'controllers',
    observable: 'daemonset controller defers a sync until it has seen its own writes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  StaleControllerConsistencyHPA: {
    area: 'controllers',
    observable: 'HPA controller defers a sync until it has seen its own status writes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Beta', true] },
  },
  SchedulerQueueingHints: {
    area: 'scheduler',
    observable: 'queueing hints decide which events requeue unschedulable pods',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  SchedulerAsyncPreemption: {
    area: 'scheduler',
    observable: 'preemption API calls run asynchronously',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  SchedulerPopFromBackoffQ: {
    area: 'scheduler',
    observable: 'pods are popped from backoffQ when activeQ is empty',
    states: { '1.32': 'absent', '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  SchedulerAsyncAPICalls: {
    area: 'scheduler',
    observable: 'scheduler API calls dispatched asynchronously',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Beta', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['Beta', false] },
  },
  MatchLabelKeysInPodAffinity: {
    area: 'scheduler',
    observable: 'podAffinity matchLabelKeys/mismatchLabelKeys',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  MatchLabelKeysInPodTopologySpread: {
    area: 'scheduler',
    observable: 'topologySpreadConstraints[].matchLabelKeys',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  MatchLabelKeysInPodTopologySpreadSelectorMerge: {
    area: 'scheduler',
    observable: 'the API server merges matchLabelKeys into labelSelector',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  NodeInclusionPolicyInPodTopologySpread: {
    area: 'scheduler',
    observable: 'nodeAffinityPolicy/nodeTaintsPolicy',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  ClearingNominatedNodeNameAfterBinding: {
    area: 'scheduler',
    observable: 'API server clears status.nominatedNodeName on binding',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  NominatedNodeNameForExpectation: {
    area: 'scheduler',
    observable: 'scheduler sets nominatedNodeName before binding',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  StorageCapacityScoring: {
    area: 'scheduler',
    observable: 'VolumeBinding scores nodes by free storage capacity',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  VolumeCapacityPriority: {
    area: 'scheduler',
    observable: 'old VolumeBinding capacity scoring (removed 1.33)',
    states: { '1.32': ['Alpha', false], '1.33': 'removed', '1.34': 'removed', '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  TaintTolerationComparisonOperators: {
    area: 'scheduler',
    observable: 'toleration operators Gt and Lt',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Alpha', false] },
  },
  OpportunisticBatching: {
    area: 'scheduler',
    observable: 'identical pods scheduled in batches',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  GangScheduling: {
    area: 'scheduler',
    observable: 'GangScheduling plugin (Workload API)',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': 'removed' },
  },
  GenericWorkload: {
    area: 'scheduler',
    observable: 'Workload/PodGroup scheduling',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', false] },
  },
  InterPodAffinityHostnameFastPath: {
    area: 'scheduler',
    observable: 'fast path for hostname-topology pod affinity',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  PodTopologyLabelsAdmission: {
    area: 'scheduler',
    observable: 'zone and region node labels copied to pods at binding',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  VolumeLimitScaling: {
    area: 'scheduler',
    observable: 'CSIDriver preventPodSchedulingIfMissing',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  DynamicResourceAllocation: {
    area: 'scheduler',
    observable: 'resource.k8s.io ResourceClaims and DeviceClasses',
    states: { '1.32': ['Beta', false], '1.33': ['Beta', false], '1.34': ['GA', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  DRAPrioritizedList: {
    area: 'scheduler',
    observable: 'ResourceClaim firstAvailable',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['GA', true], '1.37': ['GA', true, 'locked'] },
  },
  DRAAdminAccess: {
    area: 'scheduler',
    observable: 'ResourceClaim adminAccess',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  DRAExtendedResource: {
    area: 'scheduler',
    observable: 'extended resources backed by DRA device classes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['GA', true, 'locked'] },
  },
  DRADeviceTaints: {
    area: 'scheduler',
    observable: 'device taints and tolerations',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['GA', true] },
  },
  DRADeviceTaintRules: {
    area: 'scheduler',
    observable: 'DeviceTaintRule objects',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Alpha', false], '1.36': ['Beta', false], '1.37': ['GA', true] },
  },
  InPlacePodVerticalScalingSchedulerPreemption: {
    area: 'scheduler',
    observable: 'scheduler preempts for deferred resizes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  MutatingAdmissionPolicy: {
    area: 'admission',
    observable: 'MutatingAdmissionPolicy and binding (CEL mutations)',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Beta', false], '1.35': ['Beta', false], '1.36': ['GA', true], '1.37': ['GA', true] },
  },
  AdmissionWebhookMatchConditions: {
    area: 'admission',
    observable: 'webhook matchConditions',
    states: { '1.32': ['GA', true, 'locked'], '1.33': 'removed', '1.34': 'removed', '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  StrictCostEnforcementForVAP: {
    area: 'admission',
    observable: 'strict CEL cost for admission policies',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  StrictCostEnforcementForWebhooks: {
    area: 'admission',
    observable: 'strict CEL cost for webhook match conditions',
    states: { '1.32': ['GA', true, 'locked'], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': 'removed', '1.36': 'removed', '1.37': 'removed' },
  },
  ManifestBasedAdmissionControlConfig: {
    area: 'admission',
    observable: 'admission webhooks and policies from static manifests',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  ExcludeAdmissionWebhookVirtualResources: {
    area: 'admission',
    observable: 'webhooks skip tokenreviews/subjectaccessreviews',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Beta', true] },
  },
  AuthorizePodWebsocketUpgradeCreatePermission: {
    area: 'admission',
    observable: 'exec/attach/portforward over websockets need create permission',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  DeclarativeValidation: {
    area: 'api',
    observable: 'declarative validation runs alongside handwritten validation',
    states: { '1.32': 'absent', '1.33': ['Beta', true], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  DeclarativeValidationTakeover: {
    area: 'api',
    observable: 'declarative validation is the source of errors',
    states: { '1.32': 'absent', '1.33': ['Beta', false], '1.34': ['Beta', false], '1.35': ['Beta', false], '1.36': ['Deprecated', false], '1.37': ['Deprecated', false, 'locked'] },
  },
  StrictIPCIDRValidation: {
    area: 'api',
    observable: 'strict IP and CIDR validation',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  RelaxedServiceNameValidation: {
    area: 'api',
    observable: 'Service names validated as DNS-1123 subdomains',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Beta', true], '1.37': ['GA', true, 'locked'] },
  },
  RelaxedDNSSearchValidation: {
    area: 'api',
    observable: 'dnsConfig.searches accepts _ and a single dot',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  RelaxedEnvironmentVariableValidation: {
    area: 'api',
    observable: 'env var names may use any printable ASCII except =',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  MultiCIDRServiceAllocator: {
    area: 'api',
    observable: 'ServiceCIDR and IPAddress objects (networking.k8s.io/v1)',
    states: { '1.32': ['Beta', false], '1.33': ['GA', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  DisableAllocatorDualWrite: {
    area: 'api',
    observable: 'ClusterIP allocation only through IPAddress objects',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', false], '1.34': ['GA', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  ServiceTrafficDistribution: {
    area: 'api',
    observable: 'Service spec.trafficDistribution',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': 'removed', '1.37': 'removed' },
  },
  PreferSameTrafficDistribution: {
    area: 'api',
    observable: 'trafficDistribution PreferSameZone and PreferSameNode',
    states: { '1.32': 'absent', '1.33': ['Alpha', false], '1.34': ['Beta', true], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  TopologyAwareHints: {
    area: 'api',
    observable: 'EndpointSlice hints',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': 'removed', '1.37': 'removed' },
  },
  VolumeAttributesClass: {
    area: 'api',
    observable: 'storage.k8s.io/v1 VolumeAttributesClass, PVC volumeAttributesClassName',
    states: { '1.32': ['Beta', false], '1.33': ['Beta', false], '1.34': ['GA', true], '1.35': ['GA', true], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  ClusterTrustBundle: {
    area: 'api',
    observable: 'certificates.k8s.io ClusterTrustBundle',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', false], '1.34': ['Beta', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['GA', true] },
  },
  ClusterTrustBundleProjection: {
    area: 'api',
    observable: 'projected clusterTrustBundle volume sources',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', false], '1.34': ['Beta', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['GA', true] },
  },
  PodCertificateRequest: {
    area: 'api',
    observable: 'certificates.k8s.io PodCertificateRequest and podCertificate projected volumes',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': ['Alpha', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['GA', true] },
  },
  StorageVersionMigrator: {
    area: 'api',
    observable: 'storagemigration.k8s.io StorageVersionMigration',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['GA', true] },
  },
  CoordinatedLeaderElection: {
    area: 'api',
    observable: 'coordination.k8s.io LeaseCandidate',
    states: { '1.32': ['Alpha', false], '1.33': ['Beta', false], '1.34': ['Beta', false], '1.35': ['Beta', false], '1.36': ['Beta', false], '1.37': ['Beta', false] },
  },
  CRDObservedGenerationTracking: {
    area: 'api',
    observable: 'CRD status.conditions[].observedGeneration',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': ['Beta', false], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  CRDValidationRatcheting: {
    area: 'api',
    observable: 'CRD validation ratcheting',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
  AllowUnsafeMalformedObjectDeletion: {
    area: 'api',
    observable: 'deleting objects that fail to decode',
    states: { '1.32': ['Alpha', false], '1.33': ['Alpha', false], '1.34': ['Alpha', false], '1.35': ['Alpha', false], '1.36': ['Alpha', false], '1.37': ['Beta', true] },
  },
  WatchList: {
    area: 'api',
    observable: 'streaming lists via watch',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', false], '1.34': ['Beta', true], '1.35': ['Beta', true], '1.36': ['Beta', true], '1.37': ['Beta', true] },
  },
  ConsistentListFromCache: {
    area: 'api',
    observable: 'consistent lists served from the watch cache',
    states: { '1.32': ['Beta', true], '1.33': ['Beta', true], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': 'removed' },
  },
  AggregatedDiscoveryRemoveBetaType: {
    area: 'api',
    observable: 'aggregated discovery v2beta1 removed',
    states: { '1.32': 'absent', '1.33': ['Deprecated', true], '1.34': ['Deprecated', true], '1.35': ['Deprecated', true, 'locked'], '1.36': ['Deprecated', true, 'locked'], '1.37': ['Deprecated', true, 'locked'] },
  },
  EvictionRequestAPI: {
    area: 'api',
    observable: 'EvictionRequest/Eviction objects and pod spec.evictionResponders',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Alpha', false] },
  },
  AllowServiceExternalIPs: {
    area: 'api',
    observable: 'Service externalIPs accepted',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': ['GA', true], '1.37': ['GA', true] },
  },
  KubeProxyIPVS: {
    area: 'api',
    observable: 'kube-proxy ipvs mode',
    states: { '1.32': 'absent', '1.33': 'absent', '1.34': 'absent', '1.35': 'absent', '1.36': 'absent', '1.37': ['Deprecated', true] },
  },
  NFTablesProxyMode: {
    area: 'api',
    observable: 'kube-proxy nftables mode',
    states: { '1.32': ['Beta', true], '1.33': ['GA', true, 'locked'], '1.34': ['GA', true, 'locked'], '1.35': ['GA', true, 'locked'], '1.36': ['GA', true, 'locked'], '1.37': ['GA', true, 'locked'] },
  },
} as const satisfies Record<string, FeatureGateFact>;

/** The name of an observable feature gate. */
export type FeatureGateName = keyof typeof FEATURE_GATES;
