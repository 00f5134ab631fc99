import type { AdmissionPlugin } from './admission.ts';

const SECONDS = 300;
const keys = ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'];

/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds, reference/scheduling.md §8):
 * a new pod that does not already tolerate the not-ready / unreachable NoExecute taints gets
 * tolerations for them with tolerationSeconds 300, so its pods leave a failed node after 5 minutes.
 */
export const defaultTolerationSeconds: AdmissionPlugin = {
  name: 'DefaultTolerationSeconds',
  admit({ operation, object }) {
    if (operation !== 'CREATE' || object.kind !== 'Pod' || !object.spec) return;
    const tolerations: any[] = object.spec.tolerations ?? [];
    for (const key of keys) {
      const covered = tolerations.some((t) => (t.operator === 'Exists' && !t.key) || (t.key === key && (!t.effect || t.effect === 'NoExecute')));
      if (!covered) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: SECONDS });
    }
    object.spec.tolerations = tolerations;
  },
};
