import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execaSync } from 'execa';
import protobuf from 'protobufjs';

/**
 * The Kubernetes protobuf schemas (the generated.proto files of k8s.io/api and
 * k8s.io/apimachinery v0.32.13), loaded from the Go module cache; `go mod download` fetches
 * them from the module proxy the first time. Undefined when Go is not installed or the download
 * fails: protobuf bodies are then refused with a clear message instead.
 */
const VERSION = 'v0.32.13';
const MODULES = ['k8s.io/api', 'k8s.io/apimachinery'] as const;

let loaded: protobuf.Root | null | undefined;

function moduleDirs(): Record<string, string> | undefined {
  try {
    const out = execaSync('go', ['mod', 'download', '-json', ...MODULES.map((m) => `${m}@${VERSION}`)], {
      env: { GOFLAGS: '-mod=mod', GO111MODULE: 'on' }, cwd: '/', timeout: 120_000,
    }).stdout;
    const dirs: Record<string, string> = {};
    // `go mod download -json` prints one JSON object per module, back to back.
    for (const chunk of out.split(/\n(?=\{)/)) {
      const info = JSON.parse(chunk);
      if (info.Dir) dirs[info.Path] = info.Dir;
    }
    return MODULES.every((m) => dirs[m] && existsSync(dirs[m])) ? dirs : undefined;
  } catch {
    return undefined;
  }
}

/** Every API group's schema in one root; null when the schemas cannot be had. */
export function kubernetesProtos(): protobuf.Root | null {
  if (loaded !== undefined) return loaded;
  const dirs = moduleDirs();
  if (!dirs) return (loaded = null);
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => {
    for (const m of MODULES) if (target.startsWith(`${m}/`)) return join(dirs[m]!, target.slice(m.length + 1));
    return target;
  };
  const files = ['core/v1', 'apps/v1', 'batch/v1', 'rbac/v1', 'networking/v1', 'policy/v1', 'scheduling/v1', 'storage/v1', 'autoscaling/v1', 'autoscaling/v2', 'discovery/v1', 'coordination/v1', 'authorization/v1']
    .map((gv) => `k8s.io/api/${gv}/generated.proto`);
  try {
    root.loadSync(files, { keepCase: true });
    root.resolveAll();
    return (loaded = root);
  } catch {
    return (loaded = null);
  }
}
