import { featureEnabled, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * Defaults that depend on the simulated release's feature gates (defaulting.ts holds the rest):
 * a StatefulSet's rollingUpdate.maxUnavailable is 1 while MaxUnavailableStatefulSet is on, on by
 * default from 1.37 (pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet). The controller still
 * replaces one pod at a time, which is what the default of 1 means.
 */
export function releaseDefaults(version: KubernetesVersion): AdmissionPlugin {
  const maxUnavailable = featureEnabled(version, 'MaxUnavailableStatefulSet');
  return {
    name: 'ReleaseDefaults',
    admit({ object }) {
      const strategy = object.kind === 'StatefulSet' ? object.spec?.updateStrategy : undefined;
      if (maxUnavailable && strategy?.type === 'RollingUpdate' && strategy.rollingUpdate) strategy.rollingUpdate.maxUnavailable ??= 1;
    },
  };
}
