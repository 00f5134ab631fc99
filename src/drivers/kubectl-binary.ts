/**
 * Which kubectl runs against a cluster of a given Kubernetes minor (issue 26). kubectl is
 * supported within one minor of the API server (kubernetes.io/releases/version-skew-policy), so
 * the machine's own kubectl is used when it is that close; otherwise kubectl of the server's
 * release is built from the same Go module graph as the reference cluster
 * (scripts/reference-cluster, into .cache/reference-cluster) and used, and stderr is told once.
 */
import { join } from 'node:path';
import { execa } from 'execa';
import { ensureReferenceKubectl } from '../cluster/reference/build.ts';
import { REFERENCE_BUILDS, referenceMinors } from '../cluster/reference/versions.ts';
import type { KnownMinor } from '../kube/kubernetes-versions.ts';
import { packageRoot } from '../package-root.ts';

/** What `chooseKubectl` decided, and why (the `why` is what stderr is told). */
export type KubectlChoice =
  | { use: 'machine'; why?: string }
  | { use: 'build'; minor: KnownMinor; why: string };

/** kubectl's supported skew: one minor older or newer than the API server. */
export const KUBECTL_SKEW = 1;

/** The fields of an API server's /version that name its release. */
export interface VersionInfo {
  major?: string;
  minor?: string;
  gitVersion?: string;
}

/** "1.37" from a /version body (a managed cluster's minor may read "37+"); "" when it names none. */
export function serverMinor(info: VersionInfo): string {
  const major = /^\d+/.exec(info.major ?? '')?.[0];
  const minor = /^\d+/.exec(info.minor ?? '')?.[0];
  if (major && minor) return `${major}.${minor}`;
  return /^v?(\d+\.\d+)/.exec(info.gitVersion ?? '')?.[1] ?? '';
}

/** "1.37" → 37 when the major is 1; undefined for anything else. */
function minorNumber(minor: string): number | undefined {
  const m = /^v?1\.(\d+)/.exec(minor);
  return m ? Number(m[1]) : undefined;
}

/**
 * The choice for a server minor, given the machine's kubectl minor (undefined: none on the PATH)
 * and the minors kubectl can be built for. The machine's wins within the skew; otherwise the
 * buildable minor nearest the server's (its own first) within the skew; otherwise the machine's
 * all the same, said to be outside the skew.
 */
export function chooseKubectl(serverMinor: string, machineMinor: string | undefined, buildable: readonly string[]): KubectlChoice {
  const server = minorNumber(serverMinor);
  const machine = machineMinor === undefined ? undefined : minorNumber(machineMinor);
  if (server === undefined) return { use: 'machine' };
  if (machine !== undefined && Math.abs(machine - server) <= KUBECTL_SKEW) return { use: 'machine' };
  const have = machineMinor === undefined ? 'there is no kubectl on the PATH' : `the machine's kubectl is ${machineMinor}`;
  const candidates = buildable
    .filter((b) => minorNumber(b) !== undefined && Math.abs(minorNumber(b)! - server) <= KUBECTL_SKEW)
    .sort((a, b) => Math.abs(minorNumber(a)! - server) - Math.abs(minorNumber(b)! - server));
  if (candidates[0]) {
    return { use: 'build', minor: candidates[0] as KnownMinor, why: `the server is ${serverMinor} and ${have}, outside kubectl's skew of ±${KUBECTL_SKEW} minor: using kubectl ${REFERENCE_BUILDS[candidates[0] as KnownMinor]?.kubernetesVersion ?? candidates[0]} built from scripts/reference-cluster` };
  }
  return { use: 'machine', why: `the server is ${serverMinor} and ${have}, outside kubectl's skew of ±${KUBECTL_SKEW} minor, and no kubectl within it can be built (builds: ${buildable.join(', ')}): using the machine's kubectl all the same` };
}

export interface KubectlOptions {
  /** Build a kubectl that is not in the cache yet (minutes); false takes the machine's meanwhile. */
  build: boolean;
  /** Where .cache/reference-cluster is; default the working directory. */
  cwd?: string;
  log?: (line: string) => void;
}

const resolved = new Map<string, Promise<string>>();
const said = new Set<string>();

/**
 * The kubectl binary to run against a server of `serverMinor` (a path, or `kubectl` for the one on
 * the PATH). Answers are kept per minor for the life of the process.
 */
export function kubectlFor(serverMinor: string, options: KubectlOptions): Promise<string> {
  const key = `${serverMinor} ${options.build}`;
  let answer = resolved.get(key);
  if (!answer) {
    answer = resolveKubectl(serverMinor, options);
    resolved.set(key, answer);
  }
  return answer;
}

async function resolveKubectl(serverMinor: string, options: KubectlOptions): Promise<string> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const once = (line: string) => {
    if (!said.has(line)) log(line);
    said.add(line);
  };
  const choice = chooseKubectl(serverMinor, await machineKubectlMinor(), referenceMinors());
  if (choice.use === 'machine') {
    if (choice.why) once(`kubespec: ${choice.why}`);
    return 'kubectl';
  }
  const layout = { moduleDir: join(packageRoot, 'scripts', 'reference-cluster'), cacheDir: join(options.cwd ?? process.cwd(), '.cache', 'reference-cluster') };
  try {
    const binary = await ensureReferenceKubectl(layout, REFERENCE_BUILDS[choice.minor]!, options.build ? once : () => {}, { build: options.build });
    if (binary) {
      once(`kubespec: ${choice.why}`);
      return binary;
    }
    once(`kubespec: the server is ${serverMinor}, outside the skew of the machine's kubectl; kubectl ${choice.minor} is not built yet (\`kubespec cluster reference up --kubernetes-version ${choice.minor}\` builds it): using the machine's meanwhile`);
  } catch (e) {
    once(`kubespec: kubectl ${choice.minor} could not be built, using the machine's kubectl outside its skew: ${(e as Error).message.split('\n')[0]}`);
  }
  return 'kubectl';
}

/** The minor of the kubectl on the PATH ("1.32"), or undefined when there is none. */
async function machineKubectlMinor(): Promise<string | undefined> {
  const result = await execa('kubectl', ['version', '--client', '-o', 'json'], { reject: false, stdin: 'ignore' }).catch(() => undefined);
  if (!result || result.exitCode !== 0) return undefined;
  try {
    const client = (JSON.parse(result.stdout) as { clientVersion?: { major?: string; minor?: string } }).clientVersion;
    const minor = /^\d+/.exec(client?.minor ?? '')?.[0];
    return client?.major && minor ? `${client.major}.${minor}` : undefined;
  } catch {
    return undefined;
  }
}
