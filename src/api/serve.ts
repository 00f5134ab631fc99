import { existsSync, readFileSync } from 'node:fs';
import { chooseKubernetesVersion } from '../kubernetes-version-choice.ts';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { request, type RequestOptions } from 'node:https';
import { packageRoot } from '../package-root.ts';
import { UserError } from '../errors.ts';
import { loadTopology } from '../manifests/topologies.ts';
import { loadImageBehaviors } from '../drivers/sim/index.ts';
import { ServedCluster } from '../serve/served-cluster.ts';
import { loadSnapshot } from '../serve/snapshot.ts';
import { mergeKubeconfig, writeKubeconfig } from '../serve/kubeconfig.ts';
import type { RunEnvironment } from './run-environment.ts';

export interface ServeCommandOptions {
  topology?: string;
  port?: number;
  host?: string;
  kubeconfig?: string;
  mergeKubeconfig?: boolean;
  seed?: number;
  speed?: number;
  load?: string;
  token?: string;
  /** The Kubernetes minor the served cluster plays (`--kubernetes-version`; default the newest maintained). */
  kubernetesVersion?: string;
}

/** Where `kubespec serve` writes its kubeconfig unless told otherwise. */
export function defaultKubeconfigPath(cwd: string): string {
  return join(cwd, 'reports', 'kubeconfig');
}

/**
 * `kubespec serve`: builds a simulated cluster from a topology (and a snapshot), serves it and
 * writes a kubeconfig. Resolves with the running server; the caller stops it.
 */
export async function serve(options: ServeCommandOptions, env: RunEnvironment): Promise<{ served: ServedCluster; url: string; kubeconfig: string }> {
  const speed = options.speed ?? 1;
  if (!(speed > 0)) throw new UserError(`--speed must be a positive number, not "${options.speed}"`);
  const host = options.host ?? '127.0.0.1';
  const folders = [join(env.cwd, 'scenarios', 'topologies'), join(packageRoot, 'scenarios', 'topologies')];
  const nodes = loadTopology(options.topology ?? 'kind', folders);
  const images = loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml'));
  const version = chooseKubernetesVersion(options.kubernetesVersion);
  const served = new ServedCluster({ seed: options.seed ?? 1, nodes, images, speed, host, port: options.port ?? 6443, token: options.token, version });
  if (options.load) {
    const file = resolve(env.cwd, options.load);
    if (!existsSync(file)) throw new UserError(`--load: ${options.load} does not exist`);
    loadSnapshot(served.cluster, readFileSync(file, 'utf8'), options.load);
  }
  let url: string;
  try {
    url = await served.start();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UserError(`port ${options.port ?? 6443} on ${host} is in use; choose another with --port (0 picks a free one)`);
    throw e;
  }
  const kubeconfig = options.kubeconfig ? resolve(env.cwd, options.kubeconfig) : defaultKubeconfigPath(env.cwd);
  const entry = { name: 'kubespec', server: url, caPem: served.certificate(), token: served.token };
  writeKubeconfig(kubeconfig, entry);
  if (options.mergeKubeconfig) mergeKubeconfig(env.env.KUBECONFIG?.split(':')[0] ?? join(homedir(), '.kube', 'config'), entry);
  return { served, url, kubeconfig };
}

/**
 * Calls the admin API of a served cluster found through a kubeconfig (`kubespec clock advance`,
 * `kubespec snapshot`). Returns the response body.
 */
export async function callServed(kubeconfigPath: string, method: 'GET' | 'POST', path: string): Promise<string> {
  if (!existsSync(kubeconfigPath)) throw new UserError(`no kubeconfig at ${kubeconfigPath}: start \`kubespec serve\` first, or pass --kubeconfig`);
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  kc.loadFromFile(kubeconfigPath);
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new UserError(`${kubeconfigPath}: the current context names no cluster`);
  const options: RequestOptions = { method };
  await kc.applyToHTTPSOptions(options);
  return new Promise((resolvePromise, reject) => {
    const req = request(new URL(path, server), options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        if ((res.statusCode ?? 500) >= 400) {
          let message = body;
          try { message = JSON.parse(body).message ?? body; } catch { /* plain text */ }
          reject(new UserError(`${server}: ${message}`));
        } else resolvePromise(body);
      });
    });
    req.on('error', (e) => reject(new UserError(`cannot reach ${server}: ${e.message} (is \`kubespec serve\` running?)`)));
    req.end();
  });
}

/** The kubeconfig an admin command talks through: --kubeconfig, else the one `kubespec serve` wrote here. */
export function kubeconfigArgument(cwd: string, given: string | undefined): string {
  if (given) return isAbsolute(given) ? given : resolve(cwd, given);
  return defaultKubeconfigPath(cwd);
}
