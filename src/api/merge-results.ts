import { appendFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UserError } from '../errors.ts';
import type { RunEnvironment } from './run-environment.ts';

export interface MergeSummary {
  shards: number;
  tests: number;
  failures: number;
}

/**
 * `kubespec merge-results`: joins the reports folders of shards (or of any runs) into one:
 * Allure results side by side (their file names are unique), the JUnit suites as one suite with
 * the counts summed, and the message streams concatenated.
 */
export function mergeResults(folders: string[], into: string, env: RunEnvironment): MergeSummary {
  if (!folders.length) throw new UserError('merge-results needs the reports folders of the runs to merge');
  const target = resolve(env.cwd, into);
  const sources = folders.map((f) => resolve(env.cwd, f));
  for (const s of sources) if (!existsSync(s)) throw new UserError(`reports folder "${s}" does not exist`);
  if (sources.includes(target)) throw new UserError(`the merged reports cannot go into one of the merged folders (${target})`);
  rmSync(join(target, 'allure-results'), { recursive: true, force: true });
  mkdirSync(join(target, 'allure-results'), { recursive: true });
  writeFileSync(join(target, 'messages.ndjson'), '');
  const suites: JUnitSuite[] = [];
  for (const s of sources) {
    if (existsSync(join(s, 'allure-results'))) cpSync(join(s, 'allure-results'), join(target, 'allure-results'), { recursive: true });
    if (existsSync(join(s, 'messages.ndjson'))) appendFileSync(join(target, 'messages.ndjson'), readFileSync(join(s, 'messages.ndjson')));
    if (existsSync(join(s, 'junit.xml'))) suites.push(readJUnit(join(s, 'junit.xml')));
  }
  const merged = mergeJUnit(suites);
  writeFileSync(join(target, 'junit.xml'), merged.xml);
  return { shards: sources.length, tests: merged.tests, failures: merged.failures };
}

interface JUnitSuite {
  name: string;
  attributes: Record<string, number>;
  testcases: string;
}

function readJUnit(file: string): JUnitSuite {
  const text = readFileSync(file, 'utf8');
  const open = /<testsuite\b([^>]*?)(\/?)>/.exec(text);
  if (!open) return { name: 'kubespec', attributes: {}, testcases: '' };
  const attrs = Object.fromEntries([...open[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const body = open[2] ? '' : text.slice(open.index + open[0].length, text.lastIndexOf('</testsuite>'));
  const numbers = Object.fromEntries(['tests', 'failures', 'errors', 'skipped', 'time'].map((k) => [k, Number(attrs[k] ?? 0)]));
  return { name: attrs.name ?? 'kubespec', attributes: numbers, testcases: body.replace(/^\n|\s+$/g, '') };
}

function mergeJUnit(suites: JUnitSuite[]): { xml: string; tests: number; failures: number } {
  const sum = (k: string) => suites.reduce((n, s) => n + (s.attributes[k] ?? 0), 0);
  const time = Math.round(sum('time') * 1000) / 1000;
  const name = suites[0]?.name ?? 'kubespec';
  const head = `<testsuite name="${name}" time="${time}" tests="${sum('tests')}" skipped="${sum('skipped')}" failures="${sum('failures')}" errors="${sum('errors')}">`;
  const body = suites.map((s) => s.testcases).filter(Boolean).join('\n');
  return { xml: `<?xml version="1.0"?>\n${head}\n${body}\n</testsuite>\n`, tests: sum('tests'), failures: sum('failures') + sum('errors') };
}
