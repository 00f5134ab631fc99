import { existsSync } from 'node:fs';
import { execa } from 'execa';

/**
 * Where `go mod download` puts upstream modules (the Go module cache), fetching them from the
 * module proxy the first time. Undefined when Go is missing, the proxy refuses, or it takes
 * longer than `timeoutMs`: callers then do without what the modules would have given.
 */
export async function goModuleDirs(modules: readonly string[], timeoutMs = 300_000): Promise<Record<string, string> | undefined> {
  try {
    const { stdout } = await execa('go', ['mod', 'download', '-json', ...modules], {
      env: { GOFLAGS: '-mod=mod', GO111MODULE: 'on' }, cwd: '/', timeout: timeoutMs,
    });
    const dirs: Record<string, string> = {};
    // `go mod download -json` prints one JSON object per module, back to back.
    for (const chunk of stdout.split(/\n(?=\{)/)) {
      const info = JSON.parse(chunk);
      if (info.Dir) dirs[`${info.Path}@${info.Version}`] = info.Dir;
    }
    return modules.every((m) => dirs[m] && existsSync(dirs[m]!)) ? dirs : undefined;
  } catch {
    return undefined;
  }
}
