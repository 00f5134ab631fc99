import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

/** One file of an image's root filesystem: a copy of a host file, a text, a symlink, or a folder. */
export type ImageEntry =
  | { path: string; copyOf: string }
  | { path: string; content: string; mode?: number }
  | { path: string; symlinkTo: string }
  | { path: string; directory: true; mode?: number };

export interface ImageSpec {
  /** Full references (registry/repository:tag) the image answers to, as a pull would name it. */
  names: string[];
  entries: ImageEntry[];
  entrypoint?: string[];
  cmd?: string[];
  /** The signal a container is stopped with (Dockerfile STOPSIGNAL), when not SIGTERM. */
  stopSignal?: string;
  /** The user the image runs as (Dockerfile USER, `uid:gid`), when not root. */
  user?: string;
}

/**
 * Writes an OCI image layout archive (oci-layout, index.json, blobs/sha256/...) with one
 * uncompressed layer, which `ctr images import` takes offline: each name is an index entry whose
 * `org.opencontainers.image.ref.name` annotation carries the full reference. GNU tar makes the
 * layer with fixed owners and times, so the same inputs give the same digests.
 */
export async function writeImageArchive(spec: ImageSpec, out: string): Promise<void> {
  const work = `${out}.work-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  const root = join(work, 'rootfs');
  const layout = join(work, 'layout');
  mkdirSync(root, { recursive: true });
  mkdirSync(join(layout, 'blobs', 'sha256'), { recursive: true });
  for (const entry of spec.entries) {
    const target = join(root, entry.path);
    mkdirSync(dirname(target), { recursive: true });
    if ('copyOf' in entry) {
      copyFileSync(entry.copyOf, target);
      chmodSync(target, statSync(entry.copyOf).mode & 0o7777);
    } else if ('content' in entry) {
      writeFileSync(target, entry.content);
      chmodSync(target, entry.mode ?? 0o644);
    } else if ('symlinkTo' in entry) {
      symlinkSync(entry.symlinkTo, target);
    } else {
      mkdirSync(target, { recursive: true });
      chmodSync(target, entry.mode ?? 0o755);
    }
  }
  const tarFlags = ['--sort=name', '--mtime=@0', '--owner=0', '--group=0', '--numeric-owner', '--format=posix', '--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime'];
  const layerFile = join(work, 'layer.tar');
  await execa('tar', [...tarFlags, '-C', root, '-cf', layerFile, '.']);
  const layer = blob(layout, readFileSync(layerFile));
  const config = blob(layout, Buffer.from(JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: {
      Env: ['PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
      ...(spec.cmd ? { Cmd: spec.cmd } : {}),
      ...(spec.stopSignal ? { StopSignal: spec.stopSignal } : {}),
      ...(spec.user ? { User: spec.user } : {}),
    },
    rootfs: { type: 'layers', diff_ids: [layer.digest] },
  })));
  const manifest = blob(layout, Buffer.from(JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', ...layer }],
  })));
  writeFileSync(join(layout, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(join(layout, 'index.json'), JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: spec.names.map((name) => ({
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      ...manifest,
      platform: { architecture: 'amd64', os: 'linux' },
      annotations: { 'org.opencontainers.image.ref.name': name },
    })),
  }));
  await execa('tar', [...tarFlags, '-C', layout, '-cf', `${out}.tmp`, '.']);
  renameSync(`${out}.tmp`, out);
  rmSync(work, { recursive: true, force: true });
}

/** Stores content under its digest and returns the descriptor's digest and size. */
function blob(layout: string, content: Buffer): { digest: string; size: number } {
  const hex = createHash('sha256').update(content).digest('hex');
  writeFileSync(join(layout, 'blobs', 'sha256', hex), content);
  return { digest: `sha256:${hex}`, size: content.length };
}
