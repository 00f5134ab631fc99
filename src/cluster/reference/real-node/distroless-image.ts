import type { ImageEntry, ImageSpec } from './oci-image.ts';
import { DEFAULT_PATH } from './oci-image.ts';
import { builtFrom, certificateBundle, treeEntries, unpackDebianPackages, type DebianTree, type Missing } from './debian-packages.ts';

/**
 * gcr.io/distroless/static-debian12's :debug and :debug-nonroot, built offline as distroless
 * builds them (GoogleContainerTools/distroless@cd08076 static/static.bzl, static/config.bzl,
 * common/BUILD.bazel, common/variables.bzl): the files of Debian's base-files, netbase, tzdata and
 * media-types; the CA bundle of ca-certificates at /etc/ssl/certs/ca-certificates.crt (named by
 * SSL_CERT_FILE); its own /etc/passwd (root 0, nobody 65534, nonroot 65532), /etc/group,
 * /etc/nsswitch.conf and /etc/os-release; /root 0700, /home, /home/nonroot 0700 owned by nonroot;
 * /tmp 1777. The :debug variants add busybox at /busybox (ENTRYPOINT /busybox/sh, /busybox on
 * PATH); -nonroot runs as 65532 in /home/nonroot, the other as 0 in /. The busybox is 1.35.0
 * built as docker-library's (busybox-build.ts; glibc, static) where distroless ships
 * docker-library's 1.37 (musl).
 */
export const distrolessVariants = [
  { names: ['gcr.io/distroless/static-debian12:debug'], user: '0', workingDir: '/' },
  { names: ['gcr.io/distroless/static-debian12:debug-nonroot'], user: '65532', workingDir: '/home/nonroot' },
] as const;

/** static/config.bzl STATIC_PACKAGES["debian12"]. */
const debianPackages = ['base-files', 'netbase', 'tzdata', 'media-types'];

export async function distrolessImageSpecs(dir: string, busybox: ImageEntry[]): Promise<ImageSpec[] | Missing> {
  const tree = await unpackDebianPackages(dir, 'distroless', debianPackages);
  if ('missing' in tree) return tree;
  const certificates = await unpackDebianPackages(dir, 'ca-certificates', ['ca-certificates']);
  if ('missing' in certificates) return certificates;
  const bundle = certificateBundle(certificates);
  if (typeof bundle !== 'string') return bundle;
  return distrolessSpecs(tree, busybox, bundle).map((spec) => ({ ...spec, labels: builtFrom(tree, certificates) }));
}

/** The two debug images from the unpacked packages, busybox's entries under /busybox and the CA bundle. */
export function distrolessSpecs(tree: DebianTree, busybox: ImageEntry[], caBundle: string): ImageSpec[] {
  const own: ImageEntry[] = [
    { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' },
    { path: 'etc/group', content: 'root:x:0:\nnobody:x:65534:\ntty:x:5:\nstaff:x:50:\nnonroot:x:65532:\n' },
    { path: 'etc/nsswitch.conf', content: nsswitch },
    { path: 'etc/os-release', content: osRelease },
    { path: 'etc/ssl/certs/ca-certificates.crt', content: caBundle },
    { path: 'root', directory: true, mode: 0o700 },
    { path: 'home', directory: true, mode: 0o755 },
    { path: 'home/nonroot', directory: true, mode: 0o700, owner: '65532:65532' },
    { path: 'tmp', directory: true, mode: 0o1777 },
  ];
  // Distroless writes these over what the packages have (base-files' /etc/os-release link).
  const replaced = new Set(own.map((e) => e.path));
  const packaged = treeEntries(tree, '').filter((e) => !replaced.has(e.path));
  return distrolessVariants.map((variant) => ({
    names: [...variant.names],
    entries: [...packaged, ...own, ...busybox],
    entrypoint: ['/busybox/sh'],
    env: [`${DEFAULT_PATH}:/busybox`, 'SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt'],
    user: variant.user,
    workingDir: variant.workingDir,
  }));
}

/** static/nsswitch.conf's lookups: users and groups from the files, hosts from the files then DNS. */
const nsswitch = `passwd:         compat
group:          compat
shadow:         compat
gshadow:        files

hosts:          files dns
networks:       files

protocols:      db files
services:       db files
ethers:         db files
rpc:            db files

netgroup:       nis
`;

/** common/variables.bzl OS_RELEASE for debian12 (bookworm, 12). */
const osRelease = `PRETTY_NAME="Distroless"
NAME="Debian GNU/Linux"
ID="debian"
VERSION_ID="12"
VERSION="Debian GNU/Linux 12 (bookworm)"
HOME_URL="https://github.com/GoogleContainerTools/distroless"
SUPPORT_URL="https://github.com/GoogleContainerTools/distroless/blob/master/README.md"
BUG_REPORT_URL="https://github.com/GoogleContainerTools/distroless/issues/new"
`;
