import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { NodeDefinition } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';

/**
 * Loads a topology (scenarios/topologies/<name>.yaml) as node definitions, expanding `count`
 * entries. An unknown name lists the topologies there are.
 */
export function loadTopology(name: string, folders: string[]): NodeDefinition[] {
  const file = folders.map((f) => join(f, `${name}.yaml`)).find(existsSync);
  if (!file) {
    const known = [...new Set(folders.filter(existsSync).flatMap((f) => readdirSync(f).filter((x) => x.endsWith('.yaml')).map((x) => x.slice(0, -5))))].sort();
    throw new UserError(`unknown topology "${name}" (known: ${known.join(', ') || 'none'})`);
  }
  const data = parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(data?.nodes)) throw new UserError(`${file}: a topology needs a "nodes" list`);
  return data.nodes.flatMap((entry: any, i: number) => {
    if (!entry?.name) throw new UserError(`${file}: nodes[${i}].name: Required value`);
    const count = entry.count ?? 1;
    return Array.from({ length: count }, (_, k) => ({
      name: String(entry.name).replaceAll('{i}', String(k + 1)),
      role: entry.role,
      labels: entry.labels,
      taints: entry.taints,
      capacity: entry.capacity && Object.fromEntries(Object.entries(entry.capacity).map(([r, q]) => [r, String(q)])),
    }));
  });
}
