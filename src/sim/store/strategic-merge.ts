/**
 * Strategic merge patch, the subset kubectl uses every day (reference/api-machinery.md §6):
 * maps merge recursively, `null` deletes a field, lists with a patch merge key (containers by
 * name, ports by containerPort, ...) merge item by item, other lists are replaced. Directives
 * such as `$patch: delete` and `$retainKeys` are not supported yet.
 */
export const mergeKeys: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  conditions: 'type',
  containerStatuses: 'name',
  initContainerStatuses: 'name',
  imagePullSecrets: 'name',
  taints: 'key',
  addresses: 'type',
  volumeClaimTemplates: 'name',
  tolerations: 'key',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};

export function strategicMerge(target: unknown, patch: unknown, field = ''): unknown {
  if (!isObject(patch)) return patch;
  if (Array.isArray(patch)) return mergeList(Array.isArray(target) ? target : [], patch, field);
  const out: Record<string, unknown> = isObject(target) && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicMerge(out[k], v, k);
  }
  return out;
}

/** RFC 7386 JSON merge patch: maps merge, null deletes, lists are replaced. */
export function jsonMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = jsonMerge(out[k], v);
  }
  return out;
}

function mergeList(target: unknown[], patch: unknown[], field: string): unknown[] {
  const key = mergeKeys[field];
  if (!key || !patch.every((p) => isObject(p) && (p as any)[key] !== undefined)) return patch;
  const out = [...target];
  for (const item of patch) {
    const i = out.findIndex((t) => isObject(t) && (t as any)[key] === (item as any)[key]);
    if (i >= 0) out[i] = strategicMerge(out[i], item, '');
    else out.push(item);
  }
  return out;
}

function isObject(v: unknown): v is object {
  return typeof v === 'object' && v !== null;
}
