/**
 * Versioned behaviour and text that is not a feature gate: message texts, printer columns, fields
 * the API server sets or stops setting. Each fact is a list of changes, each with the minor it
 * took effect in and where upstream says so; the value at a minor is that of the newest change at
 * or before it. Behaviour behind a gate lives in feature-gates.ts instead, so it is said once.
 * Catalogued with the rest in docs/kubernetes-versions.md.
 */
import type { KnownMinor } from './versions.ts';

/** One change of a fact: from `since` on, the value is `value`. */
export interface FactChange<T> {
  readonly since: KnownMinor;
  readonly value: T;
  readonly source: string;
}

/**
 * A versioned fact: what it is, and its values from 1.32 on (the first change is since '1.32').
 * Either simulator code reads it (with `behaviour(version, id)`), or it says in `notModelled` why
 * nothing does; test/kube/kubernetes-version-facts-catalogue.test.ts holds both to that, and to
 * the catalogue's "modelled" column (docs/kubernetes-versions.md).
 */
export interface VersionedFact<T> {
  readonly area: 'scheduler' | 'kubelet' | 'controllers' | 'api' | 'admission' | 'kubectl-output' | 'version';
  readonly what: string;
  readonly changes: readonly FactChange<T>[];
  /** Recorded but not modelled: why (not observable with default gates, or the mechanism the simulator lacks). */
  readonly notModelled?: string;
}

const K = (v: string, path: string) => `k8s.io/kubernetes@v${v}/${path}`;

