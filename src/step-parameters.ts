import { durationPattern, parseDuration } from './kube/duration.ts';
import { canonicalKindName, knownKindNames } from './parse/kinds.ts';
import { boundWords } from './assertions/count-bound.ts';
import { parseStatusReason } from './assertions/refusal.ts';
import { ownedSelectionPattern, parseOwnedSelection } from './operations/select-owned.ts';

/** A Cucumber parameter type as data: registered by support/, and written into the editor glue. */
export interface ParameterTypeSpec {
  name: string;
  regexp: RegExp;
  transformer?: (text: string) => unknown;
}

const kindWords = knownKindNames().flatMap((k) => [k, k.toLowerCase()]).sort((a, b) => b.length - a.length);

/**
 * The step grammar's parameter types (DESIGN.md "Step grammar"), defined once. A bad value
 * fails its step with a message saying what was expected.
 */
export const parameterTypes: readonly ParameterTypeSpec[] = [
  { name: 'duration', regexp: durationPattern, transformer: parseDuration },
  // Any capitalised word after the built-in names: the kinds CustomResourceDefinitions add.
  { name: 'kind', regexp: new RegExp([...kindWords, '[A-Z][A-Za-z0-9]*'].join('|')), transformer: canonicalKindName },
  // A kind in the plural ("PersistentVolumes", "pods"): passed on as written; `kubespec check`
  // refuses a word that names no kind, so "there are no Deploymnts" cannot pass.
  { name: 'kinds', regexp: /[A-Za-z][A-Za-z0-9]*/ },
  { name: 'phase', regexp: /Pending|Running|Succeeded|Failed|Unknown/ },
  { name: 'transition', regexp: /created|scheduled|running|ready|not-ready|succeeded|failed|terminating|deleted/ },
  // A status reason in Kubernetes' words (Forbidden, Invalid, ...): any capitalised word, so a
  // misspelt one fails with the list rather than as an undefined step.
  { name: 'reason', regexp: /[A-Z][A-Za-z]*/, transformer: parseStatusReason },
  { name: 'bound', regexp: new RegExp(boundWords.join('|')) },
  // What a Helm step did to a release, in "the upgrade fails with …" (steps/helm.ts).
  { name: 'release-action', regexp: /install|upgrade|rollback|uninstall/ },
  // "the ReplicaSet of Deployment "web" with revision 2": an object selected by its owner.
  { name: 'owned', regexp: ownedSelectionPattern, transformer: parseOwnedSelection },
];
