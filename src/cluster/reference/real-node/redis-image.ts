import type { ImageEntry, ImageSpec } from './oci-image.ts';
import { DEFAULT_PATH } from './oci-image.ts';
import { builtFrom, linkedLibraries, packageFile, unpackDebianPackages, type DebianTree, type Missing } from './debian-packages.ts';

/**
 * The redis image the scenarios pull (redis:7.4, 7.2, 7), built offline: Debian bookworm's redis
 * (7.0.15; redis-server and redis-cli from redis-tools, liblzf and jemalloc from their packages)
 * and gosu (1.14, Debian's), with the official image's conventions (docker-library/redis@e920499
 * 7.2/debian/Dockerfile and docker-entrypoint.sh): user and group redis 999, the programs in
 * /usr/local/bin with redis-check-aof and redis-check-rdb linked to redis-server, /data owned by
 * redis and the working folder, ENTRYPOINT docker-entrypoint.sh, CMD redis-server, no USER (the
 * entrypoint steps down to redis with gosu). Busybox's applets are its shell. What a scenario
 * sees of the version is `redis-server --version` and INFO's redis_version (7.0.15); the
 * official image's tzdata is left out.
 */
export const redisNames = ['docker.io/library/redis:7.4', 'docker.io/library/redis:7.2', 'docker.io/library/redis:7'];

const debianPackages = ['redis-server', 'redis-tools', 'liblzf1', 'libjemalloc2', 'gosu'];

/** docker-library/redis's Dockerfile: `groupadd -r -g 999 redis; useradd -r -g redis -u 999 redis`. */
const REDIS_OWNER = '999:999';

export async function redisImageSpec(dir: string, shell: ImageEntry[]): Promise<ImageSpec | Missing> {
  const tree = await unpackDebianPackages(dir, 'redis', debianPackages);
  if ('missing' in tree) return tree;
  const files = programs(tree);
  if ('missing' in files) return files;
  const libraries = await linkedLibraries([files.server, files.cli, files.benchmark], tree);
  if ('missing' in libraries) return libraries;
  return { ...redisSpec(shell, files, libraries), labels: builtFrom(tree) };
}

/** The spec from the programs found and the libraries they load (apart, so tests need no Debian archive). */
export function redisSpec(shell: ImageEntry[], files: RedisPrograms, libraries: ImageEntry[]): ImageSpec {
  return {
    names: redisNames,
    entries: [
      ...shell,
      ...libraries,
      // Debian installs the server as redis-check-rdb; redis picks its mode from argv[0], so the
      // real program sits apart and the names on PATH lead to it (redis-server is the wrapper below).
      { path: 'usr/local/libexec/redis/redis-server', copyOf: files.server },
      { path: 'usr/local/bin/redis-server', content: redisServerWrapper, mode: 0o755 },
      { path: 'usr/local/bin/redis-check-rdb', symlinkTo: '../libexec/redis/redis-server' },
      { path: 'usr/local/bin/redis-check-aof', symlinkTo: '../libexec/redis/redis-server' },
      { path: 'usr/local/bin/redis-cli', copyOf: files.cli },
      { path: 'usr/local/bin/redis-benchmark', copyOf: files.benchmark },
      { path: 'usr/local/bin/gosu', copyOf: files.gosu },
      { path: 'usr/local/bin/docker-entrypoint.sh', content: entrypoint, mode: 0o755 },
      { path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\nredis:x:999:999::/home/redis:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' },
      { path: 'etc/group', content: 'root:x:0:\nredis:x:999:\nnogroup:x:65534:\n' },
      { path: 'data', directory: true, owner: REDIS_OWNER },
    ],
    entrypoint: ['docker-entrypoint.sh'],
    cmd: ['redis-server'],
    env: [DEFAULT_PATH],
    workingDir: '/data',
  };
}

export interface RedisPrograms {
  server: string;
  cli: string;
  benchmark: string;
  gosu: string;
}

function programs(tree: DebianTree): RedisPrograms | Missing {
  const found = {
    server: packageFile(tree, 'usr/bin/redis-check-rdb'),
    cli: packageFile(tree, 'usr/bin/redis-cli'),
    benchmark: packageFile(tree, 'usr/bin/redis-benchmark'),
    gosu: packageFile(tree, 'usr/sbin/gosu'),
  };
  const lacking = Object.values(found).find((f): f is Missing => typeof f !== 'string');
  return lacking ?? (found as RedisPrograms);
}

/**
 * What docker-library/redis's docker-entrypoint.sh does, written here: options or a `.conf` first
 * mean redis-server; redis-server started as root hands the working folder to redis and runs
 * again as redis through gosu; the umask becomes 0077 when it is still the default 0022.
 */
const entrypoint = `#!/bin/sh
set -e
case "$1" in
  -*|*.conf) set -- redis-server "$@" ;;
esac
if [ "$1" = redis-server ] && [ "$(id -u)" = 0 ]; then
  find . ! -user redis -exec chown redis '{}' +
  exec gosu redis "$0" "$@"
fi
if [ "$(umask)" = 0022 ]; then umask 0077; fi
exec "$@"
`;

/**
 * The official image builds redis with protected mode off by default (its Dockerfile edits
 * src/config.c: a container's ports are reached only when published); Debian's build keeps it on,
 * so clients from other pods would be DENIED. This wrapper gives the same default: it appends
 * `--protected-mode no` (command-line options come after a config file's, so they win) unless an
 * option or the config file names protected-mode itself. A config read from stdin (`-`) keeps
 * Debian's default, as its content cannot be read twice.
 */
const redisServerWrapper = `#!/bin/sh
program=/usr/local/libexec/redis/redis-server
for arg in "$@"; do
  case "$arg" in --protected-mode) exec "$program" "$@" ;; esac
done
case "$1" in
  -) exec "$program" "$@" ;;
  -*|'') ;;
  *) if grep -qiE '^[[:space:]]*protected-mode[[:space:]]' "$1" 2>/dev/null; then exec "$program" "$@"; fi ;;
esac
exec "$program" "$@" --protected-mode no
`;
