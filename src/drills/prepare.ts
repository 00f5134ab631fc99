import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeConfig } from '@kubernetes/client-node';
import { RestClient, resourcePath } from '../drivers/live/rest-client.ts';
import { ApiError, canonicalKind, kindInfo } from '../sim/index.ts';
import type { Manifest } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import type { Drill } from './drill.ts';

/** How long preparing waits for a namespace to be usable or to go away (wall time). */
const WAIT_MS = 60_000;
const POLL_MS = 200;

/**
 * Puts a drill's starting state on a cluster: its namespace (labelled with the drill), the
 * namespaces its setup names, then the setup objects, created as `kubectl create -f` would, so
 * the learner finds them as someone left them; a Node in the setup is merged into the
 * topology's node of that name. Waits for each namespace's default
 * ServiceAccount, which pods need before they can be created.
 */
export async function prepareDrill(kc: KubeConfig, drill: Drill): Promise<void> {
  const rest = new RestClient(kc);
  const namespaces = drillNamespaces(drill);
  const declared = new Set(drill.setup.filter((m) => m.kind === 'Namespace').map((m) => m.metadata.name!));
  for (const name of namespaces) {
    if (declared.has(name)) continue;
    await createObject(rest, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubespec.io/drill': drill.id } } }, drill);
  }
  for (const m of drill.setup.filter((x) => x.kind === 'Namespace')) await createObject(rest, m, drill);
  for (const name of namespaces) {
    await waitUntil(`the default ServiceAccount of namespace "${name}"`, async () => (await read(rest, 'ServiceAccount', 'default', name)) !== undefined);
  }
  for (const m of drill.setup.filter((x) => x.kind !== 'Namespace')) await createObject(rest, m, drill);
}

/**
 * Takes a drill back to its starting state. A served cluster starts over empty (its reset
 * endpoint); on a live cluster the drill's namespaces and the cluster-scoped objects its setup
 * made are deleted and awaited. Then the setup is applied again.
 */
export async function resetDrills(kc: KubeConfig, drills: Drill[]): Promise<'served' | 'live'> {
  const rest = new RestClient(kc);
  const served = await rest.request('GET', '/kubespec/v1/clock').then(() => true, () => false);
  if (served) await rest.request('POST', '/kubespec/v1/reset');
  else {
    for (const drill of drills) {
      const clusterScoped = drill.setup.filter((m) => !infoOf(m.kind, drill).namespaced && m.kind !== 'Namespace');
      for (const m of clusterScoped) await remove(rest, m.kind, m.metadata.name!);
      for (const name of drillNamespaces(drill)) await remove(rest, 'Namespace', name);
      for (const name of drillNamespaces(drill)) {
        await waitUntil(`namespace "${name}" to be deleted`, async () => (await read(rest, 'Namespace', name)) === undefined);
      }
    }
  }
  for (const drill of drills) await prepareDrill(kc, drill);
  return served ? 'served' : 'live';
}

/** The drill's namespace first, then every other namespace its setup puts objects in. */
export function drillNamespaces(drill: Drill): string[] {
  const named = drill.setup.flatMap((m) => (m.kind === 'Namespace' ? [m.metadata.name!] : m.metadata.namespace ? [m.metadata.namespace] : []));
  return [...new Set([drill.namespace, ...named])];
}

async function createObject(rest: RestClient, m: Manifest, drill: Drill): Promise<void> {
  const info = infoOf(m.kind, drill);
  // Nodes are the cluster's: a setup can only change them (a cordon, a taint, a label).
  if (info.kind === 'Node') return changeNode(rest, m, drill);
  const namespace = info.namespaced ? m.metadata.namespace ?? drill.namespace : undefined;
  const body = { ...m, metadata: { ...m.metadata, ...(namespace ? { namespace } : {}) } };
  try {
    await rest.request('POST', resourcePath(info, namespace), { body });
  } catch (e) {
    if (e instanceof ApiError) {
      // The object is there already (a second start on the same cluster): the setup is in place.
      if (e.code === 409 && e.reason === 'AlreadyExists') return;
      throw new UserError(`drill "${drill.id}": setup.yaml: ${m.kind} "${m.metadata.name}": ${e.message}`);
    }
    throw unreachable(e);
  }
}

async function changeNode(rest: RestClient, m: Manifest, drill: Drill): Promise<void> {
  const { apiVersion: _a, kind: _k, ...change } = m;
  try {
    await rest.request('PATCH', resourcePath(infoOf('Node', drill), undefined, m.metadata.name), { body: change, contentType: 'application/merge-patch+json' });
  } catch (e) {
    if (e instanceof ApiError) throw new UserError(`drill "${drill.id}": setup.yaml: Node "${m.metadata.name}": ${e.message} (a setup changes the topology's nodes, it cannot add one)`);
    throw unreachable(e);
  }
}

async function read(rest: RestClient, kind: string, name: string, namespace?: string): Promise<unknown> {
  try {
    return await rest.request('GET', resourcePath(kindInfo(kind)!, namespace, name));
  } catch (e) {
    if (e instanceof ApiError && e.code === 404) return undefined;
    throw e instanceof ApiError ? e : unreachable(e);
  }
}

async function remove(rest: RestClient, kind: string, name: string): Promise<void> {
  await rest.request('DELETE', resourcePath(kindInfo(canonicalKind(kind) ?? kind)!, undefined, name)).catch((e) => {
    if (!(e instanceof ApiError && e.code === 404)) throw e;
  });
}

async function waitUntil(what: string, done: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await done())) {
    if (Date.now() > deadline) throw new UserError(`timed out after ${WAIT_MS / 1000}s waiting for ${what}`);
    await sleep(POLL_MS);
  }
}

function infoOf(kind: string, drill: Drill) {
  const info = kindInfo(canonicalKind(kind) ?? kind);
  if (!info) throw new UserError(`drill "${drill.id}": setup.yaml: no kind "${kind}" is known`);
  return info;
}

function unreachable(e: unknown): Error {
  return new UserError(`cannot reach the drill's cluster (${(e as Error).message}): is \`kubespec drill start\` still running?`);
}
