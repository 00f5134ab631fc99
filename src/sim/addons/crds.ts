import type { ObjectInput } from '../store/types.ts';
import { certManagerDefinitions } from './cert-manager/crds.ts';
import { istioDefinitions } from './istio/crds.ts';
import { vpaDefinition } from './vpa/index.ts';

/**
 * The CustomResourceDefinitions an add-on installs, by the name `installAddOn` takes: what
 * `kubespec check` counts as known kinds in a feature that installs the add-on.
 */
export function addOnDefinitions(name: 'cert-manager' | 'istio' | 'vertical-pod-autoscaler'): ObjectInput[] {
  if (name === 'cert-manager') return certManagerDefinitions();
  if (name === 'istio') return istioDefinitions();
  return [vpaDefinition()];
}
