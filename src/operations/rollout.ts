import type { Driver, KubeObject, ObjectRef } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';

const REVISION = 'deployment.kubernetes.io/revision';

/**
 * Client-side rollout operations, done the way kubectl does them, so they behave the same on
 * every driver: `kubectl set image`, `rollout undo`, `rollout pause|resume`.
 */

/** `kubectl set image <kind>/<name> <container>=<image>`; without a container name, every container. */
export async function setImage(driver: Driver, ref: ObjectRef, image: string, container?: string): Promise<void> {
  const obj = await mustGet(driver, ref);
  const containers: any[] = obj.spec?.template?.spec?.containers ?? [];
  const names = container ? [container] : containers.map((c) => c.name);
  if (container && !containers.some((c) => c.name === container)) {
    throw new UserError(`${ref.kind} "${ref.name}" has no container "${container}" (it has ${containers.map((c) => c.name).join(', ')})`);
  }
  await driver.patch(ref, { spec: { template: { spec: { containers: names.map((name) => ({ name, image })) } } } });
}

/**
 * `kubectl rollout undo deployment/<name> [--to-revision=N]`: copies the template of the
 * ReplicaSet at that revision (default: the one before the current) into the Deployment.
 */
export async function rollBack(driver: Driver, name: string, toRevision?: number): Promise<number> {
  const d = await mustGet(driver, { kind: 'Deployment', name });
  const sets = (await driver.list('ReplicaSet')).filter((rs) => rs.metadata.ownerReferences?.some((r) => r.uid === d.metadata.uid));
  const byRevision = sets.map((rs) => ({ rs, revision: Number(rs.metadata.annotations?.[REVISION] ?? 0) })).sort((a, b) => b.revision - a.revision);
  const current = Number(d.metadata.annotations?.[REVISION] ?? 0);
  const target = toRevision !== undefined
    ? byRevision.find((x) => x.revision === toRevision)
    : byRevision.find((x) => x.revision < current);
  if (!target) {
    throw new UserError(toRevision !== undefined ? `unable to find specified revision ${toRevision} in history` : 'no rollout history found for deployment "' + name + '"');
  }
  const template = structuredClone(target.rs.spec.template);
  delete template.metadata?.labels?.['pod-template-hash'];
  await driver.patch({ kind: 'Deployment', name }, { spec: { template } }, 'merge');
  return target.revision;
}

export async function setPaused(driver: Driver, ref: ObjectRef, paused: boolean): Promise<void> {
  await driver.patch(ref, { spec: { paused } }, 'merge');
}

/** `kubectl rollout status`: done when the new set is fully rolled out and old pods are gone. */
export function rolloutDone(d: KubeObject): { done: boolean; reason: string } {
  const s = d.status ?? {};
  const replicas = d.spec?.replicas ?? 1;
  if ((d.metadata.generation ?? 0) > (s.observedGeneration ?? 0)) return { done: false, reason: 'Waiting for deployment spec update to be observed...' };
  const progressing = (s.conditions ?? []).find((c: any) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') return { done: false, reason: `deployment "${d.metadata.name}" exceeded its progress deadline` };
  const updated = s.updatedReplicas ?? 0;
  if (updated < replicas) return { done: false, reason: `Waiting for deployment "${d.metadata.name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...` };
  if ((s.replicas ?? 0) > updated) return { done: false, reason: `Waiting for deployment "${d.metadata.name}" rollout to finish: ${(s.replicas ?? 0) - updated} old replicas are pending termination...` };
  if ((s.availableReplicas ?? 0) < updated) return { done: false, reason: `Waiting for deployment "${d.metadata.name}" rollout to finish: ${s.availableReplicas ?? 0} of ${updated} updated replicas are available...` };
  return { done: true, reason: `deployment "${d.metadata.name}" successfully rolled out` };
}

async function mustGet(driver: Driver, ref: ObjectRef): Promise<KubeObject> {
  const obj = await driver.get(ref);
  if (!obj) throw new UserError(`${ref.kind} "${ref.name}" not found`);
  return obj;
}
