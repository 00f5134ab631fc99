import { Writable } from 'node:stream';
import type { KubeConfig } from '@kubernetes/client-node';

export interface ExecOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * `kubectl exec <pod> -c <container> -- <command>` through client-node's WebSocket Exec: the
 * output, and the exit code from the status the API server sends when the command ends.
 */
export async function execInContainer(kc: KubeConfig, namespace: string, pod: string, container: string, command: string[]): Promise<ExecOutput> {
  const { Exec } = await import('@kubernetes/client-node');
  let stdout = '';
  let stderr = '';
  const collect = (into: (text: string) => void) => new Writable({ write: (chunk, _encoding, done) => { into(String(chunk)); done(); } });
  return new Promise<ExecOutput>((resolve, reject) => {
    new Exec(kc).exec(namespace, pod, container, command, collect((t) => (stdout += t)), collect((t) => (stderr += t)), null, false, (status) => {
      if (status.status === 'Success') return resolve({ stdout, stderr, exitCode: 0 });
      const code = Number(status.details?.causes?.find((c) => c.reason === 'ExitCode')?.message);
      if (Number.isInteger(code)) return resolve({ stdout, stderr, exitCode: code });
      reject(new Error(`exec ${command.join(' ')} in container "${container}" of pod "${pod}": ${status.message ?? status.status}`));
    }).catch((e: Error) => reject(new Error(`exec in container "${container}" of pod "${pod}": ${e.message}`)));
  });
}

/** `env` output as a map (a value with a newline in it is cut at the newline, as `env` prints it ambiguously). */
export function parseEnvOutput(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return env;
}
