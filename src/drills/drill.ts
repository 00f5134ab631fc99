import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Manifest } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import { parseManifests, parseYamlDocuments } from '../manifests/load-manifests.ts';

/** The CKA curriculum domains, as the exam names them. */
export const drillDomains = ['cluster-architecture', 'workloads-scheduling', 'services-networking', 'storage', 'troubleshooting'] as const;
export type DrillDomain = (typeof drillDomains)[number];
const difficulties = ['easy', 'medium', 'hard'] as const;

/**
 * A practice task: scenarios/drills/<id>/ with drill.yaml (metadata), task.md (the task as an
 * exam states it), setup.yaml (the starting state, optional), check.feature (one scenario per
 * graded requirement) and solution.sh (a reference solution in kubectl commands).
 */
export interface Drill {
  id: string;
  folder: string;
  title: string;
  domain: DrillDomain;
  difficulty: (typeof difficulties)[number];
  /** The time an exam would give the task. */
  minutes: number;
  /** Where the task's objects live; the checks look there. */
  namespace: string;
  hints: string[];
  /** Seed-concept ids the drill practises. */
  concepts: string[];
  task: string;
  setup: Manifest[];
  checkFeature: string;
  solution?: string;
}

/** The folders drills come from: the project's, then kubespec's own. */
export function drillFolders(projectRoot: string, packageRoot: string): string[] {
  return [...new Set([join(projectRoot, 'scenarios', 'drills'), join(packageRoot, 'scenarios', 'drills')])];
}

/** Every drill in the folders (the first folder wins on a repeated id), sorted by domain then id; messages name files relative to `cwd`. */
export function listDrills(folders: string[], cwd: string): Drill[] {
  const seen = new Map<string, Drill>();
  for (const folder of folders.filter(existsSync)) {
    for (const id of readdirSync(folder).sort()) {
      if (!seen.has(id) && existsSync(join(folder, id, 'drill.yaml'))) seen.set(id, readDrill(join(folder, id), id, cwd));
    }
  }
  return [...seen.values()].sort((a, b) => drillDomains.indexOf(a.domain) - drillDomains.indexOf(b.domain) || a.id.localeCompare(b.id));
}

/** One drill by id; an unknown id lists the ones there are. */
export function findDrill(id: string, folders: string[], cwd: string): Drill {
  const folder = folders.map((f) => join(f, id)).find((f) => existsSync(join(f, 'drill.yaml')));
  if (folder) return readDrill(folder, id, cwd);
  const known = listDrills(folders, cwd).map((d) => d.id);
  throw new UserError(`unknown drill "${id}" (${known.length} drills; \`kubespec drill list\` shows them)`);
}

function readDrill(folder: string, id: string, cwd: string): Drill {
  const shown = (path: string) => relative(cwd, path) || path;
  const metaFile = join(folder, 'drill.yaml');
  const name = shown(metaFile);
  const [doc] = parseYamlDocuments(readFileSync(metaFile, 'utf8'), { file: name, firstLine: 1 });
  const meta = doc?.value;
  if (!meta || typeof meta !== 'object') throw new UserError(`${name}: a drill needs title, domain, difficulty, minutes and namespace`);
  const field = (key: string) => `${name}: ${key}`;
  const text = (key: string): string => {
    if (typeof meta[key] !== 'string' || !meta[key].trim()) throw new UserError(`${field(key)}: Required value`);
    return meta[key];
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T => {
    const value = text(key);
    if (!allowed.includes(value as T)) throw new UserError(`${field(key)}: Unsupported value: "${value}": supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`);
    return value as T;
  };
  const strings = (key: string): string[] => {
    const value = meta[key] ?? [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new UserError(`${field(key)}: must be a list of strings`);
    return value;
  };
  if (!Number.isInteger(meta.minutes) || meta.minutes <= 0) throw new UserError(`${field('minutes')}: must be a positive whole number of minutes`);
  const namespace = text('namespace');
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace) || namespace.length > 63) {
    throw new UserError(`${field('namespace')}: Invalid value: "${namespace}": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-'`);
  }
  const required = (file: string) => {
    const path = join(folder, file);
    if (!existsSync(path)) throw new UserError(`${shown(folder)}: drill "${id}" has no ${file}`);
    return readFileSync(path, 'utf8');
  };
  const setupFile = join(folder, 'setup.yaml');
  const solutionFile = join(folder, 'solution.sh');
  return {
    id,
    folder,
    title: text('title'),
    domain: oneOf('domain', drillDomains),
    difficulty: oneOf('difficulty', difficulties),
    minutes: meta.minutes,
    namespace,
    hints: strings('hints'),
    concepts: strings('concepts'),
    task: required('task.md'),
    setup: existsSync(setupFile) ? parseManifests(readFileSync(setupFile, 'utf8'), { file: shown(setupFile), firstLine: 1 }) : [],
    checkFeature: (required('check.feature'), join(folder, 'check.feature')),
    solution: existsSync(solutionFile) ? solutionFile : undefined,
  };
}
