import { KubespecAssertionError } from '../assertions/errors.ts';
import { UserError } from '../errors.ts';
import type { HelmCommand, HelmResult } from '../drivers/helm.ts';
import type { HelmPlaces } from './helm-release.ts';

/** A release's statuses, as Helm names them (pkg/release/common/status.go, v4.3). */
export const HELM_RELEASE_STATUSES: readonly string[] = ['unknown', 'deployed', 'uninstalled', 'superseded', 'failed', 'uninstalling', 'pending-install', 'pending-upgrade', 'pending-rollback'];

/** What `helm status -o json` says of a release (the fields steps read; pkg/release/v1/release.go). */
export interface ReleaseStatus {
  name: string;
  version: number;
  info: { status: string; description?: string };
}

/** One line of `helm history -o json` (pkg/cmd/history.go releaseInfo). */
export interface ReleaseRevision {
  revision: number;
  status: string;
  chart: string;
  app_version: string;
  description: string;
}

/** Something that runs helm: a driver with the helm capability. */
export interface HelmRunner {
  helm(command: HelmCommand): Promise<HelmResult>;
}

/** helm's answer for a release it cannot find (pkg/storage/driver: ErrReleaseNotFound). */
const notFound = /release: not found/;

/** The release's current revision and status; undefined when there is no such release. */
export async function releaseStatus(runner: HelmRunner, release: string, places: HelmPlaces): Promise<ReleaseStatus | undefined> {
  const r = await runner.helm({ args: ['status', release, '--output', 'json'], cwd: places.featureDir, projectRoot: places.projectRoot });
  if (r.exitCode !== 0 && notFound.test(r.stderr)) return undefined;
  return parsed<ReleaseStatus>(r, `helm status ${release}`);
}

/** The release's revisions, oldest first; empty when there is no such release. */
export async function releaseHistory(runner: HelmRunner, release: string, places: HelmPlaces): Promise<ReleaseRevision[]> {
  const r = await runner.helm({ args: ['history', release, '--output', 'json', '--max', '1000'], cwd: places.featureDir, projectRoot: places.projectRoot });
  if (r.exitCode !== 0 && notFound.test(r.stderr)) return [];
  return parsed<ReleaseRevision[]>(r, `helm history ${release}`);
}

function parsed<T>(r: HelmResult, what: string): T {
  if (r.exitCode !== 0) throw new KubespecAssertionError(`${what} failed (exit ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`);
  try {
    return JSON.parse(r.stdout) as T;
  } catch {
    throw new KubespecAssertionError(`${what} printed no JSON: ${r.stdout.slice(0, 500)}`);
  }
}

/** The history table's columns and the field of a revision each reads. */
const columns: Record<string, keyof ReleaseRevision> = { revision: 'revision', status: 'status', chart: 'chart', 'app version': 'app_version', description: 'description' };

/**
 * Differences between a history table (a header row of columns, then one row per revision,
 * every revision listed, oldest first) and helm's: undefined when they agree. A description cell
 * is contained in Helm's (its descriptions carry API errors), `*` matches anything; the other
 * cells are whole values. A column Helm has no name for is the author's mistake.
 */
export function compareHistory(rows: readonly string[][], history: readonly ReleaseRevision[]): string | undefined {
  const [header = [], ...expected] = rows;
  const fields = header.map((h) => {
    const field = columns[h.trim().toLowerCase()];
    if (!field) throw new UserError(`"${h}" is not a column of the release history; the columns are ${Object.keys(columns).join(', ')}`);
    return field;
  });
  if (expected.length !== history.length) return `${history.length} revision(s), not ${expected.length}`;
  for (const [i, row] of expected.entries()) {
    for (const [j, cell] of row.entries()) {
      const want = cell.trim();
      const field = fields[j]!;
      const have = String(history[i]![field] ?? '');
      const ok = want === '*' || (field === 'description' ? have.includes(want) : have === want);
      if (!ok) return `revision ${history[i]!.revision} has ${header[j]!.trim()} "${have}", not "${want}"`;
    }
  }
  return undefined;
}
