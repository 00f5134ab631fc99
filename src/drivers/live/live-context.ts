import type { KubeConfig } from '@kubernetes/client-node';
import { UserError } from '../../errors.ts';

/**
 * Which cluster a live run talks to, and the guard that keeps a typo away from production: only
 * kind clusters (`kind-*`), a `kubespec serve` cluster (`kubespec`), the reference control plane
 * (`kubespec-reference`) and contexts listed in KUBESPEC_ALLOWED_CONTEXTS (comma-separated) are
 * accepted.
 */
/** Contexts kubespec itself writes: `kubespec serve` and `kubespec cluster reference up`. */
const builtInContexts = ['kubespec', 'kubespec-reference'];

export async function loadLiveContext(context: string | undefined, env: Record<string, string | undefined> = process.env, kubeconfigFile?: string): Promise<KubeConfig> {
  // Imported here, not at the top: @kubernetes/client-node takes about 2 s to load, and only
  // commands that talk to a real API server need it.
  const { KubeConfig } = await import('@kubernetes/client-node');
  const kc = new KubeConfig();
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
