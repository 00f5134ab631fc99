import { KubespecAssertionError } from '../assertions/errors.ts';
import { WaitTimeoutAssertionError, type Driver, type KubeObject, type ObjectRef } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import { canonicalKindName, closestKind, knownKindNames } from '../parse/kinds.ts';

/**
 * Objects with generated names, selected by owner: "the ReplicaSet of Deployment "web" with
 * revision 2", "the pod of Job "pi" with completion index 1", "the newest pod of DaemonSet
 * "agent" on node "worker-2"". Ownership is read from metadata.ownerReferences, through one
 * object between where the kinds are not owned directly (a Deployment's pods are owned by its
 * ReplicaSets, a CronJob's pods by its Jobs).
 */
export interface OwnedSelection {
  /** The phrase as written, for messages. */
  phrase: string;
  kind: string;
  owner: { kind: string; name: string };
  /** Of several that match, the one created last or first (creationTimestamp, to the second). */
  pick?: 'newest' | 'oldest';
  /** deployment.kubernetes.io/revision (ReplicaSets, and pods through theirs) or a ControllerRevision's revision. */
  revision?: number;
  /** batch.kubernetes.io/job-completion-index of an Indexed Job's pod. */
  completionIndex?: number;
  node?: string;
}

const qualifier = ` (?:with revision \\d+|with completion index \\d+|on node "[^"]*")`;

/** The `{owned}` step parameter's regular expression: a selection phrase, good or bad. */
export const ownedSelectionPattern = new RegExp(`the (?:(?:newest|oldest) )?(?:pod|[A-Z][A-Za-z0-9]*) of [A-Za-z][A-Za-z0-9]* "[^"]*"(?:${qualifier})*`);

/** Reads a selection phrase; throws a UserError naming what is wrong with it. */
export function parseOwnedSelection(phrase: string): OwnedSelection {
  const m = /^the (?:(newest|oldest) )?(\S+) of (\S+) "([^"]*)"(.*)$/.exec(phrase);
  if (!m) throw new UserError(`"${phrase}" is not a selection (try: the ReplicaSet of Deployment "web" with revision 2)`);
  const [, pick, kindWord, ownerWord, ownerName, rest] = m;
  const kind = kindIn(phrase, kindWord!);
  const owner = { kind: kindIn(phrase, ownerWord!), name: ownerName! };
  if (owner.name === '') throw new UserError(`"${phrase}": the owner's name is empty`);
  const selection: OwnedSelection = { phrase, kind, owner, ...(pick ? { pick: pick as 'newest' | 'oldest' } : {}) };
  for (const q of rest!.matchAll(/ (?:with revision (\d+)|with completion index (\d+)|on node "([^"]*)")/g)) {
    const [text, revision, index, node] = q;
    const field = revision !== undefined ? 'revision' : index !== undefined ? 'completionIndex' : 'node';
    if (selection[field] !== undefined) throw new UserError(`"${phrase}" says "${text!.trim()}" twice`);
    if (revision !== undefined) selection.revision = Number(revision);
    if (index !== undefined) selection.completionIndex = Number(index);
    if (node !== undefined) selection.node = node;
  }
  if (selection.revision === 0) throw new UserError(`"${phrase}": revisions count from 1`);
  return selection;
}

/**
 * A kind named in a selection. A word that is no known kind but one or two letters from one is a
 * misspelling ("Deploymnt"); any other unknown word may be a CustomResourceDefinition's kind.
 */
function kindIn(phrase: string, word: string): string {
  const kind = canonicalKindName(word);
  const known = knownKindNames();
  if (known.includes(kind)) return kind;
  const guess = closestKind(word, known);
  if (guess) throw new UserError(`"${phrase}": unknown kind "${word}" (did you mean ${guess}?)`);
  return kind;
}

/** What a selection found: the one object, or why not (none, several). */
export type Selected = { ok: true; ref: ObjectRef } | { ok: false; message: string };

/**
 * The one object a selection names, from the cluster as it is now. Not found when the owner is
 * missing or nothing it owns matches; ambiguous when several match (and `newest`/`oldest` cannot
 * tell them apart): the message lists what the owner has, so the author can add a qualifier.
 */
