// The Cucumber configuration kubespec runs with, shared by `kubespec run` and by cucumber.mjs
// (for people who call cucumber-js directly). Plain JavaScript: Cucumber loads it before
// TypeScript support is registered, and its labels use RegExps, which JSON cannot hold.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kubespec package folder. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * @param {object} o
 * @param {'sim'|'live'} o.profile
 * @param {string} o.projectRoot  the folder whose features run (a team's repo, or this one)
 * @param {number} [o.seed]
 * @param {string[]} [o.paths]
 * @param {string} [o.tags]
 * @param {number} [o.parallel]
 * @param {string} [o.format]  the console formatter (progress by default)
 * @param {string} [o.context]  the kubeconfig context of a live run
 * @param {string} [o.reports]  where reports go (default: reports/ of the project)
 * @param {string} [o.kubeconfig]  a kubeconfig file for a live run (default: $KUBECONFIG)
 * @param {string} [o.attachNamespace]  check this existing namespace instead of making one per scenario
 * @param {boolean} [o.strict]  fail a passing scenario that rests on the simulator's assumptions
 * @param {boolean} [o.settle]  let each scenario's objects come to rest before its final state is recorded
 * @param {string} [o.kubernetesVersion]  the Kubernetes minor of the run ("1.37"; a live run: the cluster's; '' unknown)
 * @param {string} [o.kubernetesGitVersion]  the same as the reports show it ("v1.37.2")
 */
export function cucumberConfig(o) {
  const reports = o.reports ?? join(o.projectRoot, 'reports');
  const own = (p) => join(packageRoot, p);
  const teamSteps = o.projectRoot === packageRoot ? [] : ['steps', 'support']
    .filter((d) => existsSync(join(o.projectRoot, d)))
    .map((d) => join(o.projectRoot, d, '**', '*.{ts,mts,mjs,js}'));
  return {
    paths: o.paths && o.paths.length > 0 ? o.paths : [join(o.projectRoot, 'features', '**', '*.feature')],
    // tsx first, so the TypeScript that follows can load (also in --parallel workers).
    import: [own('support/register-tsx.mjs'), own('support/**/*.ts'), ...teamSteps],
    format: [
      o.format ?? 'progress',
      ['junit', join(reports, 'junit.xml')],
      // Every scenario's verdict, duration and attachments, for tools such as the fidelity run.
      ['message', join(reports, 'messages.ndjson')],
      ['allure-cucumberjs/reporter', join(reports, 'allure.out')],
    ],
    formatOptions: {
      resultsDir: join(reports, 'allure-results'),
      junit: { suiteName: `kubespec (${o.profile}${o.kubernetesGitVersion ? `, Kubernetes ${o.kubernetesGitVersion}` : ''})` },
      labels: [
        { pattern: [/@C(\d{3}-\d{3})/], name: 'tag' },
        { pattern: [/@(workloads|scheduling|networking|storage|security|config|cluster)$/], name: 'feature' },
      ],
      environmentInfo: { profile: o.profile, seed: String(o.seed ?? 1), node: process.version, ...(o.kubernetesGitVersion ? { kubernetes: o.kubernetesGitVersion } : {}) },
    },
    worldParameters: { profile: o.profile, seed: o.seed ?? 1, projectRoot: o.projectRoot, context: o.context, kubeconfig: o.kubeconfig, attachNamespace: o.attachNamespace, strict: o.strict ?? false, settle: o.settle ?? false, kubernetesVersion: o.kubernetesVersion, kubernetesGitVersion: o.kubernetesGitVersion },
    tags: o.tags ?? '',
    parallel: o.parallel ?? 0,
  };
}
