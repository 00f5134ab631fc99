import type { NodeDefinition } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import { parseQuantity, quantityFormatMessage } from '../kube/quantity.ts';

const columns = ['name', 'role', 'labels', 'taints', 'cpu', 'memory', 'pods'];

/**
 * A "cluster with nodes" data table: a header row, then one node per row. Labels are
 * "k=v,k2=v2"; taints "key=value:Effect" or "key:Effect", comma separated.
 */
export function parseNodeTable(rows: string[][]): NodeDefinition[] {
  const [header, ...body] = rows;
  if (!header) throw new UserError('the node table needs a header row, e.g. | name | labels | taints |');
  for (const h of header) if (!columns.includes(h)) throw new UserError(`unknown node table column "${h}" (known: ${columns.join(', ')})`);
  return body.map((row) => {
    const cell = (c: string) => row[header.indexOf(c)]?.trim() ?? '';
    const name = cell('name');
    if (!name) throw new UserError('every node row needs a name');
    const role = cell('role') || 'worker';
    if (role !== 'worker' && role !== 'control-plane') throw new UserError(`node "${name}": role must be worker or control-plane, not "${role}"`);
    const capacity: Record<string, string> = {};
    for (const r of ['cpu', 'memory', 'pods']) {
      if (!cell(r)) continue;
      try {
        parseQuantity(cell(r));
      } catch {
        throw new UserError(`node "${name}": ${r} "${cell(r)}" is not a quantity: ${quantityFormatMessage}`);
      }
      capacity[r] = cell(r);
    }
    return {
      name,
      role: role as NodeDefinition['role'],
      labels: parseLabels(cell('labels')),
      taints: cell('taints') ? cell('taints').split(',').map((t) => parseTaint(t.trim(), name)) : undefined,
      capacity: Object.keys(capacity).length ? capacity : undefined,
    };
  });
}

export function parseLabels(text: string): Record<string, string> | undefined {
  if (!text) return undefined;
  return Object.fromEntries(text.split(',').map((kv) => {
    const eq = kv.indexOf('=');
    return eq < 0 ? [kv.trim(), ''] : [kv.slice(0, eq).trim(), kv.slice(eq + 1).trim()];
  }));
}

/** "dedicated=gpu:NoSchedule" or "dedicated:NoSchedule", as kubectl taint writes them. */
export function parseTaint(text: string, node: string): { key: string; value?: string; effect: string } {
  const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(text);
  if (!m) throw new UserError(`node "${node}": "${text}" is not a taint (use key=value:NoSchedule, key:NoExecute or key=value:PreferNoSchedule)`);
  return { key: m[1]!, ...(m[2] !== undefined ? { value: m[2] } : {}), effect: m[3]! };
}
