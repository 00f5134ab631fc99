import { join } from 'node:path';
import { goModuleDirs } from '../apiserver/index.ts';
import protobuf from 'protobufjs';

/**
 * The Kubernetes protobuf schemas (the generated.proto files of k8s.io/api and
 * k8s.io/apimachinery v0.32.13), loaded from the Go module cache; `go mod download` fetches
 * them from the module proxy the first time. Undefined when Go is not installed or the download
 * fails: protobuf bodies are then refused with a clear message instead.
 */
const VERSION = 'v0.32.13';
const MODULES = ['k8s.io/api', 'k8s.io/apimachinery'] as const;

let loaded: Promise<protobuf.Root | null> | undefined;

/** Every API group's schema in one root; null when the schemas cannot be had. */
export function kubernetesProtos(): Promise<protobuf.Root | null> {
  loaded ??= loadProtos();
  return loaded;
}

async function loadProtos(): Promise<protobuf.Root | null> {
  const found = await goModuleDirs(MODULES.map((m) => `${m}@${VERSION}`), 120_000);
  if (!found) return null;
  const dirs = Object.fromEntries(MODULES.map((m) => [m, found[`${m}@${VERSION}`]!]));
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    for (const m of MODULES) if (target.startsWith(`${m}/`)) return join(dirs[m]!, target.slice(m.length + 1));
    return target;
  };
  const files = ['core/v1', 'apps/v1', 'batch/v1', 'rbac/v1', 'networking/v1', 'policy/v1', 'scheduling/v1', 'storage/v1', 'autoscaling/v1', 'autoscaling/v2', 'discovery/v1', 'coordination/v1', 'authorization/v1', 'authentication/v1']
    .map((gv) => `k8s.io/api/${gv}/generated.proto`);
  try {
    root.loadSync(files, { keepCase: true });
    root.resolveAll();
    return root;
  } catch {
    return null;
  }
}
