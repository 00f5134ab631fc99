import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isScalar, parseAllDocuments, visit, type Document } from 'yaml';
import type { Manifest } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';

/** Where a YAML text came from: a file, or a doc string starting at `firstLine` of a feature. */
export interface YamlOrigin {
  /** The file to name in messages (a manifest file or a feature file). */
  file: string;
  /** The file line of the YAML's first line (1 for a file, docstring line + 1 for a doc string). */
  firstLine: number;
}

/**
 * Parses YAML into objects, one per document, skipping empty documents. A syntax error is
 * one UserError naming the file, the file line and the YAML column. As kubectl's YAML-to-JSON
 * conversion does, a key given twice keeps its last value, and a key that is not a plain value
 * (an unquoted `{{placeholder}}` makes one) is refused in its words. Scalars are read as YAML
 * 1.1, as kubectl's sigs.k8s.io/yaml does: `0400` is octal (256), `yes`/`off` are booleans.
 */
/**
 * YAML 1.1 as go-yaml v2 reads it into JSON: no timestamps (they stay strings) and no base-60
 * numbers (`12:30` is a string).
 */
function goYamlTags(tags: any[]): any[] {
  return tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME');
}

export function parseYamlDocuments(text: string, origin: YamlOrigin): Array<{ value: any; line: number }> {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, version: '1.1', customTags: goYamlTags });
  const out: Array<{ value: any; line: number }> = [];
  const refuse = (offset: number, reason: string): never => {
    const pos = { line: lineOf(text, offset), col: offset - text.lastIndexOf('\n', offset - 1) };
    throw new UserError(`${origin.file}:${origin.firstLine + pos.line - 1}: invalid YAML at line ${pos.line}, column ${pos.col}: ${reason}`);
  };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const error = doc.errors[0];
    if (error) refuse(error.pos[0], error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
    const badKey = collectionKey(doc);
    if (badKey) refuse(badKey.offset, `invalid map key: ${badKey.goValue}`);
    let value: unknown;
    try {
      value = doc.toJS();
    } catch (e) {
      // An alias to an anchor that is not set, or one that refers to itself.
      refuse(doc.contents?.range?.[0] ?? 0, (e as Error).message);
    }
    if (value === null || value === undefined) continue;
    const offset = doc.contents?.range?.[0] ?? 0;
    out.push({ value, line: origin.firstLine + lineOf(text, offset) - 1 });
  }
  return out;
}

/** The first map key that is itself a map or list, shown as Go prints it in kubectl's error. */
function collectionKey(doc: Document): { offset: number; goValue: string } | undefined {
  let found: { offset: number; goValue: string } | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (found || pair.key === null || isScalar(pair.key)) return undefined;
      const key = pair.key as { range?: [number, number, number]; toJSON(): unknown };
      found = { offset: key.range?.[0] ?? 0, goValue: goValue(key.toJSON()) };
      return visit.BREAK;
    },
  });
  return found;
}

/** Go's %#v of a decoded YAML value (map[interface {}]interface {}{"k":interface {}(nil)}). */
function goValue(v: unknown): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (Array.isArray(v)) return `[]interface {}{${v.map(goValue).join(', ')}}`;
  if (typeof v === 'object') return `map[interface {}]interface {}{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${goValue(x)}`).join(', ')}}`;
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

/** Parses Kubernetes manifests and checks the fields every object needs. */
export function parseManifests(text: string, origin: YamlOrigin): Manifest[] {
  return parseYamlDocuments(text, origin).flatMap(({ value, line }) => {
    if (value && value.kind === 'List' && Array.isArray(value.items)) return value.items.map((item: any) => checkManifest(item, origin.file, line));
    return [checkManifest(value, origin.file, line)];
  });
}

function checkManifest(value: any, file: string, line: number): Manifest {
  const where = `${file}:${line}`;
  if (typeof value !== 'object' || Array.isArray(value)) throw new UserError(`${where}: a manifest must be a mapping with apiVersion, kind and metadata`);
  if (!value.apiVersion) throw new UserError(`${where}: apiVersion: Required value`);
  if (!value.kind) throw new UserError(`${where}: kind: Required value`);
  if (!value.metadata?.name && !value.metadata?.generateName) {
    throw new UserError(`${where}: ${value.kind}: metadata.name: Required value: name or generateName is required`);
  }
  return value as Manifest;
}

/** Finds a manifest file by name in the given folders, first match wins. */
export function findManifestFile(name: string, folders: string[], cwd: string): string {
  for (const folder of folders) {
    const candidate = join(folder, name);
    if (existsSync(candidate)) return candidate;
  }
  // In kubespec's own repository the project's folder is kubespec's: name it once.
  const where = [...new Set(folders.map((f) => relative(cwd, f) || '.'))].join(', ');
  throw new UserError(`manifest "${name}" not found (looked in ${where})`);
}

/** Reads and parses a manifest file. */
export function loadManifestFile(path: string, cwd: string): Manifest[] {
  return parseManifests(readFileSync(path, 'utf8'), { file: relative(cwd, path) || path, firstLine: 1 });
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
