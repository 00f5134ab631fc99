import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import type { NodeDefinition } from '../../drivers/driver.ts';
import { UserError } from '../../errors.ts';
import { kindConfig } from './kind-config.ts';

/**
 * kind clusters for live runs, through the `kind` command line: `up` writes the topology's kind
 * config and creates the cluster, waiting (kind's --wait) for the control plane and nodes to be
 * Ready; `down` deletes it. The context kind writes, `kind-<name>`, is one the live profile
 * accepts.
 */
export async function kindUp(name: string, nodes: NodeDefinition[], reportsDir: string, log: (line: string) => void): Promise<string> {
  mkdirSync(reportsDir, { recursive: true });
  const config = join(reportsDir, `kind-${name}.yaml`);
  writeFileSync(config, kindConfig(nodes));
  if ((await kindClusters()).includes(name)) {
    log(`kind cluster "${name}" exists already; not recreated (kubespec cluster down --name ${name} first to change its topology)`);
    return `kind-${name}`;
  }
  log(`creating kind cluster "${name}" (${nodes.length} nodes, config ${config})`);
  await kind(['create', 'cluster', '--name', name, '--config', config, '--wait', '5m']);
  return `kind-${name}`;
}

export async function kindDown(name: string): Promise<boolean> {
  if (!(await kindClusters()).includes(name)) return false;
  await kind(['delete', 'cluster', '--name', name]);
  return true;
}

async function kindClusters(): Promise<string[]> {
  const { stdout } = await kind(['get', 'clusters']);
  return stdout.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('No kind clusters'));
}

async function kind(args: string[]) {
  const r = await execa('kind', args, { reject: false, all: true });
  if ((r as { code?: string }).code === 'ENOENT') {
    throw new UserError('`kind` is not on PATH: install it (https://kind.sigs.k8s.io) with Docker or Podman, or use `kubespec cluster reference up`');
  }
  if (r.exitCode !== 0) throw new UserError(`\`kind ${args.join(' ')}\` failed (exit ${r.exitCode}):\n${(r.all ?? '').trim().split('\n').slice(-20).join('\n')}`);
  return r;
}