/** The facts, by id. Values are what kubespec would print or do; null means "does not exist". */
export const BEHAVIOURS = {
  'scheduler.volumeBinding.nodeConflictReason': {
    area: 'scheduler',
    what: 'VolumeBinding filter reason when a bound PV\'s node affinity excludes the node',
    changes: [
      { since: '1.32', value: 'node(s) had volume node affinity conflict', source: K('1.32.13', 'pkg/scheduler/framework/plugins/volumebinding/binder.go ErrReasonNodeConflict') },
      { since: '1.33', value: "node(s) didn't match PersistentVolume's node affinity", source: K('1.33.13', 'pkg/scheduler/framework/plugins/volumebinding/binder.go ErrReasonNodeConflict') },
    ],
  },
  'scheduler.volumeRestrictions.readWriteOncePodReason': {
    area: 'scheduler',
    what: 'VolumeRestrictions Filter reason (Unschedulable, on every node) while a ReadWriteOncePod claim of the pod is in use by a scheduled pod',
    changes: [
      { since: '1.32', value: 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode', source: K('1.32.13', 'pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go:58 ErrReasonReadWriteOncePodConflict, :288 satisfyReadWriteOncePod; K@1.33.13 the same') },
      { since: '1.34', value: 'node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod', source: K('1.34.4', 'pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go:59 ErrReasonReadWriteOncePodConflict; K@1.37.2 the same') },
    ],
  },
  'scheduler.taintToleration.untoleratedReason': {
    area: 'scheduler',
    what: 'TaintToleration filter reason for a node with a NoSchedule/NoExecute taint the pod does not tolerate (%KEY, %VALUE: the first such taint)',
    changes: [
      { since: '1.32', value: 'node(s) had untolerated taint {%KEY: %VALUE}', source: K('1.33.13', 'pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go:118') },
      { since: '1.34', value: 'node(s) had untolerated taint(s)', source: K('1.34.4', 'pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go:120 (the taint goes to the log only); found by the fidelity run on v1.37.2') },
    ],
  },
  'scheduler.postFilter.dynamicResourcesReason': {
    area: 'scheduler',
    what: 'What the DynamicResources PostFilter says for a pod it cannot help (joined before DefaultPreemption\'s message in an unschedulable pod\'s message); null: nothing',
    changes: [
      { since: '1.32', value: null, source: K('1.32.13', 'pkg/scheduler/apis/config/v1/default_plugins.go (DynamicResources only with DynamicResourceAllocation, off)') },
      { since: '1.34', value: 'no new claims to deallocate', source: K('1.35.4', 'pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go:790; K@1.34 default_plugins.go:61 (gate GA, on); found by the fidelity runs on v1.35.4 and v1.36.3') },
      { since: '1.37', value: null, source: K('1.37.2', 'pkg/scheduler/framework/plugins/dynamicresources/dynamicresources.go:1169-1171 (no reason)') },
    ],
  },
  'scheduler.nodeResourcesFit.beyondAllocatableUnresolvable': {
    area: 'scheduler',
    what: 'NodeResourcesFit: a node whose whole allocatable is less than the pod requests is UnschedulableAndUnresolvable (preemption: "Preemption is not helpful for scheduling") instead of Unschedulable ("No preemption victims found")',
    changes: [
      { since: '1.32', value: false, source: K('1.33.13', 'pkg/scheduler/framework/plugins/noderesources/fit.go (no Unresolvable)') },
      { since: '1.34', value: true, source: K('1.34.4', 'pkg/scheduler/framework/plugins/noderesources/fit.go:526-527, 592-654 (InsufficientResource.Unresolvable); found by the fidelity run on v1.37.2') },
    ],
  },
  'scheduler.nodeDeclaredFeatures.reason': {
    area: 'scheduler',
    what: 'NodeDeclaredFeatures filter reason (plugin exists from 1.36; on while the NodeDeclaredFeatures gate is)',
    changes: [
      { since: '1.32', value: null, source: K('1.35.4', 'pkg/scheduler/framework/plugins (no nodedeclaredfeatures plugin)') },
      { since: '1.36', value: "node(s) didn't match Pod's required features", source: K('1.36.3', 'pkg/scheduler/framework/plugins/nodedeclaredfeatures/nodedeclaredfeatures.go errReasonUnsatisfiedRequirements') },
    ],
    notModelled: 'Seen only when a node lacks a feature a pod needs (a kubelet older than the control plane, or a gate turned off on it). The simulator\'s nodes all run the cluster\'s release with default gates and publish no status.declaredFeatures, and it has none of the features the plugin infers from a pod (restartPolicyRules RestartAllContainers, hostNetwork with hostUsers: false; component-helpers@v0.36.3 nodedeclaredfeatures/features)',
  },
  'scheduler.preemption.successMessage': {
    area: 'scheduler',
    what: 'Text DefaultPreemption appends to the FailedScheduling event and PodScheduled condition when it found victims ("preemption: " + this); %NODE and %COUNT are placeholders',
    changes: [
      { since: '1.32', value: null, source: K('1.32.13', 'pkg/scheduler/framework/preemption/preemption.go Preempt returns NewStatus(Success) with no message') },
      { since: '1.37', value: 'found a potential placement for pod on node %NODE, preempting %COUNT victims', source: K('1.37.2', 'pkg/scheduler/framework/preemption/preemption.go:196; CHANGELOG-1.37 #140180') },
    ],
  },
  'scheduler.nodeVolumeLimits.csiDriverMissingReason': {
    area: 'scheduler',
    what: 'NodeVolumeLimits filter reason for a CSI volume whose driver the node lacks (only while VolumeLimitScaling is on)',
    changes: [
      { since: '1.32', value: null, source: K('1.32.13', 'pkg/scheduler/framework/plugins/nodevolumelimits/csi.go') },
      { since: '1.35', value: '%DRIVER CSI driver is not installed on the node', source: K('1.35.4', 'pkg/scheduler/framework/plugins/nodevolumelimits/csi.go:294') },
    ],
    notModelled: 'The simulator has no CSI drivers: no CSIDriver or CSINode objects, no CSI volumes, no NodeVolumeLimits plugin (the text needs a CSIDriver with preventPodSchedulingIfMissing and a node whose CSINode lacks it, K@1.37.2 csi.go:365 checkCSIDriverOnNode)',
  },
  'scheduler.nodePorts.restartableInitContainers': {
    area: 'scheduler',
    what: 'NodePorts counts hostPorts of sidecar (restartable init) containers',
    changes: [
      { since: '1.32', value: false, source: K('1.32.13', 'pkg/scheduler/framework/plugins/nodeports/node_ports.go getContainerPorts, framework/types.go updateUsedPorts (spec.containers only)') },
      { since: '1.33', value: true, source: K('1.33.13', 'pkg/scheduler/util/utils.go:194 GetHostPorts (sidecars, then containers)') + '; CHANGELOG-1.34 #132040, backported to 1.33.x as #133390 (CHANGELOG-1.33)' },
    ],
  },
  'kubelet.event.createdContainer': {
    area: 'kubelet',
    what: 'Message of the kubelet\'s Normal Created event for a container; %NAME is the container name',
    changes: [
      { since: '1.32', value: 'Created container: %NAME', source: K('1.32.13', 'pkg/kubelet/kuberuntime/kuberuntime_container.go:278') },
      { since: '1.35', value: 'Container created', source: K('1.35.4', 'pkg/kubelet/kuberuntime/kuberuntime_container.go:289') },
    ],
  },
  'kubelet.event.startedContainer': {
    area: 'kubelet',
    what: 'Message of the kubelet\'s Normal Started event for a container; %NAME is the container name',
    changes: [
      { since: '1.32', value: 'Started container %NAME', source: K('1.32.13', 'pkg/kubelet/kuberuntime/kuberuntime_container.go:287') },
      { since: '1.35', value: 'Container started', source: K('1.35.4', 'pkg/kubelet/kuberuntime/kuberuntime_container.go:298') },
    ],
  },
  'kubelet.event.probeErrored': {
    area: 'kubelet',
    what: 'Message of the Unhealthy event when a probe errors (rather than fails); %PROBE is Liveness/Readiness/Startup, %RESULT the result it counted as',
    changes: [
      { since: '1.32', value: '%PROBE probe errored: %ERROR', source: K('1.32.13', 'pkg/kubelet/prober/prober.go:105') },
      { since: '1.33', value: '%PROBE probe errored and resulted in %RESULT state: %ERROR', source: K('1.33.13', 'pkg/kubelet/prober/prober.go:105') },
    ],
  },
  'kubelet.volume.hostPathTypeCheck': {
    area: 'kubelet',
    what: 'Error of a hostPath volume whose path is not of its type (in the FailedMount event after "MountVolume.SetUp failed for volume ... : "): `missing` for a path that does not exist, `wrongType` for one of another type; %PATH, %TYPE (directory, file, socket file, character device, block device), %FOUND (Directory, File, Socket, CharDevice, BlockDevice)',
    changes: [
      { since: '1.32', value: { missing: 'hostPath type check failed: %PATH is not a %TYPE', wrongType: 'hostPath type check failed: %PATH is not a %TYPE' }, source: K('1.32.13', 'pkg/volume/hostpath/host_path.go:471-492 checkTypeInternal; K@1.36.3 the same') },
      { since: '1.37', value: { missing: 'hostPath type check failed, %PATH is not a %TYPE, unable to determine its type: path "%PATH" does not exist', wrongType: "hostPath type check failed: %PATH is not a %TYPE, it's a %FOUND" }, source: K('1.37.2', 'pkg/volume/hostpath/host_path.go:468-475 typeMatchedOrError; pkg/volume/util/hostutil/hostutil.go:84 getFileType; found by the fidelity run on v1.37.2 (real node)') },
    ],
  },
  'kubelet.crashLoopBackOff.retrySync': {
    area: 'kubelet',
    what: 'When the pod worker syncs a pod again after a sync that met a container\'s CrashLoopBackOff: after its back-off period (10 s, capped at the back-off\'s end) or only at the back-off\'s end. The status is generated at the start of a sync and the waiting reason comes from the reason cache the previous sync filled, so until that retry the container shows its terminated run (kubectl: Error), not waiting: CrashLoopBackOff',
    changes: [
      { since: '1.32', value: 'backOffPeriod', source: K('1.34.4', 'pkg/kubelet/pod_workers.go:1523 completeWork (any sync error: wait.Jitter(p.backOffPeriod, 0.5); kubelet.go backOffPeriod 10 s)') },
      { since: '1.35', value: 'backOffEnd', source: K('1.35.4', 'pkg/kubelet/pod_workers.go completeWork (MinBackoffExpiration)') + '; K@1.37.2 pod_workers.go:1536-1547, kuberuntime_manager.go:2104 NewBackoffError(ErrCrashLoopBackOff, finishedAt + backoff); kubernetes#133066; found by the fidelity run on v1.37.2 (real node)' },
    ],
  },
  'kubelet.event.imageAlreadyPresent': {
    area: 'kubelet',
    what: 'Message of the Pulled event when the image is present (IfNotPresent); the longer text is used while KubeletEnsureSecretPulledImages is on, which it is by default from 1.35',
    changes: [
      { since: '1.32', value: 'Container image %IMAGE already present on machine', source: K('1.32.13', 'pkg/kubelet/images/image_manager.go:151') },
      { since: '1.35', value: 'Container image %IMAGE already present on machine and can be accessed by the pod', source: K('1.35.4', 'pkg/kubelet/images/image_manager.go:257') + '; gates@1.35 KubeletEnsureSecretPulledImages Beta on (#135228)' },
    ],
  },
  'api.pod.statusResize': {
    area: 'api',
    what: 'How a pending/in-progress in-place resize is reported: status.resize, or the PodResizePending/PodResizeInProgress conditions',
    changes: [
      { since: '1.32', value: 'status.resize', source: K('1.32.13', 'pkg/kubelet/status (status.resize Proposed/InProgress/Deferred/Infeasible)') },
      { since: '1.33', value: 'conditions', source: 'CHANGELOG-1.33 #130733 (status.resize deprecated, no longer set), #130574 (API server no longer sets Proposed); k8s.io/api@v0.33.13 PodResizePending, PodResizeInProgress' },
    ],
    notModelled: 'The 1.32 value is written only with the alpha InPlacePodVerticalScaling gate, off by default, and kubespec runs default gates: on 1.32 there is no resize at all. From 1.33 src/sim/kubelet/pod-resize.ts writes the PodResizePending/PodResizeInProgress conditions wherever resize exists (the gate), so this fact has nothing left to decide',
  },
  'api.pod.resizeBeyondNodeAllocatable': {
    area: 'admission',
    what: 'Who refuses an in-place resize whose requests exceed the node\'s allocatable: the kubelet (PodResizePending Infeasible, "Node didn\'t have enough capacity") or the PodResizeValidator admission plugin (403)',
    changes: [
      { since: '1.32', value: 'kubelet', source: K('1.35.4', 'pkg/kubelet/allocation/allocation_manager.go:711 canResizePod (Infeasible, insufficient_node_allocatable)') },
      { since: '1.36', value: 'admission', source: K('1.37.2', 'plugin/pkg/admission/podresize/admission.go validateRequestsWithinAllocatable') + '; CHANGELOG-1.36 API Change; the kubelet\'s canResizePod is gone (allocation/handlers.go)' },
    ],
  },
  'api.statefulset.serviceNameIsLabel': {
    area: 'api',
    what: "A new StatefulSet's spec.serviceName must be a DNS-1123 label (updates tolerate an old one)",
    changes: [
      { since: '1.32', value: false, source: K('1.32.13', 'pkg/apis/apps/validation/validation.go ValidateStatefulSetSpec (serviceName not validated)') },
      { since: '1.33', value: true, source: K('1.33.13', 'pkg/apis/apps/validation/validation.go:143 AllowInvalidServiceName false on create (registry/apps/statefulset/strategy.go)') },
    ],
  },
  'api.pod.generation': {
    area: 'api',
    what: 'Pods carry metadata.generation: 1 on create, bumped when the spec changes',
    changes: [
      { since: '1.32', value: false, source: K('1.32.13', 'pkg/registry/core/pod/strategy.go PrepareForCreate (no Generation)') },
      { since: '1.33', value: true, source: K('1.33.13', 'pkg/registry/core/pod/strategy.go:89 PrepareForCreate pod.Generation = 1; updatePodGeneration') },
    ],
  },
  'controllers.endpoints.managedByLabel': {
    area: 'controllers',
    what: 'The Endpoints controller labels what it writes endpoints.kubernetes.io/managed-by: endpoint-controller',
    changes: [
      { since: '1.32', value: false, source: K('1.32.13', 'pkg/controller/endpoint/endpoints_controller.go syncService (labels from the Service only)') },
      { since: '1.33', value: true, source: K('1.33.13', 'pkg/controller/endpoint/endpoints_controller.go syncService newEndpoints.Labels[LabelManagedBy] = ControllerName') },
    ],
  },
  'api.metadata.nullCreationTimestamp': {
    area: 'api',
    what: 'A zero metadata.creationTimestamp (e.g. in a pod template) serializes as creationTimestamp: null',
    changes: [
      { since: '1.32', value: true, source: 'k8s.io/apimachinery@v0.32.13/pkg/apis/meta/v1/types.go (omitempty only)' },
      { since: '1.34', value: false, source: 'k8s.io/apimachinery@v0.34.4/pkg/apis/meta/v1/types.go:188 omitzero; CHANGELOG-1.34 #130989' },
    ],
  },
  'api.decode.embeddedStructNames': {
    area: 'api',
    what: 'A JSON type error names the embedded Go structs on its field path (FCVolumeSource.spec.volumes.VolumeSource.fc.lun)',
    changes: [
      { since: '1.32', value: false, source: 'sigs.k8s.io/json@v0.0.0-20241014173422-cfa47c3a1cc8 internal/golang/encoding/json/decode.go object (FieldStack gets f.name only); K@1.34.4 go.mod' },
      { since: '1.35', value: true, source: 'sigs.k8s.io/json@v0.0.0-20250730193827-2d320260d730 internal/golang/encoding/json/decode.go:788-818 (each embedded field\'s Go name); ' + K('1.35.4', 'go.mod') + '; seen on the 1.37 reference cluster: FCVolumeSource.spec.volumes.VolumeSource.fc.lun' },
    ],
  },
  'api.pod.appArmorAnnotationsCopied': {
    area: 'api',
    what: 'The API server copies securityContext.appArmorProfile into container.apparmor.security.beta.kubernetes.io/ annotations',
    changes: [
      { since: '1.32', value: true, source: K('1.32.13', 'pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew (field -> annotation sync)') },
      { since: '1.34', value: false, source: 'CHANGELOG-1.34 #131989; ' + K('1.37.2', 'pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew (annotation -> field only)') },
    ],
  },
  'api.rbac.roleRefImmutableText': {
    area: 'api',
    what: 'ValidateRoleBindingUpdate / ValidateClusterRoleBindingUpdate when roleRef changes: the text after the new roleRef as the bad value',
    changes: [
      { since: '1.32', value: 'cannot change roleRef', source: K('1.36.3', 'pkg/apis/rbac/validation/validation.go:166') },
      { since: '1.37', value: 'field is immutable', source: K('1.37.2', 'pkg/apis/rbac/validation/validation.go:165 ValidateImmutableField (the declarative rule is alpha, off); found by the fidelity run on v1.37.2') },
    ],
  },
  'api.storageClass.immutableFields': {
    area: 'api',
    what: 'ValidateStorageClassUpdate: how a change of provisioner, parameters or reclaimPolicy is refused (volumeBindingMode: ValidateImmutableField in every release until declarative)',
    changes: [
      { since: '1.32', value: 'forbidden', source: K('1.35.4', 'pkg/apis/storage/validation/validation.go:69-85 ("Forbidden: updates to provisioner are forbidden.")') },
      { since: '1.36', value: 'immutable', source: K('1.36.3', 'pkg/apis/storage/validation/validation.go:67 ValidateImmutableField ("Invalid value: <new>: field is immutable")') },
      { since: '1.37', value: 'declarative', source: 'k8s.io/api@v0.37.2/storage/v1/types.go +k8s:beta(since: "1.37")=+k8s:immutable; apimachinery@v0.37.2/pkg/api/validate/immutable.go:38 (field.Invalid(path, nil, …): "Invalid value: null: field is immutable"); found by the fidelity run on v1.37.2' },
    ],
  },
  'api.statefulset.updateRule': {
    area: 'api',
    what: 'ValidateStatefulSetUpdate: which spec fields may change, and how a change of another is refused (a Forbidden listing the mutable ones, or per-field immutability)',
    changes: [
      { since: '1.32', value: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden", source: K('1.32.5', 'pkg/apis/apps/validation/validation.go:193') },
      { since: '1.33', value: "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden", source: K('1.33.13', 'pkg/apis/apps/validation/validation.go:210') },
      { since: '1.37', value: 'immutable-fields', source: K('1.37.2', 'pkg/apis/apps/validation/validation.go:261-264 (selector, volumeClaimTemplates, serviceName, podManagementPolicy: ValidateImmutableField; the declarative rule is alpha, off); found by the fidelity run on v1.37.2') },
    ],
  },
  'api.validation.nonScalarBadValue': {
    area: 'api',
    what: 'How a field error renders a non-scalar bad value: Go syntax (`Invalid value: []string{"a"}`, map[string]string{...}, intstr.IntOrString{...}) or JSON (`Invalid value: ["a"]`)',
    changes: [
      { since: '1.32', value: 'go-syntax', source: 'k8s.io/apimachinery@v0.32.13/pkg/util/validation/field/errors.go ErrorBody (%#v, Stringer)' },
      { since: '1.34', value: 'json', source: 'k8s.io/apimachinery@v0.34.4/pkg/util/validation/field/errors.go ErrorBody (json.Marshal, then Stringer, then %#v); v0.33.0 still Go syntax' },
    ],
  },
  'api.service.clusterIPOutOfRange': {
    area: 'api',
    what: 'Why a Service\'s requested clusterIP outside the service CIDR cannot be allocated (after "failed to allocate IP <ip>: "); %IP and %RANGE are placeholders. From 1.33 MultiCIDRServiceAllocator is on and the MetaAllocator finds no ServiceCIDR holding the IP',
    changes: [
      { since: '1.32', value: 'the provided IP (%IP) is not in the valid range. The range of valid IPs is %RANGE', source: K('1.32.13', 'pkg/registry/core/service/ipallocator/interfaces.go ErrNotInRange; pkg/registry/core/service/storage/alloc.go allocator.Allocate') },
      { since: '1.33', value: 'the provided network does not match the current range', source: K('1.33.13', 'pkg/registry/core/service/ipallocator/cidrallocator.go:332 getAllocator ErrMismatchedNetwork (interfaces.go:47); gates@1.33 MultiCIDRServiceAllocator GA on') },
    ],
  },
  'api.pod.podLevelStatusResources': {
    area: 'api',
    what: 'Pod status.resources and status.allocatedResources (pod level) exist',
    changes: [
      { since: '1.32', value: false, source: 'k8s.io/api@v0.34.4/core/v1/types.go' },
      { since: '1.35', value: true, source: 'k8s.io/api@v0.35.4/core/v1/types.go PodStatus.resources, PodStatus.allocatedResources' },
    ],
    notModelled: 'The fields exist from 1.35 but stay empty until the kubelet fills them, which it does only with InPlacePodLevelResourcesVerticalScaling (on from 1.36; K@1.36.3 pkg/kubelet/kubelet_pods.go:2157): status.allocatedResources the pod\'s requests, status.resources read back from the pod cgroup. The simulator has no pod cgroups to read and does not write either field',
  },
  'kubectl-output.pod.statusAfterFailedContainer': {
    area: 'kubectl-output',
    what: 'kubectl get pods STATUS when one container Completed and another terminated with a non-zero exit: "Completed"/"NotReady" (false) or the failed container\'s reason, e.g. Error (true)',
    changes: [
      { since: '1.32', value: false, source: K('1.32.13', 'pkg/printers/internalversion/printers.go printPod') },
      { since: '1.35', value: true, source: K('1.35.4', 'pkg/printers/internalversion/printers.go printPod (errorReason)') },
    ],
  },
  'kubectl-output.storageClass.effectiveDefault': {
    area: 'kubectl-output',
    what: 'Which StorageClass the server-side table marks "(default)": every one with the default annotation (false), or in a list only the effective default, the newest (ties: the first name), and a single object never (true)',
    changes: [
      { since: '1.32', value: false, source: K('1.36.3', 'pkg/printers/internalversion/printers.go printStorageClass (storageutil.IsDefaultAnnotation)') },
      { since: '1.37', value: true, source: K('1.37.2', 'pkg/printers/internalversion/printers.go:2715-2790 printStorageClassList, getEffectiveDefaultStorageClass; printStorageClass passes no default') + '; #135964; seen on the v1.37.2 reference cluster (fidelity, 2026-12-07): `kubectl get storageclass standard` prints no "(default)"' },
    ],
  },
  'kubectl-output.serviceAccount.columns': {
    area: 'kubectl-output',
    what: 'kubectl get serviceaccounts columns (server-side table)',
    changes: [
      { since: '1.32', value: ['NAME', 'SECRETS', 'AGE'], source: K('1.32.13', 'pkg/printers/internalversion/printers.go serviceAccountColumnDefinitions') },
      { since: '1.35', value: ['NAME', 'AGE'], source: K('1.35.4', 'pkg/printers/internalversion/printers.go serviceAccountColumnDefinitions') },
    ],
  },
  'kubectl-output.node.kernelVersionWithArch': {
    area: 'kubectl-output',
    what: 'kubectl get nodes -o wide KERNEL-VERSION ends with " (<architecture>)"',
    changes: [
      { since: '1.32', value: false, source: K('1.35.4', 'pkg/printers/internalversion/printers.go printNode') },
      { since: '1.36', value: true, source: K('1.36.3', 'pkg/printers/internalversion/printers.go:2023 "append arch to kernelVersion"; CHANGELOG-1.36 #132402') },
    ],
  },
  'version.compatibilityFields': {
    area: 'version',
    what: '/version carries emulationMajor/emulationMinor (= the binary minor) and minCompatibilityMajor/minCompatibilityMinor (= minor - 1)',
    changes: [
      { since: '1.32', value: false, source: 'k8s.io/apimachinery@v0.32.13/pkg/version/types.go' },
      { since: '1.33', value: true, source: 'k8s.io/apimachinery@v0.33.0/pkg/version/types.go; k8s.io/component-base@v0.37.2/compatibility/version.go effectiveVersion.Info, NewEffectiveVersion (minCompatibility = binary - 1)' },
    ],
  },
} as const satisfies Record<string, VersionedFact<unknown>>;

/** The id of a versioned behaviour fact. */
export type BehaviourId = keyof typeof BEHAVIOURS;
