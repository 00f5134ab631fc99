import { featureEnabled, type KubernetesVersion } from '../../kube/kubernetes-versions.ts';
import type { AdmissionPlugin } from './admission.ts';

/**
 * The pod strategy's PrepareForCreate merges `matchLabelKeys` (and `mismatchLabelKeys`) into the
 * label selector they go with, as `key In (value)` (`NotIn`) for each key the new pod has as a
 * label (pkg/registry/core/pod/strategy.go mutatePodAffinity, mutateTopologySpreadConstraints,
 * applyLabelKeysToLabelSelector, v1.37.2): pod affinity terms while MatchLabelKeysInPodAffinity is
 * on (1.31 on), topology spread constraints while MatchLabelKeysInPodTopologySpreadSelectorMerge
 * is (1.34 on). A term without a selector selects nothing and stays so. Only at creation; the
 * keys stay in the spec.
 */
export function matchLabelKeysMerge(version: KubernetesVersion): AdmissionPlugin {
  const affinity = featureEnabled(version, 'MatchLabelKeysInPodAffinity');
  const spread = featureEnabled(version, 'MatchLabelKeysInPodTopologySpread') && featureEnabled(version, 'MatchLabelKeysInPodTopologySpreadSelectorMerge');
  return {
    name: 'MatchLabelKeysMerge',
    admit({ object, operation }) {
      if (object.kind !== 'Pod' || operation !== 'CREATE') return;
      const labels: Record<string, string> = object.metadata.labels ?? {};
      if (affinity) {
        for (const kind of ['podAffinity', 'podAntiAffinity']) {
          const terms = object.spec?.affinity?.[kind];
          for (const term of terms?.requiredDuringSchedulingIgnoredDuringExecution ?? []) mergeTerm(term, labels);
          for (const weighted of terms?.preferredDuringSchedulingIgnoredDuringExecution ?? []) mergeTerm(weighted.podAffinityTerm, labels);
        }
      }
      if (spread) for (const constraint of object.spec?.topologySpreadConstraints ?? []) mergeKeys(constraint, constraint?.matchLabelKeys, 'In', labels);
    },
  };
}

function mergeTerm(term: any, labels: Record<string, string>): void {
  mergeKeys(term, term?.matchLabelKeys, 'In', labels);
  mergeKeys(term, term?.mismatchLabelKeys, 'NotIn', labels);
}

function mergeKeys(holder: any, keys: string[] | undefined, operator: 'In' | 'NotIn', labels: Record<string, string>): void {
  if (!keys?.length || !holder.labelSelector) return;
  const selector = holder.labelSelector;
  for (const key of keys) {
    if (key in labels) selector.matchExpressions = [...(selector.matchExpressions ?? []), { key, operator, values: [labels[key]] }];
  }
}
