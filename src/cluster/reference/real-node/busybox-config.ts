/**
 * What the official busybox image changes in `make defconfig`'s .config, and the edit that makes
 * the changes, as its builder does them.
 *
 * The tag the scenarios pull, busybox:1.36, was last built from docker-library/busybox@c7624fc
 * (2026-03-24; the next commit, 3c8912c, moved latest-1 to 1.37.0). Its latest-1/glibc/Dockerfile.builder
 * (glibc is the variant the plain tag names: generate-stackbrew-library.sh gives "latest" and
 * friends the first variant, versions.json lists glibc first) sets, after `make defconfig`
 * (lines 66-105): CONFIG_AR, CONFIG_FEATURE_AR_CREATE, CONFIG_FEATURE_AR_LONG_FILENAMES,
 * CONFIG_LAST_SUPPORTED_WCHAR=0, CONFIG_INOTIFYD; and unsets CONFIG_FEATURE_SYNC_FANCY.
 *
 * One difference, on purpose: CONFIG_STATIC=y, as upstream's musl and uclibc variants set it
 * (latest-1/musl/Dockerfile.builder:80). The glibc variant is dynamic and carries libc and libnss
 * beside it in /lib; here the image is the one static program, as it was with Debian's
 * busybox-static (glibc 2.36's static lookups read /etc/hosts and ask DNS without libnss).
 *
 * The version built is 1.35.0 (the Debian archive's source, the only one reachable here).
 * Upstream's builds of 1.35.x also unset CONFIG_SHA256_HWACCEL and CONFIG_SHA1_HWACCEL
 * (docker-library/busybox@3f0f1f2 Dockerfile-builder.template:269-270); 1.35.0's source has no
 * such options (no HWACCEL anywhere in its tarball), so there is nothing to unset.
 */
export interface ConfigChanges {
  /** `NAME=value` lines the .config must hold. */
  set: readonly string[];
  /** Option names that must end up `# NAME is not set`. */
  unset: readonly string[];
}

export const officialConfigChanges: ConfigChanges = {
  set: [
    'CONFIG_AR=y',
    'CONFIG_FEATURE_AR_CREATE=y',
    'CONFIG_FEATURE_AR_LONG_FILENAMES=y',
    'CONFIG_LAST_SUPPORTED_WCHAR=0',
    'CONFIG_INOTIFYD=y',
    'CONFIG_STATIC=y',
  ],
  unset: ['CONFIG_FEATURE_SYNC_FANCY'],
};

/**
 * The .config text with the changes made as the builder's sed does them: an unset option's
 * `NAME=...` line becomes `# NAME is not set`; a set option replaces its `NAME=...` or
 * `# NAME is not set` line, and is appended when neither is there. Other lines stay as they are.
 */
export function applyConfigChanges(config: string, changes: ConfigChanges): string {
  const lines = config.split('\n');
  const unset = new Set(changes.unset);
  const set = new Map(changes.set.map((line) => [line.slice(0, line.indexOf('=')), line]));
  const placed = new Set<string>();
  const edited = lines.map((line) => {
    const name = optionName(line) ?? /^# (CONFIG_\w+) is not set$/.exec(line)?.[1];
    if (!name) return line;
    const wanted = set.get(name);
    if (wanted !== undefined) {
      placed.add(name);
      return wanted;
    }
    return unset.has(name) && !line.startsWith('#') ? `# ${name} is not set` : line;
  });
  const appended = [...set].filter(([name]) => !placed.has(name)).map(([, line]) => line);
  if (!appended.length) return edited.join('\n');
  const endsWithNewline = edited.at(-1) === '';
  const body = endsWithNewline ? edited.slice(0, -1) : edited;
  return [...body, ...appended, ...(endsWithNewline ? [''] : [])].join('\n');
}

/**
 * What a .config says against the changes, one line each (empty: it holds them all), as the
 * builder's "trust, but verify" greps after `make oldconfig`: a set line that is not there, or an
 * unset option that has a value.
 */
export function configDisagreements(config: string, changes: ConfigChanges): string[] {
  const lines = new Set(config.split('\n'));
  const valued = new Set(config.split('\n').map(optionName).filter((n): n is string => !!n));
  return [
    ...changes.set.filter((line) => !lines.has(line)).map((line) => `${line} is not in the .config`),
    ...changes.unset.filter((name) => valued.has(name)).map((name) => `${name} has a value, not "is not set"`),
  ];
}

function optionName(line: string): string | undefined {
  return /^(CONFIG_\w+)=/.exec(line)?.[1];
}
