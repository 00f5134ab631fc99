import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { KubeObject } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import { NIGHTLY_RUN_LABEL } from './nightly-manifests.ts';

/** Label with a shard's index (0-based) on its result ConfigMaps. */
export const SHARD_LABEL = 'kubespec.io/shard';

/** A ConfigMap holds at most 1 MiB; a part stays well below, leaving room for metadata. */
const PART_BYTES = 900 * 1024;

/** What a shard's reports folder holds that a merge needs. */
const REPORT_FILES = ['junit.xml', 'messages.ndjson'];

/**
 * A shard's reports (JUnit, the message stream and the Allure results) as ConfigMaps: the files
 * as one gzipped JSON map, cut into parts that each fit in a ConfigMap, labelled with the run and
 * the shard so `kubespec nightly collect` finds them.
 */
export function packResults(reports: string, runId: string, shard: number, namespace: string): KubeObject[] {
  const files: Record<string, string> = {};
  for (const name of REPORT_FILES) if (existsSync(join(reports, name))) files[name] = readFileSync(join(reports, name), 'utf8');
  const results = join(reports, 'allure-results');
  const resultFiles = existsSync(results) ? readdirSync(results, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(results, f)).isFile()) : [];
  for (const f of resultFiles.sort()) files[relative(reports, join(results, f))] = readFileSync(join(results, f)).toString('base64');
  const packed = gzipSync(JSON.stringify(files));
  const parts = Math.max(1, Math.ceil(packed.length / PART_BYTES));
  return Array.from({ length: parts }, (_, part) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: `kubespec-results-${runId}-${shard}-${part}`,
      namespace,
      labels: { 'app.kubernetes.io/managed-by': 'kubespec-nightly', [NIGHTLY_RUN_LABEL]: runId, [SHARD_LABEL]: String(shard) },
      annotations: { 'kubespec.io/part': `${part + 1}/${parts}` },
    },
    binaryData: { 'reports.json.gz': packed.subarray(part * PART_BYTES, (part + 1) * PART_BYTES).toString('base64') },
  }));
}

/**
 * Writes each shard's reports back from its ConfigMaps into `<into>/shard-<i>/`, refusing a
 * shard whose parts are not all there. Returns the folders written, in shard order.
 */
export function unpackResults(configMaps: readonly KubeObject[], into: string): string[] {
  const byShard = new Map<number, KubeObject[]>();
  for (const cm of configMaps) {
    const shard = Number(cm.metadata.labels?.[SHARD_LABEL]);
    if (!byShard.has(shard)) byShard.set(shard, []);
    byShard.get(shard)!.push(cm);
  }
  const folders: string[] = [];
  for (const [shard, parts] of [...byShard].sort(([a], [b]) => a - b)) {
    const ordered = parts.map((cm) => ({ cm, ...partOf(cm) })).sort((a, b) => a.index - b.index);
    const total = ordered[0]!.total;
    if (ordered.length !== total || ordered.some((p, i) => p.index !== i + 1)) {
      throw new UserError(`shard ${shard}: ${ordered.length} of ${total} result parts found; the shard may still be writing them`);
    }
    const packed = Buffer.concat(ordered.map((p) => Buffer.from(p.cm.binaryData?.['reports.json.gz'] ?? '', 'base64')));
    const files = JSON.parse(gunzipSync(packed).toString('utf8')) as Record<string, string>;
    const folder = join(into, `shard-${shard}`);
    for (const [name, content] of Object.entries(files)) {
      const path = join(folder, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, REPORT_FILES.includes(name) ? content : Buffer.from(content, 'base64'));
    }
    folders.push(folder);
  }
  return folders;
}

function partOf(cm: KubeObject): { index: number; total: number } {
  const [index, total] = String(cm.metadata.annotations?.['kubespec.io/part'] ?? '1/1').split('/').map(Number);
  return { index: index!, total: total! };
}
