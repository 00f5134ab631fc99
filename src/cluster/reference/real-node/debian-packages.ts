import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import type { ImageEntry } from './oci-image.ts';

/**
 * Debian bookworm packages unpacked for an offline image (issue 31): what nginx, redis, curl and
 * distroless images are built from. The packages are fetched once with `apt-get download` (the
 * archive this machine's apt knows) into `<dir>/<name>-debs` and unpacked with `dpkg-deb -x` into
 * `<dir>/<name>-root`, again only when the set of .deb files changed: no maintainer script runs,
 * so what a postinst would make (a CA bundle, a user) is the image's own business.
 */
export interface DebianTree {
  /** Where the packages' files are, as they would be under `/`. */
  root: string;
  /** The .deb files unpacked, by file name (their versions are in the names). */
  debs: string[];
}

/** The label naming the .deb files an image was built from (their versions are in the names). */
export function builtFrom(...trees: DebianTree[]): Record<string, string> {
  return { 'kubespec.io/debian-packages': trees.flatMap((t) => t.debs).join(' ') };
}

/** Why an image cannot be built here, as one line for `up`'s log. */
export interface Missing {
  missing: string;
}

export async function unpackDebianPackages(dir: string, name: string, packages: readonly string[]): Promise<DebianTree | Missing> {
  const debDir = join(dir, `${name}-debs`);
  mkdirSync(debDir, { recursive: true });
  const present = () => readdirSync(debDir).filter((f) => f.endsWith('.deb')).sort();
  const lacking = packages.filter((p) => !present().some((f) => f.startsWith(`${p}_`)));
  if (lacking.length) {
    const got = await execa('apt-get', ['download', '-q', ...lacking], { cwd: debDir, reject: false });
    if (got.exitCode !== 0) {
      return { missing: `the ${name} image needs Debian's ${packages.join(', ')} packages, and \`apt-get download ${lacking.join(' ')}\` failed: ${got.stderr.trim().split('\n').pop()}` };
    }
  }
  const debs = present().filter((f) => packages.some((p) => f.startsWith(`${p}_`)));
  const root = join(dir, `${name}-root`);
  const stamp = join(dir, `${name}-root.debs`);
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== debs.join('\n')) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    for (const deb of debs) await execa('dpkg-deb', ['-x', join(debDir, deb), root]);
    writeFileSync(stamp, debs.join('\n'));
  }
  return { root, debs };
}

/**
 * The shared libraries `ldd` says the programs load, the dynamic loader included, as image
 * entries at the paths the loader looks at: from the unpacked packages where they are there
 * (liblzf, libjemalloc for redis), else from this machine (libc, OpenSSL, ...).
 */
export async function linkedLibraries(programs: readonly string[], tree: DebianTree): Promise<ImageEntry[] | Missing> {
  const libraryDirs = ['lib/x86_64-linux-gnu', 'usr/lib/x86_64-linux-gnu'].map((d) => join(tree.root, d)).filter((d) => existsSync(d));
  const env = { LD_LIBRARY_PATH: libraryDirs.join(':') };
  const found = new Map<string, string>();
  for (const program of programs) {
    const { stdout, stderr, exitCode } = await execa('ldd', [program], { env, reject: false });
    if (/not a dynamic executable/.test(`${stdout}${stderr}`)) continue; // static: loads nothing
    if (exitCode !== 0) return { missing: `\`ldd ${program}\` failed: ${stderr.trim() || stdout.trim()}` };
    const notFound = stdout.split('\n').filter((l) => l.includes('not found')).map((l) => l.trim().split(' ')[0]);
    if (notFound.length) return { missing: `${relative(tree.root, program)} needs ${notFound.join(', ')}, which neither this machine nor the packages have` };
    for (const [, path] of stdout.matchAll(/(\/\S+) \(0x/g)) {
      const inTree = path!.startsWith(`${tree.root}/`);
      found.set(inTree ? `/${relative(tree.root, path!)}` : path!, path!);
    }
  }
  return [...found].sort(([a], [b]) => a.localeCompare(b)).map(([imagePath, from]) => ({ path: imagePath.slice(1), copyOf: from }));
}

/** Every file, link and folder under `folder` of the unpacked packages, as image entries at the same paths. */
export function treeEntries(tree: DebianTree, folder: string): ImageEntry[] {
  const entries: ImageEntry[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(join(tree.root, path)).sort()) {
      const child = join(path, name);
      const full = join(tree.root, child);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) entries.push({ path: child, symlinkTo: readlinkSync(full) });
      else if (stat.isDirectory()) {
        entries.push({ path: child, directory: true, mode: stat.mode & 0o7777 });
        walk(child);
      } else entries.push({ path: child, copyOf: full });
    }
  };
  if (existsSync(join(tree.root, folder))) walk(folder);
  return entries;
}

/** The package's file, or why it is not there (a package whose layout changed). */
export function packageFile(tree: DebianTree, path: string): string | Missing {
  const full = join(tree.root, path);
  return existsSync(full) ? full : { missing: `the unpacked packages (${tree.debs.join(', ')}) have no /${path}` };
}

/**
 * The CA bundle update-ca-certificates would write (/etc/ssl/certs/ca-certificates.crt) from
 * Debian's ca-certificates, whose postinst does not run here: every certificate the package
 * carries under /usr/share/ca-certificates, in name order, one PEM after another.
 */
export function certificateBundle(tree: DebianTree): string | Missing {
  const folder = join(tree.root, 'usr/share/ca-certificates');
  const files = existsSync(folder) ? readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.crt')).sort() : [];
  if (!files.length) return { missing: `the unpacked packages (${tree.debs.join(', ')}) have no certificates under /usr/share/ca-certificates` };
  return files.map((f) => readFileSync(join(folder, f), 'utf8')).map((pem) => (pem.endsWith('\n') ? pem : `${pem}\n`)).join('');
}
