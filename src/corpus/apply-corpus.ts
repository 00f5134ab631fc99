import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../errors.ts';
import { ApiError } from '../kube/api-errors.ts';
import { parseYamlDocuments } from '../manifests/load-manifests.ts';
import { SimCluster } from '../sim/cluster.ts';
import { toStoredVersion } from '../sim/store/version-views.ts';
import { shapeOfKind } from '../sim/store/apply/schema.ts';
import { decodeTypeError, strictUnknownFields } from '../sim/store/apply/undeclared-fields.ts';

/** What happened to one manifest file: every document accepted, or the first refusal's reason. */
export interface CorpusOutcome {
  file: string;
  documents: number;
  rejected?: string;
}

/** Every .yaml/.yml/.json file under a folder, sorted, as paths relative to it. */
export function corpusFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ya?ml|json)$/.test(name)) out.push(relative(root, path));
    }
  };
  walk(root);
  return out;
}

/**
 * `kubectl apply -f <file>` against a fresh simulated cluster, creating the namespaces the file
 * names first (as a user preparing the cluster would). A file kubectl cannot parse is refused
 * with kubectl's words; a document the API server refuses gives the server's message.
 */
export function applyToFreshCluster(root: string, file: string, seed = 1): CorpusOutcome {
  let docs: Array<{ value: any }>;
  try {
    docs = parseYamlDocuments(readFileSync(join(root, file), 'utf8'), { file, firstLine: 1 });
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    return { file, documents: 0, rejected: `error converting YAML to JSON: yaml: ${e.message.replace(/^.*?: invalid YAML at line \d+, column \d+: /, '')}` };
  }
  const objects = docs.map((d) => d.value).flatMap((v) => (v?.kind === 'List' && Array.isArray(v.items) ? v.items : [v]));
  if (objects.length === 0) return { file, documents: 0, rejected: 'error: no objects passed to apply' };
  const cluster = new SimCluster({ seed });
  cluster.addNode({ name: 'control-plane', role: 'control-plane' });
  cluster.addNode({ name: 'worker' });
  cluster.clock.settle();
  for (const obj of objects) {
    if (typeof obj !== 'object' || Array.isArray(obj)) return { file, documents: objects.length, rejected: 'error: unable to decode: Object \'Kind\' is missing' };
    if (!obj.apiVersion || !obj.kind) return { file, documents: objects.length, rejected: `error validating data: [apiVersion not set, kind not set]` };
    const namespace = obj.metadata?.namespace;
    if (namespace && !cluster.store.get('Namespace', { name: namespace }) && obj.kind !== 'Namespace') {
      cluster.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
    }
    // kubectl apply asks for strict field validation: an unknown field refuses the object.
    const shape = shapeOfKind(obj.apiVersion, obj.kind);
    const undecodable = `${obj.kind} in version "${String(obj.apiVersion).split('/').pop()}" cannot be handled as a ${obj.kind}`;
    const typeError = decodeTypeError(obj, shape, cluster.store.decodeNamesEmbeddedStructs);
    if (typeError) return { file, documents: objects.length, rejected: `${undecodable}: ${typeError}` };
    const unknown = strictUnknownFields(obj, shape);
    if (unknown.length > 0) {
      return { file, documents: objects.length, rejected: `${undecodable}: strict decoding error: ${unknown.map((u) => `unknown field "${u}"`).join(', ')}` };
    }
    try {
      cluster.store.create(toStoredVersion(obj));
      cluster.clock.settle();
    } catch (e) {
      // kubectl prints an Invalid error cause by cause; the first one is what the test compares.
      const cause = e instanceof ApiError ? e.fieldCauses[0] : undefined;
      return { file, documents: objects.length, rejected: cause ? `${cause.field}: ${cause.message}` : (e as Error).message };
    }
  }
  return { file, documents: objects.length };
}
