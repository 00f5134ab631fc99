import { ApiError, invalid, type FieldError } from '../store/errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import { bytes } from '../quantity.ts';
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
    admit({ operation, object, old }) {
      if (object.kind === 'PersistentVolumeClaim') {
        const spec = object.spec ?? (object.spec = {});
        spec.volumeMode ??= 'Filesystem';
        if (operation === 'CREATE') {
          if (spec.storageClassName === undefined) {
            const defaults = store().list('StorageClass').filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true')
              .sort((a, b) => b.metadata.creationTimestamp.localeCompare(a.metadata.creationTimestamp) || a.metadata.name.localeCompare(b.metadata.name));
            if (defaults[0]) spec.storageClassName = defaults[0].metadata.name;
          }
          object.metadata.finalizers = [...new Set([...(object.metadata.finalizers ?? []), 'kubernetes.io/pvc-protection'])];
          object.status ??= { phase: 'Pending' };
        } else if (old) {
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
      if (object.kind === 'PersistentVolume' && operation === 'CREATE') {
        object.metadata.finalizers = [...new Set([...(object.metadata.finalizers ?? []), 'kubernetes.io/pv-protection'])];
        object.spec.persistentVolumeReclaimPolicy ??= 'Retain';
        object.spec.volumeMode ??= 'Filesystem';
        object.status ??= { phase: 'Available' };
      }
      if (object.kind === 'StorageClass') {
        object.reclaimPolicy ??= 'Delete';
        object.volumeBindingMode ??= 'Immediate';
        if (operation === 'UPDATE' && old) {
          const errors: FieldError[] = [];
          for (const f of ['provisioner', 'parameters', 'reclaimPolicy', 'volumeBindingMode']) {
            if (JSON.stringify(object[f] ?? null) !== JSON.stringify(old[f] ?? null)) errors.push({ path: f, text: `Forbidden: updates to ${f} are forbidden.` });
          }
          if (errors.length) throw invalid('StorageClass.storage.k8s.io', object.metadata.name, errors);
        }
      }
    },
  };
}
