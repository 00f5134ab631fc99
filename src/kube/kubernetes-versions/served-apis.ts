/**
 * Which group versions and resources a default kube-apiserver serves, per known minor.
 * Group versions: `stableAPIGroupVersionsEnabledByDefault` (+ `genericStable...` from 1.36, when the
 * list was split) in pkg/controlplane/instance.go; beta and alpha group versions are in the
 * `...DisabledByDefault` lists of the same file in every minor here, so a default cluster serves
 * none of them. Resources inside an enabled group version are served only while their feature gate
 * is on; the kinds were read from k8s.io/api@v0.X.Y/<group>/v1/register.go (addKnownTypes).
 */
import type { KnownMinor } from './versions.ts';
import type { FeatureGateName } from './feature-gates.ts';

/** A group version as discovery spells it: `v1` for the core group, else `group/version`. */
export type GroupVersion = string;

const CORE_STABLE: readonly GroupVersion[] = [
  'admissionregistration.k8s.io/v1', 'v1', 'apps/v1', 'authentication.k8s.io/v1', 'authorization.k8s.io/v1',
  'autoscaling/v1', 'autoscaling/v2', 'batch/v1', 'certificates.k8s.io/v1', 'coordination.k8s.io/v1',
  'discovery.k8s.io/v1', 'events.k8s.io/v1', 'networking.k8s.io/v1', 'node.k8s.io/v1', 'policy/v1',
  'rbac.authorization.k8s.io/v1', 'storage.k8s.io/v1', 'scheduling.k8s.io/v1', 'flowcontrol.apiserver.k8s.io/v1',
];

/** A group version that joined (or left) the default-enabled list. */
export interface GroupVersionChange {
  readonly groupVersion: GroupVersion;
  readonly since: KnownMinor;
  readonly source: string;
}

/** Stable group versions added to the default-enabled list after 1.32 (none was removed). */
export const ADDED_GROUP_VERSIONS: readonly GroupVersionChange[] = [
  { groupVersion: 'resource.k8s.io/v1', since: '1.34', source: 'k8s.io/kubernetes@v1.34.4/pkg/controlplane/instance.go stableAPIGroupVersionsEnabledByDefault (resourcev1); CHANGELOG-1.34 #132706 (DRA GA)' },
  { groupVersion: 'storagemigration.k8s.io/v1', since: '1.37', source: 'k8s.io/kubernetes@v1.37.2/pkg/controlplane/instance.go stableAPIGroupVersionsEnabledByDefault (svmv1)' },
];

/** The base list, as it stood in 1.32. */
export const BASE_GROUP_VERSIONS_SOURCE = 'k8s.io/kubernetes@v1.32.13/pkg/controlplane/instance.go stableAPIGroupVersionsEnabledByDefault';
export const BASE_GROUP_VERSIONS: readonly GroupVersion[] = CORE_STABLE;

/** A kind inside an enabled group version that appeared in a later minor, served while its gate is on. */
export interface ServedKindFact {
  readonly groupVersion: GroupVersion;
  readonly kind: string;
  /** The plural resource name (URL path segment). */
  readonly resource: string;
  /** The first minor whose k8s.io/api registers the kind in this group version. */
  readonly since: KnownMinor;
  /** The gate the storage provider checks; the kind is served when it is on by default. */
  readonly gate: FeatureGateName;
  readonly source: string;
}

/** Kinds added to already-served v1 group versions (or to the new ones above) after 1.32. */
export const ADDED_KINDS: readonly ServedKindFact[] = [
  { groupVersion: 'networking.k8s.io/v1', kind: 'ServiceCIDR', resource: 'servicecidrs', since: '1.33', gate: 'MultiCIDRServiceAllocator', source: 'k8s.io/api@v0.33.13/networking/v1/register.go' },
  { groupVersion: 'networking.k8s.io/v1', kind: 'IPAddress', resource: 'ipaddresses', since: '1.33', gate: 'MultiCIDRServiceAllocator', source: 'k8s.io/api@v0.33.13/networking/v1/register.go' },
  { groupVersion: 'storage.k8s.io/v1', kind: 'VolumeAttributesClass', resource: 'volumeattributesclasses', since: '1.34', gate: 'VolumeAttributesClass', source: 'k8s.io/api@v0.34.4/storage/v1/register.go; CHANGELOG-1.34 #131549' },
  { groupVersion: 'resource.k8s.io/v1', kind: 'DeviceClass', resource: 'deviceclasses', since: '1.34', gate: 'DynamicResourceAllocation', source: 'k8s.io/api@v0.34.4/resource/v1/register.go' },
  { groupVersion: 'resource.k8s.io/v1', kind: 'ResourceClaim', resource: 'resourceclaims', since: '1.34', gate: 'DynamicResourceAllocation', source: 'k8s.io/api@v0.34.4/resource/v1/register.go' },
  { groupVersion: 'resource.k8s.io/v1', kind: 'ResourceClaimTemplate', resource: 'resourceclaimtemplates', since: '1.34', gate: 'DynamicResourceAllocation', source: 'k8s.io/api@v0.34.4/resource/v1/register.go' },
  { groupVersion: 'resource.k8s.io/v1', kind: 'ResourceSlice', resource: 'resourceslices', since: '1.34', gate: 'DynamicResourceAllocation', source: 'k8s.io/api@v0.34.4/resource/v1/register.go' },
  { groupVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicy', resource: 'mutatingadmissionpolicies', since: '1.36', gate: 'MutatingAdmissionPolicy', source: 'k8s.io/api@v0.36.3/admissionregistration/v1/register.go; CHANGELOG-1.36 #136039' },
  { groupVersion: 'admissionregistration.k8s.io/v1', kind: 'MutatingAdmissionPolicyBinding', resource: 'mutatingadmissionpolicybindings', since: '1.36', gate: 'MutatingAdmissionPolicy', source: 'k8s.io/api@v0.36.3/admissionregistration/v1/register.go; CHANGELOG-1.36 #136039' },
  { groupVersion: 'certificates.k8s.io/v1', kind: 'ClusterTrustBundle', resource: 'clustertrustbundles', since: '1.37', gate: 'ClusterTrustBundle', source: 'k8s.io/api@v0.37.2/certificates/v1/register.go' },
  { groupVersion: 'certificates.k8s.io/v1', kind: 'PodCertificateRequest', resource: 'podcertificaterequests', since: '1.37', gate: 'PodCertificateRequest', source: 'k8s.io/api@v0.37.2/certificates/v1/register.go; CHANGELOG-1.37 (Pod Certificates GA)' },
  { groupVersion: 'resource.k8s.io/v1', kind: 'DeviceTaintRule', resource: 'devicetaintrules', since: '1.37', gate: 'DRADeviceTaintRules', source: 'k8s.io/api@v0.37.2/resource/v1/register.go' },
  { groupVersion: 'storagemigration.k8s.io/v1', kind: 'StorageVersionMigration', resource: 'storageversionmigrations', since: '1.37', gate: 'StorageVersionMigrator', source: 'k8s.io/api@v0.37.2/storagemigration/v1/register.go' },
];
