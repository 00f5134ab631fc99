import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goModuleDirs } from './go-modules.ts';
import { defaultKubernetesVersion, type KubernetesRelease } from '../kube/kubernetes-versions.ts';

/** Each release's spec folder (one `go mod download` of its k8s.io/kubernetes module each). */
const folders = new Map<string, Promise<string | undefined>>();
const documents = new Map<string, object | undefined>();

/**
 * The published OpenAPI v3 document of a group version (`api/v1`, `apis/apps/v1`), as the
 * kube-apiserver of the release serves it: api/openapi-spec/v3 of that release's k8s.io/kubernetes
 * module (`release.module`), read from the Go module cache and fetched into it by `go mod download`
 * the first time (a fresh CI machine). With it kubectl explains every field and computes patches
 * from the real schemas. Undefined when the module cannot be had.
 */
export async function upstreamOpenApi(groupVersionPath: string, release: KubernetesRelease = defaultKubernetesVersion()): Promise<object | undefined> {
  const key = `${release.module} ${groupVersionPath}`;
  if (documents.has(key)) return documents.get(key);
  const dir = await specFolder(release);
  const file = dir && join(dir, `${groupVersionPath.replaceAll('/', '__')}_openapi.json`);
  const document = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as object : undefined;
  documents.set(key, document);
  return document;
}

/** Starts fetching the release's module (if it is not in the cache yet) so that the first request does not wait as long. */
export function specFolder(release: KubernetesRelease = defaultKubernetesVersion()): Promise<string | undefined> {
  const module = release.module;
  let folder = folders.get(module);
  if (!folder) {
    folder = goModuleDirs([module]).then((dirs) => dirs && join(dirs[module]!, 'api', 'openapi-spec', 'v3'));
    folders.set(module, folder);
  }
  return folder;
}
