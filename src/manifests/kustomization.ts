/**
 * A kustomization (a folder with kustomization.yaml: a base, or an overlay over one) rendered
 * into manifests by kubectl's built-in kustomize, `kubectl kustomize <folder>`, the renderer
 * behind the `kubectl apply -k` teams already run. It needs no cluster and no build: kubectl is
 * already what the kubectl steps and serve are checked with (the PATH's, else one the reference
 * cluster's build left in .cache). The same kubectl renders for the simulator and a live cluster,
 * so a feature's manifests do not depend on the profile. What kustomize says is passed
 * through, with the paths it names made relative to the project, so an error points at the
 * kustomization.yaml or resource file that caused it.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { execa } from 'execa';
import type { Manifest } from '../drivers/driver.ts';
import { UserError } from '../errors.ts';
import { kubectlFor } from '../drivers/kubectl-binary.ts';
import { UnsupportedError } from '../drivers/errors.ts';
import { defaultKubernetesVersion } from '../kube/kubernetes-versions.ts';
import { parseManifests } from './load-manifests.ts';

/** The names kustomize looks for in a folder, in its order. */
const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** `kubectl kustomize` of a small overlay takes well under a second; a stuck one is cut off. */
const RENDER_TIMEOUT_MS = 30_000;

export interface RenderedKustomization {
  manifests: Manifest[];
  /** The folder as the messages name it (relative to the project). */
  folder: string;
}

/**
 * Renders the kustomization at `path`, relative to the feature file `featureFile` (as a team
 * writes `deploy/overlays/staging` beside its features). `where` is `file:line` of the step.
 */
export async function renderKustomization(path: string, featureFile: string, where: string, projectRoot: string, kubectl = 'kubectl'): Promise<RenderedKustomization> {
  const absolute = resolve(dirname(featureFile), path);
  const folder = relative(projectRoot, absolute) || '.';
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new UserError(`${where}: kustomization "${path}": there is no folder ${folder} (the path is relative to the feature file, ${featureFile})`);
  }
  let result = await kustomize(kubectl, absolute);
  if (notFound(result) && kubectl === 'kubectl') {
    // No kubectl on the PATH: one already built for the reference cluster, if there is one.
    const built = await kubectlFor(defaultKubernetesVersion().minor, { build: false, log: () => {} });
    if (built !== 'kubectl') result = await kustomize(built, absolute);
  }
  if (notFound(result)) {
    // The machine's lack, not the feature's mistake: the step is skipped with this line.
    throw new UnsupportedError(`${where}: kustomization "${path}": kustomizations are rendered by \`kubectl kustomize\`, and there is no kubectl on the PATH`);
  }
  if (result.timedOut) throw new UserError(`${where}: kustomization "${path}": \`kubectl kustomize ${folder}\` did not finish within ${RENDER_TIMEOUT_MS / 1000}s`);
  if (result.exitCode !== 0) {
    let said = shortenPaths(kustomizeError(result.stderr), projectRoot);
    // kustomize names the line of a kustomization file it cannot parse, but not the file.
    const file = kustomizationFiles.map((f) => join(absolute, f)).find((f) => existsSync(f));
    if (/^invalid Kustomization: /.test(said) && file) said = `${relative(projectRoot, file)}: ${said}`;
    throw new UserError(`${where}: kustomization "${path}" does not render (kubectl kustomize ${folder}):\n  ${said.split('\n').join('\n  ')}`);
  }
  return { manifests: parseManifests(result.stdout, { file: `kubectl kustomize ${folder}`, firstLine: 1 }), folder };
}

function kustomize(kubectl: string, folder: string) {
  return execa(kubectl, ['kustomize', folder], { reject: false, timeout: RENDER_TIMEOUT_MS, stdin: 'ignore', env: { KUBECONFIG: '' }, extendEnv: true });
}

const notFound = (result: object) => (result as { code?: string }).code === 'ENOENT';

/**
 * kustomize's own words from kubectl's stderr: `error: <text>`, or (kubectl 1.32 and later) a
 * klog line `E1206 ... run.go:72] "command failed" err="<Go-quoted text>"`.
 */
function kustomizeError(stderr: string): string {
  const text = stderr.trim();
  const klog = /^E\d{4} [\d:.]+\s+\d+ [^\]]+\] "command failed" err=("(?:[^"\\]|\\.)*")$/m.exec(text);
  if (klog) {
    try {
      return JSON.parse(klog[1]!) as string;
    } catch {
      return klog[1]!.slice(1, -1);
    }
  }
  return text.replace(/^error: /, '');
}

/** kustomize names files by absolute path; within the project they read better relative to it. */
function shortenPaths(text: string, projectRoot: string): string {
  const root = resolve(projectRoot);
  return text.split(`${root}/`).join('');
}
