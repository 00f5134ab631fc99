import { ApiError, invalid, type FieldError } from '../../kube/api-errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { bytes } from '../../kube/quantity.ts';
import type { KubeObject } from '../store/types.ts';
import { canonicalJson } from '../controllers/template-hash.ts';
import type { AdmissionPlugin } from './admission.ts';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

/**
 * Storage admission: DefaultStorageClass (a PVC without storageClassName gets the newest default
 * class), the pvc-protection and pv-protection finalizers, StorageClass immutability, and
 * PersistentVolumeClaimResize (grow only, and only when the class allows expansion).
 */
export function storageAdmission(store: () => ObjectStore): AdmissionPlugin {
  return {
    name: 'Storage',
    admit({ operation, object, old, warnings }) {
      if (object.kind === 'PersistentVolumeClaim') {
        const spec = object.spec ?? (object.spec = {});
        spec.volumeMode ??= 'Filesystem';
        if (operation === 'CREATE') {
          const errors = claimSpecProblems(spec);
          if (errors.length) throw invalid('PersistentVolumeClaim', object.metadata.name, errors);
          if (spec.storageClassName === undefined) {
            const defaults = store().list('StorageClass').filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true')
              .sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
            if (defaults[0]) spec.storageClassName = defaults[0].metadata.name;
          }
          object.metadata.finalizers = [...new Set([...(object.metadata.finalizers ?? []), 'kubernetes.io/pvc-protection'])];
          object.status ??= { phase: 'Pending' };
        } else if (old) {
          if (!sameClaimSpec(old, object)) {
            throw invalid('PersistentVolumeClaim', object.metadata.name, [{ path: 'spec', text: 'Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims' }]);
          }
          const before = bytes(old.spec?.resources?.requests?.storage ?? 0);
          const after = bytes(spec.resources?.requests?.storage ?? 0);
          if (after < before) {
            throw invalid('PersistentVolumeClaim', object.metadata.name, [{ path: 'spec.resources.requests.storage', text: 'Forbidden: field can not be less than status.capacity' }]);
          }
          if (after > before) {
            const cls = store().get('StorageClass', { name: spec.storageClassName ?? '' });
            if (!cls?.allowVolumeExpansion) {
              throw new ApiError('Forbidden', 403, `persistentvolumeclaims "${object.metadata.name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`);
            }
          }
        }
      }
      // GetWarningsForPersistentVolume, on create and update alike.
      if (object.kind === 'PersistentVolume' && object.spec?.persistentVolumeReclaimPolicy === 'Recycle') {
        warnings?.push('spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning.');
      }
      if (object.kind === 'PersistentVolume' && operation === 'CREATE') {
        object.metadata.finalizers = [...new Set([...(object.metadata.finalizers ?? []), 'kubernetes.io/pv-protection'])];
        object.spec.persistentVolumeReclaimPolicy ??= 'Retain';
        object.spec.volumeMode ??= 'Filesystem';
        object.status ??= { phase: 'Available' };
      }
      if (object.kind === 'StorageClass') {
        object.reclaimPolicy ??= 'Delete';
        object.volumeBindingMode ??= 'Immediate';
      }
    },
  };
}

/**
 * ValidatePersistentVolumeClaimUpdate's comparison: a claim's spec stays as created, except the
 * volumeName the binder sets once, and, for a bound claim, the requested storage and the
 * volumeAttributesClassName.
 */
function sameClaimSpec(old: KubeObject, updated: KubeObject): boolean {
  const comparable = (spec: any, bound: boolean, volumeName: unknown) => {
    const copy = structuredClone(spec ?? {});
    if (!old.spec?.volumeName) copy.volumeName = volumeName;
    if (bound) {
      delete copy.volumeAttributesClassName;
      if (copy.resources?.requests) delete copy.resources.requests.storage;
    }
    return canonicalJson(copy);
  };
  const bound = updated.status?.phase === 'Bound';
  return comparable(old.spec, bound, updated.spec?.volumeName) === comparable(updated.spec, bound, updated.spec?.volumeName);
}

const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/** ValidatePersistentVolumeClaimSpec: at least one known access mode, RWOP alone, a storage request. */
function claimSpecProblems(spec: any): FieldError[] {
  const errors: FieldError[] = [];
  const modes: string[] = spec.accessModes ?? [];
  if (modes.length === 0) errors.push({ path: 'spec.accessModes', text: 'Required value: at least 1 access mode is required' });
  for (const mode of modes) {
    if (!ACCESS_MODES.includes(mode)) errors.push({ path: 'spec.accessModes', text: `Unsupported value: ${JSON.stringify(mode)}: supported values: ${ACCESS_MODES.map((m) => `"${m}"`).join(', ')}` });
  }
  if (modes.includes('ReadWriteOncePod') && modes.length > 1) errors.push({ path: 'spec.accessModes', text: 'Forbidden: may not use ReadWriteOncePod with other access modes' });
  if (spec.resources?.requests?.storage === undefined) errors.push({ path: 'spec.resources[storage]', text: 'Required value' });
  return errors;
}
