import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { generateMessages } from '@cucumber/gherkin';
import { parse as parseTagExpression } from '@cucumber/tag-expressions';
import type { GherkinDocument, Pickle, PickleStep, SourceMediaType } from '@cucumber/messages';
import type { ISupportCodeLibrary } from '@cucumber/cucumber/api';
import type { Manifest } from '../drivers/driver.ts';
import { combineFootprints, SERIAL_TAG, stepFootprint, type Footprint } from '../drivers/live/cluster-footprint.ts';
import { NAMESPACE_PLACEHOLDER } from '../define-steps.ts';
import { UserError } from '../errors.ts';
import { parseYamlDocuments } from '../manifests/load-manifests.ts';
import { canonicalKindName, closestKind, knownKindNames, singularsOf } from '../parse/kinds.ts';
import { patternsOf, type StepSpec } from '../step-catalog.ts';
import { suggestSteps } from './suggest-steps.ts';

/**
 * `kubespec check`: what can be known of features before any scenario runs (issue 27). Gherkin
 * syntax, keywords written without their colon (Gherkin reads them as description text, so the
 * scenario silently vanishes), undefined and ambiguous steps, kinds (with "did you mean"),
 * durations, the steps' own prechecks (manifest files, quantities), tags and an empty
 * selection. Each problem names file:line:column; all are reported together.
 */
export interface CheckProblem {
  /** A file relative to the project, or a flag (`--tags`) for problems of the command line. */
  uri: string;
  line?: number;
  column?: number;
  message: string;
}

/** `file:line:column: message`, the form editors and terminals turn into links. */
export function problemText(p: CheckProblem): string {
  return p.line ? `${p.uri}:${p.line}:${p.column ?? 1}: ${p.message}` : `${p.uri}: ${p.message}`;
}

