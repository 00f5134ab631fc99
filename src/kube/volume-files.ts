import type { KubeObject } from './object.ts';

// What a pod's ConfigMap, Secret and downwardAPI volumes show inside its containers. The
// simulated kubelet writes these files; the live driver computes them to check what a real
// kubelet projected. Both read the same rules from here.

/** Finds a ConfigMap or Secret in the pod's namespace. */
export type ObjectLookup = (kind: 'ConfigMap' | 'Secret', name: string) => KubeObject | undefined;

/** base64 → UTF-8 text, without Node's Buffer (the simulator, which uses this, is free of Node APIs). */
const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)));

/** A ConfigMap's `data`, or a Secret's `data` decoded from base64: key → text. */
export function configValues(obj: KubeObject): Record<string, string> {
  if (obj.kind === 'Secret') return Object.fromEntries(Object.entries<string>(obj.data ?? {}).map(([k, v]) => [k, decode(v)]));
  return { ...(obj.data ?? {}) };
}

/** The files a configMap/secret volume shows at `mountPath` (items rename keys; no items = every key). */
export function volumeFiles(pod: KubeObject, container: any, lookup: ObjectLookup): Record<string, string> {
  const files: Record<string, string> = {};
  for (const mount of container.volumeMounts ?? []) {
    const v = (pod.spec?.volumes ?? []).find((x: any) => x.name === mount.name);
    if (v?.downwardAPI) {
      for (const item of v.downwardAPI.items ?? []) {
        const content = downwardValue(pod, item);
        if (content !== undefined) files[`${mount.mountPath.replace(/\/$/, '')}/${item.path}`] = content;
      }
      continue;
    }
    const src = v?.configMap ?? v?.secret;
    if (!src) continue;
    const obj = lookup(v.configMap ? 'ConfigMap' : 'Secret', v.configMap ? src.name : src.secretName);
    if (!obj) continue;
    const data = configValues(obj);
    const entries: Array<[string, string]> = src.items?.length ? src.items.map((i: any) => [i.path, data[i.key] ?? '']) : Object.entries(data);
    for (const [path, content] of entries) {
      const full = `${mount.mountPath.replace(/\/$/, '')}/${path}`;
      if (mount.subPath) {
        if (path === mount.subPath) files[mount.mountPath] = content;
      } else {
        files[full] = content;
      }
    }
  }
  return files;
}

/**
 * A downwardAPI volume file (pkg/volume/downwardapi): labels and annotations as sorted
 * `key="value"` lines (fieldpath.FormatMap), other fields as their value; read from the pod as
 * it is now, so label changes show up in the file.
 */
function downwardValue(pod: KubeObject, item: any): string | undefined {
  const field: string | undefined = item.fieldRef?.fieldPath;
  if (field === 'metadata.labels' || field === 'metadata.annotations') {
    const map: Record<string, string> = (field === 'metadata.labels' ? pod.metadata.labels : pod.metadata.annotations) ?? {};
    return Object.keys(map).sort().map((k) => `${k}=${JSON.stringify(map[k])}`).join('\n');
  }
  if (field === 'metadata.name') return pod.metadata.name;
  if (field === 'metadata.namespace') return pod.metadata.namespace;
  if (field === 'metadata.uid') return pod.metadata.uid;
  const labelKey = /^metadata\.labels\['(.+)'\]$/.exec(field ?? '')?.[1];
  if (labelKey) return pod.metadata.labels?.[labelKey] ?? '';
  // resourceFieldRef files (limits.cpu, ...) are not modelled.
  return undefined;
}