export async function selectOwned(driver: Driver, sel: OwnedSelection): Promise<Selected> {
  const owner = await driver.get({ kind: sel.owner.kind, name: sel.owner.name });
  if (!owner) return { ok: false, message: `${sel.phrase}: ${sel.owner.kind} "${sel.owner.name}" not found` };
  const owned = await ownedBy(driver, sel.kind, owner);
  if (owned.objects.length === 0) return { ok: false, message: `${sel.phrase}: ${sel.owner.kind} "${sel.owner.name}" owns no ${sel.kind}` };
  const matching = owned.objects.filter((o) =>
    (sel.revision === undefined || revisionOf(o, owned.parents) === sel.revision)
    && (sel.completionIndex === undefined || o.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] === String(sel.completionIndex))
    && (sel.node === undefined || o.spec?.nodeName === sel.node));
  const list = (objects: KubeObject[]) => objects.map((o) => describe(o, sel, owned.parents)).join(', ');
  if (matching.length === 0) return { ok: false, message: `${sel.phrase}: none matches; ${sel.owner.kind} "${sel.owner.name}" has ${list(owned.objects)}` };
  let chosen = matching;
  if (sel.pick) {
    const times = matching.map((o) => String(o.metadata.creationTimestamp ?? ''));
    const best = sel.pick === 'newest' ? times.reduce((a, b) => (b > a ? b : a)) : times.reduce((a, b) => (b < a ? b : a));
    chosen = matching.filter((o) => String(o.metadata.creationTimestamp ?? '') === best);
    if (chosen.length > 1) return { ok: false, message: `${sel.phrase}: ${chosen.length} were created in the same second (${best}), so none is the ${sel.pick}: ${list(chosen)}` };
  }
  if (chosen.length > 1) return { ok: false, message: `${sel.phrase}: ${chosen.length} match (${list(chosen)}); say which (newest, oldest, with revision N, with completion index N, on node "N")` };
  return { ok: true, ref: { kind: sel.kind, name: chosen[0]!.metadata.name } };
}

/**
 * The objects of `kind` the owner owns (any ownerReference with its uid), not terminating; where
 * none is owned directly, those owned by an object the owner owns (one level between).
 */
export async function ownedBy(driver: Driver, kind: string, owner: KubeObject): Promise<{ objects: KubeObject[]; parents: Map<string, KubeObject> }> {
  const all = (await driver.list(kind)).filter((o) => !o.metadata.deletionTimestamp);
  const refsTo = (o: KubeObject, uids: Set<string>) => (o.metadata.ownerReferences ?? []).some((r) => uids.has(r.uid));
  const direct = all.filter((o) => refsTo(o, new Set([owner.metadata.uid!])));
  const parents = new Map<string, KubeObject>();
  if (direct.length > 0) return { objects: sortByCreation(direct), parents };
  const between = new Set(all.flatMap((o) => (o.metadata.ownerReferences ?? []).map((r) => r.kind)));
  between.delete(owner.kind);
  for (const k of [...between].sort()) {
    for (const mid of await driver.list(k)) if (refsTo(mid, new Set([owner.metadata.uid!]))) parents.set(mid.metadata.uid!, mid);
  }
  return { objects: sortByCreation(all.filter((o) => refsTo(o, new Set(parents.keys())))), parents };
}

function revisionOf(o: KubeObject, parents: Map<string, KubeObject>): number | undefined {
  const own = o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? (o.kind === 'ControllerRevision' || typeof o.revision === 'number' ? o.revision : undefined);
  if (own !== undefined) return Number(own);
  const parent = (o.metadata.ownerReferences ?? []).map((r) => parents.get(r.uid)).find(Boolean);
  const theirs = parent?.metadata.annotations?.['deployment.kubernetes.io/revision'];
  return theirs === undefined ? undefined : Number(theirs);
}

/** `web-7d4f (revision 2)`, `pi-0-x2f (completion index 0, node worker-1)`: what a qualifier could use. */
function describe(o: KubeObject, sel: OwnedSelection, parents: Map<string, KubeObject>): string {
  const facts: string[] = [];
  const revision = revisionOf(o, parents);
  if (revision !== undefined) facts.push(`revision ${revision}`);
  const index = o.metadata.annotations?.['batch.kubernetes.io/job-completion-index'];
  if (index !== undefined) facts.push(`completion index ${index}`);
  if (o.spec?.nodeName) facts.push(`node ${o.spec.nodeName}`);
  if (sel.pick) facts.push(`created ${o.metadata.creationTimestamp}`);
  return `${o.metadata.name}${facts.length ? ` (${facts.join(', ')})` : ''}`;
}

function sortByCreation(objects: KubeObject[]): KubeObject[] {
  return [...objects].sort((a, b) => String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || a.metadata.name.localeCompare(b.metadata.name));
}

/**
 * The object a step's owner selection names, for the step to act on: now, or (a step with
 * `within`) as soon as exactly one matches, up to `within`. `podOnly` for steps about a pod.
 * Throws a KubespecAssertionError saying what the selection found instead.
 */
export async function resolveOwned(driver: Driver, sel: OwnedSelection, podOnly: boolean, within: number | undefined): Promise<ObjectRef> {
  if (podOnly && sel.kind !== 'Pod') throw new UserError(`"${sel.phrase}" selects a ${sel.kind}, and this step is about a pod`);
  let last: Selected = await selectOwned(driver, sel);
  if (!last.ok && within !== undefined) {
    try {
      await driver.waitFor(`${sel.phrase} to exist`, async () => ((last = await selectOwned(driver, sel)).ok ? true : undefined), within);
    } catch (e) {
      if (!(e instanceof WaitTimeoutAssertionError)) throw e;
    }
  }
  if (!last.ok) throw new KubespecAssertionError(last.message);
  return last.ref;
}
