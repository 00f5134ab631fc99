import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { NodeBinaries } from './node-build.ts';
import { writeImageArchive, type ImageSpec } from './oci-image.ts';
import type { Missing } from './debian-packages.ts';
import { busyboxInFolder, busyboxShell } from './busybox.ts';
import { nginxImageSpec, officialNginx } from './nginx-image.ts';
import { unprivilegedNginx } from './nginx-unprivileged-image.ts';
import { redisImageSpec } from './redis-image.ts';
import { curlImageSpec } from './curl-image.ts';
import { distrolessImageSpecs } from './distroless-image.ts';

export interface NodeImage {
  /** The reference the kubelet asks for (the first of the image's names). */
  name: string;
  archive: string;
}

/**
 * The images a real node has without a registry, built offline into `dir`, each cached by what
 * its spec says (so a changed spec is built again): the pause image the kubelet's sandboxes use
 * (and the earlier tags of the same program), busybox (busybox-build.ts), agnhost (the release's,
 * and earlier tags the scenarios name, each built from its own release) and CoreDNS from their
 * static binaries. agnhost gets busybox's applets beside it: upstream's image has a shell too, and
 * probes and scenarios run `sh -c` in it. Then the images built from Debian packages (nginx and
 * nginx-unprivileged, redis, curl, distroless): one whose packages cannot be had is left out with
 * a line saying why. An image that is not here fails to pull, as on any cluster without the
 * registry (unbuildable-images.ts says why for those the scenarios name).
 */
export async function ensureNodeImages(binaries: NodeBinaries, dir: string, log: (line: string) => void = () => {}): Promise<NodeImage[]> {
  mkdirSync(dir, { recursive: true });
  const shell = await busyboxShell(binaries.busybox);
  const agnhost = (version: string, program: string): ImageSpec => ({
    names: [`registry.k8s.io/e2e-test-images/agnhost:${version}`],
    entries: [...shell, { path: 'agnhost', copyOf: program }],
    entrypoint: ['/agnhost'],
  });
  const specs: ImageSpec[] = [
    // As build/pause/Dockerfile makes it: USER 65535:65535, so runAsNonRoot pods can run it.
    { names: [pauseImage(binaries)], entries: [{ path: 'pause', copyOf: binaries.pause }], entrypoint: ['/pause'], user: PAUSE_USER },
    ...binaries.earlierPause.map(({ version, program }) => ({ names: [`registry.k8s.io/pause:${version}`], entries: [{ path: 'pause', copyOf: program }], entrypoint: ['/pause'], user: PAUSE_USER })),
    { names: ['docker.io/library/busybox:1.36'], entries: shell, cmd: ['sh'] },
    agnhost(binaries.agnhostVersion, binaries.agnhost),
    ...binaries.earlierAgnhost.map(({ version, program }) => agnhost(version, program)),
    { names: [corednsImage(binaries)], entries: [{ path: 'coredns', copyOf: binaries.coredns }], entrypoint: ['/coredns'] },
  ];
  // One after another: some share unpacked packages (nginx's, ca-certificates).
  const fromDebian: Array<() => Promise<ImageSpec | ImageSpec[] | Missing>> = [
    () => nginxImageSpec(dir, shell, officialNginx),
    () => nginxImageSpec(dir, shell, unprivilegedNginx),
    () => redisImageSpec(dir, shell),
    () => curlImageSpec(dir, shell),
    async () => distrolessImageSpecs(dir, await busyboxInFolder(binaries.busybox, 'busybox')),
  ];
  for (const make of fromDebian) {
    const spec = await make();
    if ('missing' in spec) log(`real node: an image is left out: ${spec.missing}`);
    else specs.push(...[spec].flat());
  }
  const images: NodeImage[] = [];
  for (const spec of specs) {
    const archive = archiveOf(dir, spec.names[0]!, specDigest(spec));
    if (!existsSync(archive)) await writeImageArchive(spec, archive);
    images.push({ name: spec.names[0]!, archive });
  }
  return images;
}

/** An image's archive, cached by name and by what its spec says (so a changed spec is built again). */
const archiveOf = (dir: string, name: string, digest: string): string => join(dir, `${name.replace(/[/:]/g, '_')}-${digest}.tar`);

/** What the spec says, files' contents aside (a copied file is named by its path; the binaries' folders are cached by their inputs). */
export function specDigest(spec: ImageSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 12);
}

/** build/pause/Dockerfile: `USER 65535:65535` (K@1.32.13 and K@1.37.2 alike). */
const PAUSE_USER = '65535:65535';

export const pauseImage = (binaries: NodeBinaries): string => `registry.k8s.io/pause:${binaries.pauseVersion}`;
export const corednsImage = (binaries: NodeBinaries): string => `registry.k8s.io/coredns/coredns:${binaries.corednsVersion}`;
export const agnhostImage = (binaries: NodeBinaries): string => `registry.k8s.io/e2e-test-images/agnhost:${binaries.agnhostVersion}`;
