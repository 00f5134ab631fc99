import type { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../../errors.ts';
import type { Environment } from '../../environment.ts';
import { ApiError } from '../../kube/api-errors.ts';
import { RestClient, ServerUnreachableError } from './rest-client.ts';

/**
 * Which cluster a live run talks to, and the guard that keeps a typo away from production: only
 * kind clusters (`kind-*`), a `kubespec serve` cluster (`kubespec`), the reference control plane
 * (`kubespec-reference`) and contexts listed in KUBESPEC_ALLOWED_CONTEXTS (comma-separated) are
 * accepted.
 */
/**
 * The context of a pod's own cluster (its ServiceAccount): what a nightly Job's pods use. Not
 * on the allow-list question: the Job was installed in that cluster on purpose, and outside a
 * pod there is no such cluster.
 */
export const IN_CLUSTER = 'in-cluster';

function inClusterConfig(kc: KubeConfig, env: Record<string, string | undefined>): KubeConfig {
  if (!env.KUBERNETES_SERVICE_HOST) throw new UserError(`context "${IN_CLUSTER}" is only for a pod in the cluster (KUBERNETES_SERVICE_HOST is not set)`);
  try {
    kc.loadFromCluster();
  } catch (e) {
    throw new UserError(`context "${IN_CLUSTER}": cannot read the pod's ServiceAccount credentials: ${(e as Error).message}`);
  }
  return kc;
}

/** Contexts kubespec itself writes: `kubespec serve` and `kubespec cluster reference up`. */
const builtInContexts = ['kubespec', 'kubespec-reference'];

export async function loadLiveContext(context: string | undefined, env: Environment, kubeconfigFile?: string): Promise<KubeConfig> {
  // Imported here, not at the top: @kubernetes/client-node takes about 2 s to load, and only
  // commands that talk to a real API server need it.
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
  if (context === IN_CLUSTER) return inClusterConfig(kc, env);
  try {
    if (kubeconfigFile) kc.loadFromFile(kubeconfigFile);
    else kc.loadFromDefault();
  } catch (e) {
    throw new UserError(`cannot read the kubeconfig (${kubeconfigFile ?? env.KUBECONFIG ?? '~/.kube/config'}): ${(e as Error).message}`);
  }
  const name = context ?? kc.getCurrentContext();
  if (!name || !kc.getContextObject(name)) {
    const known = kc.getContexts().map((c) => c.name).join(', ') || 'none';
    throw new UserError(`kubeconfig context "${name ?? ''}" does not exist (contexts: ${known})`);
  }
  const allowed = (env.KUBESPEC_ALLOWED_CONTEXTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (!name.startsWith('kind-') && !builtInContexts.includes(name) && !allowed.includes(name)) {
    throw new UserError(`refusing to run against context "${name}": live runs use kind-* clusters, a kubespec serve cluster ("kubespec"), the reference cluster ("kubespec-reference"), or contexts listed in KUBESPEC_ALLOWED_CONTEXTS`);
  }
  kc.setCurrentContext(name);
  return kc;
}

/**
 * Asks the context's API server for its version before any scenario starts, so that a server
 * that is down or credentials that expired give one line naming the context, not a failure per
 * scenario. A 403 is an answer: the server is there and knows who we are. Returns the /version
 * body (undefined after a 403): a live run reports the cluster's own Kubernetes version.
 */
export async function checkReachable(kc: KubeConfig): Promise<{ major?: string; minor?: string; gitVersion?: string } | undefined> {
  const context = kc.getCurrentContext();
  const server = kc.getCurrentCluster()?.server ?? '(no server)';
  try {
    return await new RestClient(kc).request('GET', '/version', { timeoutMs: 15_000 }) as { major?: string; minor?: string; gitVersion?: string };
  } catch (e) {
    if (e instanceof ServerUnreachableError) throw new UserError(`context "${context}": ${e.message}`);
    if (e instanceof ApiError && e.code === 401) {
      throw new UserError(`context "${context}": the API server at ${server} refused the credentials (401 Unauthorized); they may have expired: renew them in the kubeconfig`);
    }
    if (e instanceof ApiError && e.code === 403) return undefined;
    throw new UserError(`context "${context}": the API server at ${server} answered ${(e as ApiError).code ?? ''} ${(e as Error).message}`.replace(/  +/g, ' '));
  }
}

/**
 * The kinds the context's API server serves, from its discovery documents (as kubectl learns
 * them): what `kubespec check` accepts on a live run besides the built-in kinds, so a custom
 * resource the cluster has is fine. Undefined when discovery cannot be read.
 */
export async function servedKinds(kc: KubeConfig): Promise<string[] | undefined> {
  const rest = new RestClient(kc);
  try {
    const core = await rest.request('GET', '/api/v1', { timeoutMs: 15_000 }) as { resources?: Array<{ kind: string }> };
    const groups = await rest.request('GET', '/apis', { timeoutMs: 15_000 }) as { groups?: Array<{ preferredVersion?: { groupVersion: string } }> };
    const lists = await Promise.all((groups.groups ?? []).map((g) => g.preferredVersion?.groupVersion).filter(Boolean).map((gv) =>
      rest.request('GET', `/apis/${gv}`, { timeoutMs: 15_000 }).catch(() => ({})) as Promise<{ resources?: Array<{ kind: string }> }>));
    return [...new Set([core, ...lists].flatMap((l) => (l.resources ?? []).map((r) => r.kind)))];
  } catch {
    return undefined;
  }
}
