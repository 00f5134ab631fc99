// Runs an image's shell script on this machine with stand-ins for the programs it calls, each of
// which prints its name and arguments: what the script would run, without running it.
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export async function runScript(script: string, args: string[], standIns: string[], cwd?: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'image-script-'));
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  for (const name of standIns) {
    writeFileSync(join(bin, name), `#!/bin/sh\necho "${name}\${*:+ $*}"\n`);
    chmodSync(join(bin, name), 0o755);
  }
  const path = join(dir, 'script.sh');
  writeFileSync(path, script);
  chmodSync(path, 0o755);
  const { stdout } = await execa('/bin/sh', [path, ...args], { cwd: cwd ?? dir, env: { PATH: `${bin}:/usr/bin:/bin` } });
  return stdout.replaceAll(path, '<script>');
}
