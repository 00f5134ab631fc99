import { createHash } from 'node:crypto';
import type { EventRecorder } from '../../events.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../../store/types.ts';
import type { Controller, ReconcileResult } from '../../controllers/controller.ts';
import type { ControllerManager } from '../../controllers/manager.ts';
import { ownKey } from '../../controllers/controller.ts';

const COMPONENT = 'reloader';
const WORKLOADS = ['Deployment', 'StatefulSet', 'DaemonSet'] as const;
type Source = 'ConfigMap' | 'Secret';
const POSTFIX: Record<Source, string> = { ConfigMap: 'CONFIGMAP', Secret: 'SECRET' };
const PREFIX: Record<Source, string> = { ConfigMap: 'configmap', Secret: 'secret' };

/** Reloader's ConvertToEnvVarName: upper case, each run of other characters one `_` (none leading). */
export function envVarName(text: string): string {
  let out = '';
  let lastValid = false;
  for (const ch of text.toUpperCase()) {
    if (/[A-Z0-9]/.test(ch)) {
      out += ch;
      lastValid = true;
    } else {
      if (lastValid) out += '_';
      lastValid = false;
    }
  }
  return out;
}

/** Reloader's GetSHAfromConfigmap / GetSHAfromSecret: SHA-512/256 of the sorted `key=value` pairs joined by `;`. */
export function dataHash(object: KubeObject): string {
  const decoded = object.kind === 'Secret';
  const values = [
    ...Object.entries(object.data ?? {}).map(([k, v]) => `${k}=${decoded ? Buffer.from(String(v), 'base64').toString() : v}`),
    ...Object.entries(object.binaryData ?? {}).map(([k, v]) => `${k}=${v}`),
  ].sort();
  return createHash('sha512-256').update(values.join(';')).digest('hex');
}

/** Whether a pod template's container (or its volumes) use the named ConfigMap or Secret. */
function usesSource(template: any, container: any, kind: Source, name: string): boolean {
  const ref = kind === 'ConfigMap' ? 'configMapKeyRef' : 'secretKeyRef';
  const fromRef = kind === 'ConfigMap' ? 'configMapRef' : 'secretRef';
  if ((container.env ?? []).some((e: any) => e.valueFrom?.[ref]?.name === name)) return true;
  if ((container.envFrom ?? []).some((e: any) => e[fromRef]?.name === name)) return true;
  const mounted = new Set((container.volumeMounts ?? []).map((m: any) => m.name));
  return (template.spec?.volumes ?? []).some((v: any) => mounted.has(v.name) && volumeUses(v, kind, name));
}

function volumeUses(volume: any, kind: Source, name: string): boolean {
  if (kind === 'ConfigMap' && volume.configMap?.name === name) return true;
  if (kind === 'Secret' && volume.secret?.secretName === name) return true;
  const field = kind === 'ConfigMap' ? 'configMap' : 'secret';
  return (volume.projected?.sources ?? []).some((s: any) => s[field]?.name === name);
}

const listed = (text: string | undefined, name: string) => (text ?? '').split(',').map((s) => s.trim()).includes(name);

/**
 * Stakater Reloader with its default `env-vars` strategy: when a ConfigMap's or Secret's data
 * changes (its hash, not its metadata; creations are not reloads), each Deployment, StatefulSet
 * and DaemonSet of the namespace that asks for it gets `STAKATER_<NAME>_CONFIGMAP` (or
 * `_SECRET`) set to the new hash in the containers that use it (the first container when none
 * does), which rolls it out. A workload asks with `reloader.stakater.com/auto: "true"` (any
 * source its template uses), `configmap.reloader.stakater.com/auto` / `secret.…/auto` (that kind
 * only), or `configmap.reloader.stakater.com/reload: "a,b"` / `secret.…/reload` (those names).
 */
export class ReloaderController implements Controller {
  readonly name = 'reloader';
  private readonly hashes = new Map<string, string>();

  constructor(private readonly kind: Source, private readonly store: ObjectStore, private readonly events: EventRecorder) {
    for (const source of store.list(kind)) this.hashes.set(source.metadata.uid!, dataHash(source));
  }

  reconcile(key: ObjectKey): ReconcileResult {
    const source = this.store.get(this.kind, key);
    if (!source) return {};
    const hash = dataHash(source);
    const before = this.hashes.get(source.metadata.uid!);
    this.hashes.set(source.metadata.uid!, hash);
    if (before === undefined || before === hash) return {};
    const name = source.metadata.name;
    const envName = `STAKATER_${envVarName(name)}_${POSTFIX[this.kind]}`;
    for (const kind of WORKLOADS) {
      for (const workload of this.store.list(kind, { namespace: key.namespace })) {
        const template = workload.spec?.template ?? {};
        const containers: any[] = template.spec?.containers ?? [];
        const annotations = workload.metadata.annotations ?? {};
        const explicit = listed(annotations[`${PREFIX[this.kind]}.reloader.stakater.com/reload`], name);
        const auto = annotations['reloader.stakater.com/auto'] === 'true' || annotations[`${PREFIX[this.kind]}.reloader.stakater.com/auto`] === 'true';
        const using = containers.filter((c) => usesSource(template, c, this.kind, name));
        if (!explicit && !(auto && using.length)) continue;
        const targets = new Set((using.length ? using : containers.slice(0, 1)).map((c) => c.name));
        const next = containers.map((c) => (targets.has(c.name) ? { ...c, env: [...(c.env ?? []).filter((e: any) => e.name !== envName), { name: envName, value: hash }] } : c));
        this.store.update({ ...workload, spec: { ...workload.spec, template: { ...template, spec: { ...template.spec, containers: next } } } });
        this.events.record(COMPONENT, workload, 'Normal', 'Reloaded', `Changes detected in '${name}' of type '${POSTFIX[this.kind]}' in namespace '${key.namespace}'; updated '${workload.metadata.name}' of type '${kind}' in namespace '${key.namespace}'`);
      }
    }
    return {};
  }
}

/** Installs the simulated Reloader: one controller per source kind, hashing what exists now. */
export function installReloader(parts: { store: ObjectStore; events: EventRecorder; manager: ControllerManager }): void {
  for (const kind of ['ConfigMap', 'Secret'] as const) parts.manager.register(new ReloaderController(kind, parts.store, parts.events), [{ kind, keys: ownKey }]);
}
