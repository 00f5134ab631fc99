import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';

/**
 * One file of an image's root filesystem: a copy of a host file, a text, a symlink, or a folder.
 * `owner` (`uid:gid`) owns the entry and, for a folder, everything under it, as a Dockerfile's
 * `chown -R` would; without it root does.
 */
export type ImageEntry =
  | { path: string; copyOf: string; owner?: string }
  | { path: string; content: string; mode?: number; owner?: string }
  | { path: string; symlinkTo: string }
  | { path: string; directory: true; mode?: number; owner?: string };

export interface ImageSpec {
  /** Full references (registry/repository:tag) the image answers to, as a pull would name it. */
  names: string[];
  entries: ImageEntry[];
  entrypoint?: string[];
  cmd?: string[];
  /** The signal a container is stopped with (Dockerfile STOPSIGNAL), when not SIGTERM. */
  stopSignal?: string;
  /** The user the image runs as (Dockerfile USER, `uid:gid`, a uid or a name), when not root. */
  user?: string;
  /** The environment (Dockerfile ENV), when not only Debian's default PATH. */
  env?: string[];
  /** The folder the process starts in (Dockerfile WORKDIR), when not `/`. */
  workingDir?: string;
  /** The config's labels (Dockerfile LABEL): here, what an image was built from, so a new package version makes a new image. */
  labels?: Record<string, string>;
}

/** The PATH an image gets when its spec names no environment: Debian's and the official images'. */
export const DEFAULT_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Writes an OCI image layout archive (oci-layout, index.json, blobs/sha256/...) with one
 * uncompressed layer, which `ctr images import` takes offline: each name is an index entry whose
 * `org.opencontainers.image.ref.name` annotation carries the full reference. GNU tar makes the
 * layer with fixed owners and times, so the same inputs give the same digests. Owned entries are
 * left out of the first pass and appended with their owner, so nothing depends on who runs this.
 */
export async function writeImageArchive(spec: ImageSpec, out: string): Promise<void> {
  const owned = ownedEntries(spec.entries);
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
  const tarFlags = (owner = '0:0') => ['--sort=name', '--mtime=@0', `--owner=${owner.split(':')[0]}`, `--group=${owner.split(':')[1]}`, '--numeric-owner', '--format=posix', '--pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime'];
  const layerFile = join(work, 'layer.tar');
  const leftForLater = owned.flatMap((e) => ['--exclude', `./${e.path}`]);
  await execa('tar', [...tarFlags(), '--anchored', '--no-wildcards', ...leftForLater, '-C', root, '-cf', layerFile, '.']);
  for (const entry of owned) await execa('tar', [...tarFlags(entry.owner), '-C', root, '-rf', layerFile, `./${entry.path}`]);
  const layer = blob(layout, readFileSync(layerFile));
  const config = blob(layout, Buffer.from(JSON.stringify({
    architecture: 'amd64',
    os: 'linux',
    config: {
      Env: spec.env ?? [DEFAULT_PATH],
      ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
      ...(spec.cmd ? { Cmd: spec.cmd } : {}),
      ...(spec.stopSignal ? { StopSignal: spec.stopSignal } : {}),
      ...(spec.user ? { User: spec.user } : {}),
      ...(spec.workingDir ? { WorkingDir: spec.workingDir } : {}),
      ...(spec.labels ? { Labels: spec.labels } : {}),
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
  await execa('tar', [...tarFlags(), '-C', layout, '-cf', `${out}.tmp`, '.']);
  renameSync(`${out}.tmp`, out);
  rmSync(work, { recursive: true, force: true });
}

/** The entries with an owner, checked: an owned entry inside another would be owned twice. */
function ownedEntries(entries: readonly ImageEntry[]): Array<ImageEntry & { owner: string }> {
  const owned = entries.filter((e): e is ImageEntry & { owner: string } => 'owner' in e && e.owner !== undefined);
  for (const outer of owned) {
    if (!/^\d+:\d+$/.test(outer.owner)) throw new Error(`image entry ${outer.path}: owner "${outer.owner}" is not uid:gid (try 999:999)`);
    const inner = owned.find((e) => e !== outer && e.path.startsWith(`${outer.path}/`));
    if (inner) throw new Error(`image entry ${inner.path} has an owner inside ${outer.path}, which has one already`);
  }
  return owned;
}

/** Stores content under its digest and returns the descriptor's digest and size. */
function blob(layout: string, content: Buffer): { digest: string; size: number } {
  const hex = createHash('sha256').update(content).digest('hex');
  writeFileSync(join(layout, 'blobs', 'sha256', hex), content);
  return { digest: `sha256:${hex}`, size: content.length };
}
