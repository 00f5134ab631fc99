import { dirname } from 'node:path';
import { execa } from 'execa';
import type { ImageEntry } from './oci-image.ts';

/**
 * A shell and the usual tools where a distribution has them: busybox (`program`, one static
 * binary that is every applet: busybox-build.ts's, else Debian's busybox-static) and a symlink per
 * applet where busybox itself says it lives (`--list-full`), plus the usual empty folders. The
 * busybox image is this alone; other images get it for `sh -c`, as upstream's have a shell.
 */
export async function busyboxShell(program: string): Promise<ImageEntry[]> {
  const { stdout } = await execa(program, ['--list-full']);
  const applets = stdout.split('\n').map((l) => l.trim()).filter((l) => l && l !== 'bin/busybox');
  const entries: ImageEntry[] = [{ path: 'bin/busybox', copyOf: program }];
  for (const applet of applets) entries.push({ path: applet, symlinkTo: relativeToBusybox(applet) });
  for (const folder of ['etc', 'root', 'var', 'home']) entries.push({ path: folder, directory: true });
  entries.push({ path: 'tmp', directory: true, mode: 0o1777 });
  return entries;
}

/**
 * busybox in a folder of its own with every applet beside it (`/busybox/sh -> /busybox/busybox`),
 * as distroless's :debug images carry it (GoogleContainerTools/distroless@cd08076
 * experimental/busybox/commands.bzl busybox_layer).
 */
export async function busyboxInFolder(program: string, folder: string): Promise<ImageEntry[]> {
  const { stdout } = await execa(program, ['--list']);
  const applets = stdout.split('\n').map((l) => l.trim()).filter((l) => l && l !== 'busybox');
  return [
    { path: folder, directory: true },
    { path: `${folder}/busybox`, copyOf: program },
    ...applets.map((applet): ImageEntry => ({ path: `${folder}/${applet}`, symlinkTo: `/${folder}/busybox` })),
  ];
}

function relativeToBusybox(applet: string): string {
  const depth = dirname(applet).split('/').length;
  return `${'../'.repeat(depth)}bin/busybox`;
}