/** What `kubespec run` throws when the check finds problems: nothing has been executed. */
export class CheckFailedError extends UserError {
  constructor(readonly problems: readonly CheckProblem[]) {
    super(problems.map(problemText).join('\n'));
    this.name = 'CheckFailedError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

export interface StaticCheckInput {
  /** The project root: problem paths are relative to it. */
  cwd: string;
  /** The feature paths as Cucumber gets them (files, folders, globs, `file:line`). */
  paths: readonly string[];
  /** Pickles Cucumber selected (tags, lines), as absolute `uri:line`. */
  selected: ReadonlySet<string>;
  library: ISupportCodeLibrary;
  /** Step specs by which a step definition's pattern is found (for `precheck`). */
  specs: readonly StepSpec[];
  tags?: string;
  /** Zero selected scenarios is fine (else a problem). */
  allowEmpty?: boolean;
  /** Kinds the cluster serves (a live run's discovery); 'any' when that cannot be known. */
  servedKinds?: readonly string[] | 'any';
  /** Filled, when given, with each selected scenario's footprint on a live cluster, by `uri:line` (absolute). */
  footprints?: Map<string, Footprint | undefined>;
}

export interface StaticCheckResult {
  problems: CheckProblem[];
  /** Scenarios selected. */
  scenarios: number;
  files: number;
}

const GHERKIN = 'text/x.cucumber.gherkin+plain' as SourceMediaType;

/** Keywords Gherkin recognises only when a colon follows (gherkin-languages.json, "en"). */
const COLON_KEYWORDS = ['Feature', 'Background', 'Scenario Outline', 'Scenario Template', 'Scenario', 'Example', 'Examples', 'Scenarios', 'Rule'];
const missingColon = new RegExp(`^(\\s*)(${COLON_KEYWORDS.join('|')})(?=\\s|$)(?!\\s*:)(.*)$`);

/** Lines that belong in a scenario: steps, table rows, doc string fences, tags. */
const STEP_LIKE = /^\s*(Given|When|Then|And|But|\*|\||"""|```|@)/;

/** The static pass: parse every feature file, then look at each selected scenario's steps. */
export function staticCheck(input: StaticCheckInput): StaticCheckResult {
  const problems: CheckProblem[] = [];
  const files = featureFiles(input.paths);
  const specByPattern = new Map<string, StepSpec>();
  for (const spec of input.specs) for (const p of patternsOf(spec)) specByPattern.set(p, spec);
  const matchCache = new Map<string, any[]>();
  // The same text matches the same way: its arguments are found once (cucumber-expressions'
  // group building is most of the check's time), their values still taken at each step.
  const argumentCache = new Map<string, readonly any[]>();
  const tagsSeen = new Set<string>();
  const footprints = input.footprints;
  let scenarios = 0;
  let nextId = 0;
  for (const file of files) {
    const uri = relative(input.cwd, file) || file;
    const source = readFileSync(file, 'utf8');
    const envelopes = generateMessages(source, uri, GHERKIN, { includeSource: false, includeGherkinDocument: true, includePickles: true, newId: () => String(nextId++) });
    let doc: GherkinDocument | undefined;
    const pickles: Pickle[] = [];
    for (const e of envelopes) {
      if (e.parseError) {
        const at = e.parseError.source.location;
        const text = e.parseError.message.replace(/^\(\d+:\d+\): /, '');
        // A keyword without its colon where Gherkin wanted one ("Examples", "Feature x") is the likely cause.
        const got = missingColon.exec(/got '(.*)'$/.exec(text)?.[1] ?? '');
        const hint = got ? ` (a keyword needs its colon: "${got[2]}:${got[3]!.trim() ? ` ${got[3]!.trim()}` : ''}")` : '';
        problems.push({ uri, line: at?.line, column: at?.column ?? 1, message: `Gherkin syntax: ${text}${hint}` });
      }
      if (e.gherkinDocument) doc = e.gherkinDocument as GherkinDocument;
      if (e.pickle) pickles.push(e.pickle as Pickle);
    }
    if (!doc) continue;
    problems.push(...keywordsWithoutColon(doc, source, uri));
    const astSteps = stepsById(doc);
    const crdKinds = new KindSet();
    // Only a CustomResourceDefinition adds a kind: the other doc strings need not be parsed here.
    for (const d of docStrings(doc)) if (d.content.includes('CustomResourceDefinition')) crdKinds.addFrom(lenientManifests(d.content, uri, d.line + 1));
    const kindArgs: Array<{ word: string; plural: boolean; line: number; column: number }> = [];
    for (const pickle of pickles) {
      for (const t of pickle.tags) tagsSeen.add(t.name);
      const key = `${resolve(input.cwd, pickle.uri)}:${pickle.location?.line}`;
      if (!input.selected.has(key)) continue;
      scenarios++;
      let footprint: Footprint | undefined = pickle.tags.some((t) => t.name === SERIAL_TAG) ? { alone: `is tagged ${SERIAL_TAG}` } : undefined;
      for (const step of pickle.steps) {
        const ast = astSteps.get(step.astNodeIds[0]!);
        const line = ast?.location.line ?? pickle.location?.line ?? 1;
        const textColumn = ast ? (ast.location.column ?? 1) + ast.keyword.length : 1;
        // In a Scenario Outline the text is the row's, so columns inside it are not the file's.
        const columnOf = (offset: number | undefined) => (ast && ast.text === step.text && offset !== undefined ? textColumn + offset : textColumn);
        const at = (message: string, offset?: number) => problems.push({ uri, line, column: columnOf(offset), message });
        const defs = matchCache.get(step.text) ?? stepDefinitionsOf(input.library).filter((d) => d.matchesStepName(step.text));
        matchCache.set(step.text, defs);
        if (defs.length === 0) {
          at(undefinedStepMessage(`${ast?.keyword ?? ''}${step.text}`, step.text, input.specs));
          continue;
        }
        if (defs.length > 1) {
          at(`ambiguous step "${step.text}": it matches ${defs.length} step definitions:\n${defs.map((d: any) => `    ${String(d.pattern)}  (${relative(input.cwd, d.uri)}:${d.line})`).join('\n')}`);
          continue;
        }
        const def = defs[0]!;
        const values: unknown[] = [];
        let bad = false;
        const args = argumentCache.get(step.text) ?? def.expression.match(step.text) ?? [];
        argumentCache.set(step.text, args);
        for (const arg of args) {
          const type = arg.getParameterType().name;
          const offset = arg.group.start;
          if (type === 'kind' || type === 'kinds') kindArgs.push({ word: arg.group.value!, plural: type === 'kinds', line, column: columnOf(offset) });
          try {
            values.push(arg.getValue(null));
          } catch (e) {
            bad = true;
            at(errorText(e), offset);
          }
        }
        const spec = typeof def.pattern === 'string' ? specByPattern.get(def.pattern) : undefined;
        // An owner selection stands in for a kind and name (operations/owner-variants.ts): no precheck.
        if (bad || !spec || def.pattern.includes('{owned}')) continue;
        let manifests: readonly Manifest[] = [];
        if (spec.precheck) {
          try {
            manifests = spec.precheck(precheckCall(spec, def.pattern as string, values, step, ast, uri, input.cwd))?.manifests ?? [];
            crdKinds.addFrom(manifests);
          } catch (e) {
            const placed = /^(\S+?):(\d+): ([\s\S]*)$/.exec(errorText(e));
            if (placed) problems.push({ uri: placed[1]!, line: Number(placed[2]), column: 1, message: placed[3]! });
            else at(errorText(e));
          }
        }
        if (footprints) {
          // The arguments as written: `${namespace}` is the scenario's own namespace, not another.
          const declared = spec.footprint?.(precheckCall(spec, def.pattern as string, values, step, ast, uri, input.cwd, false));
          footprint = combineFootprints(footprint, stepFootprint(declared, step.argument?.docString?.content, manifests));
        }
      }
      footprints?.set(key, footprint);
    }
    for (const k of kindArgs) {
      const message = unknownKind(k.word, k.plural, crdKinds, input.servedKinds);
      if (message) problems.push({ uri, line: k.line, column: k.column, message });
    }
  }
  problems.push(...tagProblems(input.tags, tagsSeen));
  if (scenarios === 0 && !input.allowEmpty && !problems.length) {
    const where = input.paths.map((p) => relative(input.cwd, p.replace(/\/\*\*\/\*\.feature$/, '')) || '.').join(', ');
    problems.push({ uri: where || '.', message: `no scenario selected${input.tags ? ` by --tags "${input.tags}"` : ''} (${files.length} feature file${files.length === 1 ? '' : 's'}); pass --allow-empty if that is intended` });
  }
  return { problems: dedupe(problems).sort(byPlace), scenarios, files: files.length };
}

/** The arguments as define-steps.ts hands them to `run`: the block last, a `within` taken off. */
function precheckCall(spec: StepSpec, pattern: string, values: unknown[], step: PickleStep, ast: any, uri: string, projectRoot: string, expandNamespace = true) {
  // `${namespace}` stands for the scenario's namespace, known only when it runs: any valid name does here.
  const expand = (v: unknown) => (expandNamespace && typeof v === 'string' ? v.replaceAll(NAMESPACE_PLACEHOLDER, 'default') : v);
  const args = values.map(expand);
  const hasWithin = spec.eventual !== undefined && /within \{duration\}:?$/.test(pattern);
  const within = hasWithin ? (args.pop() as number) : undefined;
  const docString = expand(step.argument?.docString?.content) as string | undefined;
  const rows = step.argument?.dataTable?.rows.map((r) => r.cells.map((c) => c.value));
  const docLine = ast?.docString?.location.line as number | undefined;
  return { args, within, docString, rows, projectRoot, ...(docLine ? { docStringOrigin: { file: uri, firstLine: docLine + 1 } } : {}) };
}

function undefinedStepMessage(shown: string, text: string, specs: readonly StepSpec[]): string {
  const suggestions = suggestSteps(text, specs);
  const hint = suggestions.length ? `\n    closest steps (kubespec steps lists them all):\n${suggestions.map((s) => `      ${s}`).join('\n')}` : ' (kubespec steps lists the vocabulary)';
  return `undefined step: ${shown.trim()}${hint}`;
}

/** Kinds known here: the built-in table, CustomResourceDefinitions the feature applies. */
class KindSet {
  readonly kinds = new Set<string>();
  readonly plurals = new Set<string>();
  addFrom(manifests: readonly Manifest[]): void {
    for (const m of manifests) {
      if (m?.kind !== 'CustomResourceDefinition') continue;
      const names = (m as any).spec?.names ?? {};
      if (typeof names.kind === 'string') this.kinds.add(names.kind);
      if (typeof names.plural === 'string') this.plurals.add(names.plural.toLowerCase());
    }
  }
}

/** The message for a kind nobody serves, or undefined when the kind is known. */
function unknownKind(word: string, plural: boolean, crds: KindSet, served: readonly string[] | 'any' | undefined): string | undefined {
  if (served === 'any') return undefined;
  const known = [...knownKindNames(), ...crds.kinds, ...(served ?? [])];
  const lowerKnown = new Set(known.map((k) => k.toLowerCase()));
  if (plural) {
    if (crds.plurals.has(word.toLowerCase())) return undefined;
    if (singularsOf(word).some((s) => lowerKnown.has(canonicalKindName(s).toLowerCase()))) return undefined;
  } else if (known.includes(canonicalKindName(word))) return undefined;
  const guess = plural ? closestKind(word, known.map(pluralOf)) : closestKind(word, known);
  const where = served ? 'nor served by the cluster' : 'nor defined by a CustomResourceDefinition this feature applies';
  return `unknown kind "${word}"${guess ? ` (did you mean ${guess}?)` : ''}: not a kind kubespec knows, ${where}`;
}

function pluralOf(kind: string): string {
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  if (/(s|x|ch|sh)$/.test(kind)) return `${kind}es`;
  return `${kind}s`;
}

/** A --tags value that does not parse, before Cucumber meets it (it would fail with an internal error). */
export function tagExpressionProblem(expression: string | undefined): CheckProblem | undefined {
  if (!expression?.trim()) return undefined;
  try {
    parseTagExpression(expression);
    return undefined;
  } catch (e) {
    return { uri: '--tags', message: `"${expression}" is not a tag expression: ${errorText(e).replace(/^Tag expression .* could not be parsed because of syntax error: /, '')}` };
  }
}

/** Tags named by --tags (outside a `not`) that no scenario of the checked files carries. */
function tagProblems(expression: string | undefined, seen: ReadonlySet<string>): CheckProblem[] {
  if (!expression?.trim() || tagExpressionProblem(expression)) return [];
  const tree: any = parseTagExpression(expression);
  const wanted: string[] = [];
  const walk = (node: any, negated: boolean) => {
    if (!node) return;
    if (node.constructor?.name === 'Literal') {
      if (!negated) wanted.push(node.value);
    } else if (node.constructor?.name === 'Not') walk(node.expr, !negated);
    else {
      walk(node.leftExpr, negated);
      walk(node.rightExpr, negated);
    }
  };
  walk(tree, false);
  return [...new Set(wanted)].filter((t) => !seen.has(t)).map((t) => {
    const guess = closestKind(t, [...seen]);
    return { uri: '--tags', message: `no scenario has the tag ${t}${guess ? ` (did you mean ${guess}?)` : ''}` };
  });
}

/** Description lines that start with a keyword but lack its colon: Gherkin took them as prose. */
function keywordsWithoutColon(doc: GherkinDocument, source: string, uri: string): CheckProblem[] {
  const lines = source.split(/\r?\n/);
  const out: CheckProblem[] = [];
  const look = (node: { location: { line: number }; description?: string } | undefined) => {
    if (!node?.description?.trim()) return;
    const first = node.description.split('\n').find((l) => l.trim())!.trim();
    let start = node.location.line; // the keyword line; the description follows it
    while (start < lines.length && lines[start]!.trim() !== first) start++;
    const count = node.description.split('\n').length;
    const end = Math.min(lines.length, start + count);
    for (let i = start; i < end; i++) {
      const m = missingColon.exec(lines[i]!);
      if (!m) continue;
      // Prose may start with "Scenarios run ...": a missing colon is meant only where nothing
      // follows in the description, or only steps and tables that Gherkin swallowed with it.
      const after = lines.slice(i + 1, end).filter((l) => l.trim() && !/^\s*#/.test(l));
      if (!after.every((l) => STEP_LIKE.test(l) || missingColon.test(l))) continue;
      const rest = m[3]!.trim();
      out.push({ uri, line: i + 1, column: m[1]!.length + 1, message: `"${lines[i]!.trim()}" is not read as ${article(m[2]!)} ${m[2]}: Gherkin needs a colon after the keyword ("${m[2]}:${rest ? ` ${rest}` : ''}"), so this line is description text` });
    }
  };
  const walk = (children: readonly any[]) => {
    for (const c of children) {
      look(c.background);
      if (c.scenario) {
        look(c.scenario);
        for (const ex of c.scenario.examples ?? []) look(ex);
      }
      if (c.rule) {
        look(c.rule);
        walk(c.rule.children);
      }
    }
  };
  look(doc.feature as any);
  walk(doc.feature?.children ?? []);
  return out;
}

function article(keyword: string): string {
  return /^[AEIOU]/.test(keyword) ? 'an' : 'a';
}

/** Every step of the document by AST id, with its keyword and location. */
function stepsById(doc: GherkinDocument): Map<string, any> {
  const out = new Map<string, any>();
  const add = (steps: readonly any[] = []) => steps.forEach((s) => out.set(s.id, s));
  const walk = (children: readonly any[]) => {
    for (const c of children) {
      add(c.background?.steps);
      add(c.scenario?.steps);
      if (c.rule) walk(c.rule.children);
    }
  };
  walk(doc.feature?.children ?? []);
  return out;
}

function docStrings(doc: GherkinDocument): Array<{ content: string; line: number }> {
  return [...stepsById(doc).values()].filter((s) => s.docString).map((s) => ({ content: s.docString.content, line: s.docString.location.line }));
}

/** Manifests of a doc string that parses; anything else is not a manifest (an expectation, a patch). */
function lenientManifests(text: string, file: string, firstLine: number): Manifest[] {
  try {
    return parseYamlDocuments(text.replaceAll(NAMESPACE_PLACEHOLDER, 'default'), { file, firstLine }).map((d) => d.value).filter((v) => v && typeof v === 'object');
  } catch {
    return [];
  }
}

/** Feature files under the paths Cucumber is given: files, folders, `file:line`, `dir/**\/*.feature`. */
export function featureFiles(paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const path = p.replace(/(:\d+)+$/, '');
    const glob = path.indexOf('*');
    const base = glob >= 0 ? path.slice(0, path.lastIndexOf('/', glob)) : path;
    if (!existsSync(base)) continue;
    if (statSync(base).isDirectory()) walk(base).forEach((f) => out.add(f));
    else out.add(base);
  }
  return [...out].sort();
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name)).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return e.name.endsWith('.feature') ? [p] : [];
  });
}

/** The step definitions of a loaded library (Cucumber's public type leaves them opaque). */
function stepDefinitionsOf(library: ISupportCodeLibrary): any[] {
  return (library as unknown as { stepDefinitions: any[] }).stepDefinitions;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function dedupe(problems: CheckProblem[]): CheckProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = problemText(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Files in order, then lines and columns; problems of the command line last. */
function byPlace(a: CheckProblem, b: CheckProblem): number {
  if (!a.line !== !b.line) return a.line ? -1 : 1;
  return a.uri.localeCompare(b.uri) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}
