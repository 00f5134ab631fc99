import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse, stringify } from 'yaml';

export interface KubeconfigEntry {
  /** Context, cluster and user name. */
  name: string;
  server: string;
  caPem: string;
  token: string;
}

/** A kubeconfig with one context for the served cluster. */
export function kubeconfigFor(entry: KubeconfigEntry): object {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: entry.name, cluster: { server: entry.server, 'certificate-authority-data': Buffer.from(entry.caPem).toString('base64') } }],
    users: [{ name: entry.name, user: { token: entry.token } }],
    contexts: [{ name: entry.name, context: { cluster: entry.name, user: entry.name, namespace: 'default' } }],
    'current-context': entry.name,
    preferences: {},
  };
}

/** Writes the kubeconfig to `path` (mode 0600: it holds the token). */
export function writeKubeconfig(path: string, entry: KubeconfigEntry): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(kubeconfigFor(entry)), { mode: 0o600 });
}

/**
 * Merges the served cluster into an existing kubeconfig (replacing entries of the same name) and
 * makes it the current context, leaving every other context as it was.
 */
export function mergeKubeconfig(path: string, entry: KubeconfigEntry): void {
  const existing: any = existsSync(path) ? parse(readFileSync(path, 'utf8')) ?? {} : {};
  const ours: any = kubeconfigFor(entry);
  const merge = (key: string) => [...(existing[key] ?? []).filter((e: any) => e.name !== entry.name), ...ours[key]];
  const merged = { ...ours, ...existing, clusters: merge('clusters'), users: merge('users'), contexts: merge('contexts'), 'current-context': entry.name };
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, stringify(merged), { mode: 0o600 });
}
