import { execa } from 'execa';
import { UnsupportedError } from './errors.ts';

/** What a kubectl command printed and how it ended. */
export interface KubectlResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Long enough for any command a scenario runs; a watch (`-w`) or `rollout status` that never ends is cut off. */
const KUBECTL_TIMEOUT_MS = 60_000;

/**
 * Runs the real kubectl with a kubeconfig whose current context has the scenario's namespace:
 * the scenario's cluster as a learner or an operator would see it. kubectl's own checks (flags,
 * `--overwrite`, client-side messages) are then kubectl's, not a model of them. The namespace is
 * the context's, not a --namespace flag, because some commands (cluster-info) read only the flag.
 * `kubectl` is the binary (kubectl-binary.ts picks one of the server's minor); default the PATH's.
 */
export async function runKubectl(args: readonly string[], kubeconfig: string, kubectl = 'kubectl'): Promise<KubectlResult> {
  const result = await execa(kubectl, args, {
    env: { KUBECONFIG: kubeconfig },
    extendEnv: true,
    reject: false,
    timeout: KUBECTL_TIMEOUT_MS,
    stdin: 'ignore',
  });
  if ((result as { code?: string }).code === 'ENOENT') throw new UnsupportedError('kubectl is not installed (it is not on the PATH)');
  if (result.timedOut) return { exitCode: 124, stdout: result.stdout, stderr: `${result.stderr}\nkubespec: kubectl did not finish within ${KUBECTL_TIMEOUT_MS / 1000}s` };
  return { exitCode: result.exitCode ?? 1, stdout: result.stdout, stderr: result.stderr };
}
