import type { ImageEntry, ImageSpec } from './oci-image.ts';
import { DEFAULT_PATH } from './oci-image.ts';
import { builtFrom, certificateBundle, linkedLibraries, packageFile, unpackDebianPackages, type Missing } from './debian-packages.ts';

/**
 * curlimages/curl:8.11.1, built offline: Debian bookworm's curl and libcurl (7.88.1) and the
 * libraries they load, busybox's applets as the shell, with the image's conventions
 * (curl/curl-container@0d23917 create_base_image.sh and create_appliance_image.sh, on Alpine):
 * curl at /usr/bin/curl, the Mozilla CA bundle at /cacert.pem named by CURL_CA_BUNDLE (here from
 * Debian's ca-certificates), curl_user (Alpine's `adduser -S` in `addgroup -S curl_group`: uid 100,
 * gid 101), USER curl_user by name (the kubelet cannot check a name against runAsNonRoot, as with
 * upstream's), WORKDIR /home/curl_user, ENTRYPOINT /entrypoint.sh, CMD curl. What a scenario sees
 * of the version is `curl --version` (7.88.1) and its User-Agent.
 */
export const curlNames = ['docker.io/curlimages/curl:8.11.1'];

const CURL_USER = '100:101';

export async function curlImageSpec(dir: string, shell: ImageEntry[]): Promise<ImageSpec | Missing> {
  const tree = await unpackDebianPackages(dir, 'curl', ['curl', 'libcurl4']);
  if ('missing' in tree) return tree;
  const certificates = await unpackDebianPackages(dir, 'ca-certificates', ['ca-certificates']);
  if ('missing' in certificates) return certificates;
  const curl = packageFile(tree, 'usr/bin/curl');
  if (typeof curl !== 'string') return curl;
  const libraries = await linkedLibraries([curl], tree);
  if ('missing' in libraries) return libraries;
  const bundle = certificateBundle(certificates);
  if (typeof bundle !== 'string') return bundle;
  return { ...curlSpec(shell, curl, libraries, bundle), labels: builtFrom(tree, certificates) };
}

/** The spec from curl, the libraries it loads and the CA bundle (apart, so tests need no Debian archive). */
export function curlSpec(shell: ImageEntry[], curl: string, libraries: ImageEntry[], caBundle: string): ImageSpec {
  return {
    names: curlNames,
    entries: [
      ...shell,
      ...libraries,
      { path: 'usr/bin/curl', copyOf: curl },
      { path: 'cacert.pem', content: caBundle },
      { path: 'entrypoint.sh', content: entrypoint, mode: 0o755, owner: CURL_USER },
      { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\ncurl_user:x:100:101:Linux User,,,:/home/curl_user:/sbin/nologin\n' },
      { path: 'etc/group', content: 'root:x:0:root\nnogroup:x:65533:\nnobody:x:65534:\ncurl_group:x:101:curl_user\n' },
      { path: 'home/curl_user', directory: true, owner: CURL_USER },
    ],
    entrypoint: ['/entrypoint.sh'],
    cmd: ['curl'],
    user: 'curl_user',
    env: [DEFAULT_PATH, 'CURL_CA_BUNDLE=/cacert.pem'],
    workingDir: '/home/curl_user',
  };
}

/**
 * What curl-container's etc/entrypoint.sh does, written here: arguments that start with an option,
 * or whose first word is no command, are curl's; anything else runs as given.
 */
const entrypoint = `#!/bin/sh
set -e
case "$1" in
  -*) set -- curl "$@" ;;
  *) command -v "$1" >/dev/null 2>&1 || set -- curl "$@" ;;
esac
exec "$@"
`;
