import { MIRROR_ANNOTATION } from '../kubelet/static-pods.ts';
import { ApiError } from '../../kube/api-errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { SeededRandom } from '../rng.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount): a pod runs as `default` unless
 * it names another ServiceAccount, which must exist; unless automount is switched off (pod or
 * ServiceAccount), it gets the projected `kube-api-access-<5>` volume with the token, the CA and
 * the namespace, mounted read-only at /var/run/secrets/kubernetes.io/serviceaccount.
 */
export function serviceAccountAdmission(store: () => ObjectStore, rng: SeededRandom): AdmissionPlugin {
  return {
    name: 'ServiceAccount',
    admit({ operation, object }) {
      if (operation !== 'CREATE' || object.kind !== 'Pod' || !object.spec) return;
      // A mirror pod stands for a static pod the kubelet runs from a file: no ServiceAccount is added.
      if (object.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return;
      const spec = object.spec;
      spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
      spec.serviceAccount = spec.serviceAccountName;
      const ns = object.metadata.namespace ?? 'default';
      const sa = store().get('ServiceAccount', { namespace: ns, name: spec.serviceAccountName });
      if (!sa) {
        throw new ApiError('Forbidden', 403, `pods "${object.metadata.name}" is forbidden: error looking up service account ${ns}/${spec.serviceAccountName}: serviceaccount "${spec.serviceAccountName}" not found`);
      }
      const automount = spec.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;
      if (!automount || (spec.volumes ?? []).some((v: any) => v.name?.startsWith('kube-api-access-'))) return;
      const name = `kube-api-access-${rng.string(5)}`;
      spec.volumes = [...(spec.volumes ?? []), {
        name,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
        },
      }];
      for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
        c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }];
      }
    },
  };
}
