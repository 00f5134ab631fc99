import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { goModuleDirs } from './go-modules.ts';

/** The Kubernetes release whose API the served cluster speaks. */
const KUBERNETES = 'k8s.io/kubernetes@v1.32.13';

let folder: Promise<string | undefined> | undefined;
const documents = new Map<string, object | undefined>();

/**
 * The published OpenAPI v3 document of a group version (`api/v1`, `apis/apps/v1`), as the
 * kube-apiserver of the served release serves it: api/openapi-spec/v3 of the k8s.io/kubernetes
 * module, read from the Go module cache. With it kubectl explains every field and computes
 * patches from the real schemas. Undefined when the module cannot be had.
 */
export async function upstreamOpenApi(groupVersionPath: string): Promise<object | undefined> {
  if (documents.has(groupVersionPath)) return documents.get(groupVersionPath);
  const dir = await specFolder();
  const file = dir && join(dir, `${groupVersionPath.replaceAll('/', '__')}_openapi.json`);
  const document = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as object : undefined;
  documents.set(groupVersionPath, document);
  return document;
}

/** Starts fetching the module (if it is not in the cache yet) so that the first request does not wait as long. */
export function specFolder(): Promise<string | undefined> {
  folder ??= goModuleDirs([KUBERNETES]).then((dirs) => dirs && join(dirs[KUBERNETES]!, 'api', 'openapi-spec', 'v3'));
  return folder;
}
