/**
 * The Kubernetes version a run uses (issue 26): `--kubernetes-version` or the `kubernetesVersion`
 * config key on the simulator, the cluster's own /version on a live run, and the scenario tags
 * that say which versions a scenario's expectations hold for. The versioned facts themselves are
 * src/kube/kubernetes-versions.ts; this module only chooses among them and explains refusals.
 *
 * Scenario tags: `@kubernetes-1.37` (exactly that minor), `@kubernetes-1.36+` (that minor or a
 * later one), `@kubernetes-1.36-` (that minor or an earlier one). A scenario whose tags exclude the
 * run's version is not applicable on it: reported before it starts, with the reason, like a step
 * the driver cannot do (drivers/capabilities.ts), never failed.
 */
import { defaultKubernetesVersion, KubernetesVersionError, parseKubernetesVersion, type KubernetesVersion } from './kube/kubernetes-versions.ts';
import { UserError } from './errors.ts';

/** Parses a `--kubernetes-version` value (or the config key); a bad one is the user's to fix. */
export function chooseKubernetesVersion(value: unknown, origin = '--kubernetes-version'): KubernetesVersion {
  if (value === undefined) return defaultKubernetesVersion();
  if (typeof value !== 'string') throw new UserError(`${origin} must be a string such as "1.37", not ${JSON.stringify(value)}`);
  try {
    return parseKubernetesVersion(value);
  } catch (e) {
    if (e instanceof KubernetesVersionError) throw new UserError(`${origin}: ${e.message}`);
    throw e;
  }
}

/** A minor as two numbers ("1.37" → [1, 37]); a live server's "28+" minor counts as 28. */
function minorNumbers(text: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** The minor of a /version body ("1.32" from major "1", minor "32" or "32+"). */
export function minorOfVersionInfo(info: { major?: string; minor?: string; gitVersion?: string }): string | undefined {
  const major = /^\d+/.exec(info.major ?? '')?.[0];
  const minor = /^\d+/.exec(info.minor ?? '')?.[0];
  if (major && minor) return `${major}.${minor}`;
  const n = minorNumbers(info.gitVersion ?? '');
  return n ? `${n[0]}.${n[1]}` : undefined;
}

/**
 * A live run's check of `--kubernetes-version` against the cluster: the cluster's version is what
 * it is, so a run that names another minor is refused (a report saying "v1.36" about a 1.37
 * cluster would mislead). The patch is not compared: a cluster is rarely on the pinned patch.
 */
export function liveVersionMismatch(wanted: KubernetesVersion, cluster: { gitVersion?: string; major?: string; minor?: string }, context: string): UserError | undefined {
  const minor = minorOfVersionInfo(cluster);
  if (minor === undefined || minor === wanted.minor) return undefined;
  return new UserError(`--kubernetes-version ${wanted.minor}: context "${context}" runs Kubernetes ${cluster.gitVersion ?? minor} (minor ${minor}); a live run uses the cluster's own version, so name ${minor} or leave the option out`);
}

const TAG = /^@kubernetes-(\d+\.\d+)([+-]?)$/;

/** The version tags among a scenario's tags, and any tag that looks like one but is malformed. */
export function versionTags(tags: readonly string[]): { tags: Array<{ tag: string; minor: [number, number]; range: '' | '+' | '-' }>; malformed: string[] } {
  const out: Array<{ tag: string; minor: [number, number]; range: '' | '+' | '-' }> = [];
  const malformed: string[] = [];
  for (const tag of tags) {
    if (!tag.startsWith('@kubernetes-')) continue;
    const m = TAG.exec(tag);
    if (!m) malformed.push(tag);
    else out.push({ tag, minor: minorNumbers(m[1]!)!, range: m[2] as '' | '+' | '-' });
  }
  return { tags: out, malformed };
}

const cmp = (a: [number, number], b: [number, number]) => a[0] - b[0] || a[1] - b[1];

/**
 * Why a scenario with these tags cannot run on this version (`1.36` or `v1.36.3`), or undefined
 * when every version tag admits it. Several version tags must all hold (`@kubernetes-1.35+
 * @kubernetes-1.36-` is 1.35 or 1.36).
 */
export function versionNotApplicable(tags: readonly string[], version: string, shownAs = version): string | undefined {
  const { tags: found, malformed } = versionTags(tags);
  if (malformed.length) return `tag ${malformed[0]} is not a Kubernetes version tag (use @kubernetes-1.37, @kubernetes-1.36+ or @kubernetes-1.36-)`;
  const run = minorNumbers(version);
  if (!run) return undefined;
  for (const t of found) {
    const c = cmp(run, t.minor);
    const holds = t.range === '+' ? c >= 0 : t.range === '-' ? c <= 0 : c === 0;
    if (!holds) {
      const wanted = `${t.minor[0]}.${t.minor[1]}${t.range === '+' ? ' or later' : t.range === '-' ? ' or earlier' : ''}`;
      return `not applicable on Kubernetes ${shownAs}: the scenario is tagged ${t.tag} (its expectations hold for Kubernetes ${wanted}); choose the version with --kubernetes-version`;
    }
  }
  return undefined;
}
