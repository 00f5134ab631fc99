import { ApiError } from '../../kube/api-errors.ts';

/**
 * Server-side apply converts the applied configuration to its typed schema before anything else,
 * so a wrongly typed value fails there, with the structured-merge-diff wording
 * (apimachinery managedfields/internal/structuredmerge.go) rather than the JSON decoder's that a
 * create or update gets. Only what the simulator's schemas know is checked: ConfigMap and Secret
 * data values, which must be strings.
 */
export function checkApplyTypes(object: { apiVersion?: string; kind: string; metadata?: { name?: string; namespace?: string }; data?: unknown }): void {
  if ((object.kind !== 'ConfigMap' && object.kind !== 'Secret') || !object.data || typeof object.data !== 'object') return;
  for (const [key, value] of Object.entries(object.data)) {
    if (typeof value === 'number' || typeof value === 'boolean') {
      const [group, version] = (object.apiVersion ?? 'v1').includes('/') ? object.apiVersion!.split('/') : ['', object.apiVersion ?? 'v1'];
      const where = `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}; ${group}/${version}, Kind=${object.kind}`;
      // Not a Status error in the apiserver: it answers 500 with the bare message.
      throw new ApiError('InternalError', 500, `failed to create typed patch object (${where}): .data.${key}: expected string, got &value.valueUnstructured{Value:${value}}`);
    }
  }
}
