import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import type { NodeBinaries } from './node-build.ts';
import { writeImageArchive, type ImageEntry, type ImageSpec } from './oci-image.ts';
import { nginxImageSpec, nginxNames } from './nginx-image.ts';

/** Debian's busybox-static: one static binary that is every applet, the busybox image's only file. */
const busyboxBinary = '/bin/busybox';

export interface NodeImage {
  /** The reference the kubelet asks for (the first of the image's names). */
  name: string;
  archive: string;
}

/**
 * The images a real node has without a registry, built offline into `dir` (cached by name): the
 * pause image the kubelet's sandboxes use (and the earlier tags of the same program), busybox from busybox-static, agnhost and CoreDNS from
 * their static binaries. agnhost gets busybox's applets beside it: upstream's image has a shell
 * too, and probes and scenarios run `sh -c` in it. An image that is not here fails to pull, as on
 * any cluster without the registry.
 */
export async function ensureNodeImages(binaries: NodeBinaries, dir: string, log: (line: string) => void = () => {}): Promise<NodeImage[]> {
  mkdirSync(dir, { recursive: true });
  const shell = await busyboxEntries();
  const specs: ImageSpec[] = [
    // As build/pause/Dockerfile makes it: USER 65535:65535, so runAsNonRoot pods can run it.
    { names: [pauseImage(binaries)], entries: [{ path: 'pause', copyOf: binaries.pause }], entrypoint: ['/pause'], user: PAUSE_USER },
    ...binaries.earlierPause.map(({ version, program }) => ({ names: [`registry.k8s.io/pause:${version}`], entries: [{ path: 'pause', copyOf: program }], entrypoint: ['/pause'], user: PAUSE_USER })),
    { names: ['docker.io/library/busybox:1.36'], entries: shell, cmd: ['sh'] },
    {
      names: [`registry.k8s.io/e2e-test-images/agnhost:${binaries.agnhostVersion}`],
      entries: [...shell, { path: 'agnhost', copyOf: binaries.agnhost }],
      entrypoint: ['/agnhost'],
    },
    { names: [corednsImage(binaries)], entries: [{ path: 'coredns', copyOf: binaries.coredns }], entrypoint: ['/coredns'] },
  ];
  const images: NodeImage[] = [];
  for (const spec of specs) {
    const archive = archiveOf(dir, spec.names[0]!, specDigest(spec));
    if (!existsSync(archive)) await writeImageArchive(spec, archive);
    images.push({ name: spec.names[0]!, archive });
  }
  // nginx comes from the Debian archive (nginx-image.ts): without it, its scenarios say so.
  const nginx = archiveOf(dir, nginxNames[0]!);
  if (!existsSync(nginx)) {
    const spec = await nginxImageSpec(dir, shell);
    if ('missing' in spec) log(`real node: no nginx image: ${spec.missing}`);
    else await writeImageArchive(spec, nginx);
  }
  if (existsSync(nginx)) images.push({ name: nginxNames[0]!, archive: nginx });
  return images;
}

/** An image's archive, cached by name and, where given, by what its spec says (so a changed spec is built again). */
const archiveOf = (dir: string, name: string, digest?: string): string => join(dir, `${name.replace(/[/:]/g, '_')}${digest ? `-${digest}` : ''}.tar`);

function specDigest(spec: ImageSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 12);
}

/** build/pause/Dockerfile: `USER 65535:65535` (K@1.32.13 and K@1.37.2 alike). */
const PAUSE_USER = '65535:65535';

export const pauseImage = (binaries: NodeBinaries): string => `registry.k8s.io/pause:${binaries.pauseVersion}`;
export const corednsImage = (binaries: NodeBinaries): string => `registry.k8s.io/coredns/coredns:${binaries.corednsVersion}`;
export const agnhostImage = (binaries: NodeBinaries): string => `registry.k8s.io/e2e-test-images/agnhost:${binaries.agnhostVersion}`;

/** busybox and a symlink per applet where busybox itself says it lives, plus the usual empty folders. */
async function busyboxEntries(): Promise<ImageEntry[]> {
  const { stdout } = await execa(busyboxBinary, ['--list-full']);
  const applets = stdout.split('\n').map((l) => l.trim()).filter((l) => l && l !== 'bin/busybox');
  const entries: ImageEntry[] = [{ path: 'bin/busybox', copyOf: busyboxBinary }];
  for (const applet of applets) entries.push({ path: applet, symlinkTo: relativeToBusybox(applet) });
  for (const folder of ['etc', 'root', 'var', 'home']) entries.push({ path: folder, directory: true });
  entries.push({ path: 'tmp', directory: true, mode: 0o1777 });
  return entries;
}

function relativeToBusybox(applet: string): string {
  const depth = dirname(applet).split('/').length;
  return `${'../'.repeat(depth)}bin/busybox`;
}
