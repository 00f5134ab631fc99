import { isMap, isSeq, parseAllDocuments, type Node } from 'yaml';
import type { YamlOrigin } from './load-manifests.ts';

/**
 * Where in a manifest's source a refused field is: the API server names fields by path
 * (`Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value`),
 * and an author wants the line of the feature file or manifest file that holds it.
 */

/** The field paths an API error names, in the API server's field.ErrorList wording. */
export function refusedFields(message: string): string[] {
  const out = new Set<string>();
  const field = /(?:^|[\s:;\[])([a-z][A-Za-z0-9]*(?:(?:\.[A-Za-z0-9\-_/]+)|(?:\[[^\]\s]+\]))+|[a-z][A-Za-z0-9]*): (?:Invalid value|Required value|Unsupported value|Forbidden|Duplicate value|Not found|Too long|Too many)/g;
  for (const m of message.matchAll(field)) out.add(m[1]!);
  return [...out];
}

/**
 * The line (in the origin's numbering) of the deepest node of `path` that the manifest has,
 * in the document whose kind and name are `kind`/`name`; undefined when there is no such
 * document. A field that is missing (Required value) points at its closest parent.
 */
export function fieldLine(text: string, origin: YamlOrigin, kind: string, name: string, path: string): number | undefined {
  for (const doc of parseAllDocuments(text, { version: '1.1' })) {
    if (!isMap(doc.contents)) continue;
    const value = doc.toJS({ maxAliasCount: -1 }) as { kind?: string; metadata?: { name?: string } } | null;
    if (value?.kind?.toLowerCase() !== kind.toLowerCase() || value.metadata?.name !== name) continue;
    let node: Node | undefined = doc.contents;
    let at = node.range?.[0] ?? 0;
    for (const key of pathKeys(path)) {
      const next: unknown = isMap(node) ? node.get(key, true) : isSeq(node) && /^\d+$/.test(key) ? node.get(Number(key), true) : undefined;
      if (!next || typeof next !== 'object' || !('range' in next)) break;
      node = next as Node;
      // A scalar's own position; for a collection, its key's line is where it starts.
      at = keyOffset(text, node.range?.[0] ?? at, at);
    }
    return origin.firstLine + lineOf(text, at) - 1;
  }
  return undefined;
}

/** `spec.containers[0].image` → spec, containers, 0, image; `limits[cpu]` → limits, cpu. */
function pathKeys(path: string): string[] {
  return path.split(/\.|\[|\]/).filter((k) => k !== '');
}

/** A collection starts on the line after its key; the key's line reads better. */
function keyOffset(text: string, nodeStart: number, parentStart: number): number {
  const lineStart = text.lastIndexOf('\n', nodeStart - 1) + 1;
  const before = text.slice(lineStart, nodeStart);
  return before.trim() === '' && lineStart > parentStart ? text.lastIndexOf('\n', lineStart - 2) + 1 : nodeStart;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}
