import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseCommandString } from 'execa';
import { parseDuration, DurationError } from '../kube/duration.ts';
import { UserError } from '../errors.ts';
import type { HelmCommand } from '../drivers/helm.ts';

/** What a Helm step does to a release. */
export type HelmAction = 'install' | 'upgrade' | 'rollback' | 'uninstall';

/** helm's own default --timeout (pkg/cmd/install.go etc.: 300 seconds). */
export const HELM_DEFAULT_TIMEOUT_MS = 5 * 60_000;

/** Where a step's files are looked for: beside its feature file, then the project's, then kubespec's. */
export interface HelmPlaces {
  /** The feature file's folder (relative chart and values paths start here). */
  featureDir: string;
  projectRoot: string;
  /** kubespec's own package folder (its scenarios/charts/ hold the example chart). */
  packageRoot: string;
}

/** What a release step gives: the chart, the flags as a user writes them after the chart, a values file. */
export interface ReleaseRequest {
  action: HelmAction;
  release: string;
  /** install and upgrade: a chart folder or packaged chart (.tgz). */
  chart?: string;
  /** rollback: the revision to go back to (default: the previous one). */
  revision?: number;
  /** Helm flags, e.g. `--wait --timeout 2m --set image.tag=1.27 -f values/prod.yaml`. */
  flags?: string;
  /** A values file made from the step's doc string: given last, so it wins over -f files. */
  valuesFile?: string;
}

/** The flags the driver sets itself: the scenario's namespace and cluster, and the timeout it converts. */
const driverFlags = new Set(['--namespace', '-n', '--kube-context', '--kubeconfig', '--kube-apiserver', '--kube-token']);

/** Flags whose next word (or `=value`) is a file, relative to the feature file. */
const fileFlags = new Set(['-f', '--values', '--set-file']);

/**
 * The helm command of a release step: the chart found beside the feature file (then under the
 * project's scenarios/charts/, then kubespec's), the flags passed on as helm takes them, except
 * that --timeout becomes `waitMs` (the driver gives helm its own --timeout, in the time it keeps)
 * and that value files are found the way the chart is. Bad input is a UserError naming it.
 */
export function releaseCommand(request: ReleaseRequest, places: HelmPlaces): HelmCommand {
  const { flags, waitMs } = helmFlags(request.flags ?? '', places);
  const values = request.valuesFile ? ['--values', request.valuesFile] : [];
  const head: string[] = [request.action, request.release];
  if (request.action === 'install' || request.action === 'upgrade') head.push(findChart(request.chart ?? '', places));
  if (request.action === 'rollback' && request.revision !== undefined) head.push(String(request.revision));
  return { args: [...head, ...flags, ...values], cwd: places.featureDir, projectRoot: places.projectRoot, waitMs };
}

/** A chart folder or packaged chart: the first of the feature's folder, the project's and kubespec's scenarios/charts/. */
export function findChart(chart: string, places: HelmPlaces): string {
  if (!chart.trim()) throw new UserError('a Helm step needs a chart: a folder with a Chart.yaml, or a packaged chart (.tgz)');
  const tried = isAbsolute(chart) ? [chart] : [resolve(places.featureDir, chart), join(places.projectRoot, 'scenarios', 'charts', chart), join(places.packageRoot, 'scenarios', 'charts', chart)];
  const found = tried.find((p) => existsSync(join(p, 'Chart.yaml')) || (/\.tgz$/.test(p) && existsSync(p)));
  if (found) return found;
  const shown = tried.map((p) => relative(places.projectRoot, p) || '.');
  throw new UserError(`chart "${chart}" not found: no Chart.yaml (or .tgz) at ${[...new Set(shown)].join(', ')}`);
}

/**
 * The flags as helm's argument list, with files found and --timeout taken out as `waitMs`. Other
 * words pass as they are (a flag's value after a space, too): helm judges them, in its words.
 */
export function helmFlags(text: string, places: HelmPlaces): { flags: string[]; waitMs: number } {
  const words = text.trim() ? parseCommandString(text.trim()) : [];
  const flags: string[] = [];
  let waitMs = HELM_DEFAULT_TIMEOUT_MS;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const [name, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      const next = words[++i];
      if (next === undefined) throw new UserError(`helm flag ${name} needs a value in "${text}"`);
      return next;
    };
    if (driverFlags.has(name)) throw new UserError(`helm flag ${name} is not for a scenario: kubespec runs helm in the scenario's namespace and cluster and sets ${name} itself`);
    if (name === '--timeout') {
      const given = value();
      try {
        waitMs = parseDuration(given);
      } catch (e) {
        throw new UserError(`helm --timeout "${given}": ${(e as DurationError).message}`);
      }
    } else if (fileFlags.has(name)) {
      flags.push(name, name === '--set-file' ? setFile(value(), places) : findFile(value(), places));
    } else {
      flags.push(word);
    }
  }
  return { flags, waitMs };
}

/** A values file: beside the feature file, else in the project. */
function findFile(file: string, places: HelmPlaces): string {
  const tried = isAbsolute(file) ? [file] : [resolve(places.featureDir, file), resolve(places.projectRoot, file)];
  const found = tried.find((p) => existsSync(p));
  if (!found) throw new UserError(`values file "${file}" not found: looked at ${[...new Set(tried.map((p) => relative(places.projectRoot, p)))].join(', ')}`);
  return found;
}

/** `--set-file key=path`: the path found as a values file is. */
function setFile(pair: string, places: HelmPlaces): string {
  const at = pair.indexOf('=');
  if (at < 1) throw new UserError(`helm --set-file "${pair}" must be key=path`);
  return `${pair.slice(0, at)}=${findFile(pair.slice(at + 1), places)}`;
}
