import type { Millis } from '../clock.ts';
import type { Guess } from '../../kube/assumptions.ts';
import type { ContainerBehavior } from './container-behavior.ts';
import { imageFacts, type ImageBehavior, type RequiredEnv } from './image-facts.ts';

// What an image's own entrypoint script decides before it starts the server: the official
// database images refuse to set up a database without credentials in the environment
// (images.yaml `requiresEnv`, the scripts cited there). It is judged at each container start,
// with the environment the kubelet resolved for that run, as the script reads it then.

/** An entrypoint's refusal of one run: the exit code and the log it prints (`{time}` unfilled). */
export interface EntrypointRefusal {
  repository: string;
  exitCode: number;
  log: string;
  /** The variables it asked for, for reports. */
  wanted: string[];
}

/**
 * Volume types whose content is made with the pod (or written by the kubelet): they cannot hold
 * a database from before the pod. An emptyDir outlives a container restart, but every run of
 * the container has the same environment, so an earlier one refused as well.
 */
const MADE_WITH_THE_POD = ['emptyDir', 'ephemeral', 'configMap', 'secret', 'downwardAPI', 'projected'];

/** The entrypoint's verdict on one run: its refusal, if it refuses, and what the verdict took to be true. */
export interface EntrypointVerdict {
  refusal?: EntrypointRefusal;
  guesses?: Guess[];
}

/**
 * Whether the image's entrypoint refuses this container's run, given the environment it starts
 * with (environment.ts: env values, valueFrom, envFrom). No refusal when the image has no
 * `requiresEnv`, the container does not run its server through the entrypoint, or the
 * environment has what the entrypoint asks for.
 *
 * An empty data directory is taken for granted: in a scenario a claim's volume is new, and so
 * empty. Where a persistent volume (a claim, a hostPath) holds the data directory, the entrypoint
 * would skip the check for a database already there; the refusal then carries that guess. A
 * password given as a file (`POSTGRES_PASSWORD_FILE`) is taken to be there and not empty.
 */
export function entrypointVerdict(pod: any, container: any, env: Readonly<Record<string, string>>, images: readonly ImageBehavior[]): EntrypointVerdict {
  const { ref, entry } = imageFacts(container.image ?? '', images);
  const required = entry?.requiresEnv;
  if (!ref || !required || !runsServer(container, required)) return {};
  const given = credentialGiven(env, required);
  if (given?.endsWith('_FILE')) {
    return { guesses: [{ field: 'env', assumed: `the file ${env[given]} named by ${given} exists and is not empty`, why: "kubespec does not know the content of the file the image's entrypoint reads" }] };
  }
  if (given !== undefined) return {};
  const wanted = [...required.anyOf, ...Object.entries(required.orEquals ?? {}).map(([k, v]) => `${k}=${v}`)];
  const dataDir = (required.dataDirEnv !== undefined ? env[required.dataDirEnv] : undefined) || required.dataDir;
  const volume = persistentVolumeHolding(pod, container, dataDir);
  const guesses: Guess[] = volume ? [{
    field: 'volumeMounts',
    assumed: `the volume "${volume}" holds no database at ${dataDir} yet, so the image's entrypoint sets one up and asks for ${required.anyOf[0]}`,
    why: 'kubespec does not know what a persistent volume holds (a new claim\'s volume is empty)',
  }] : [];
  return { refusal: { repository: ref.repository, exitCode: required.exitCode, log: required.log, wanted }, ...(guesses.length ? { guesses } : {}) };
}

/** What a refused run does: it exits at once with the entrypoint's code. */
export function refusedRun(refusal: EntrypointRefusal): ContainerBehavior {
  return { runsFor: 0, exitCode: refusal.exitCode, ignoresSigterm: false, source: `image entrypoint of ${refusal.repository}: none of ${refusal.wanted.join(', ')} is set` };
}

/**
 * The lines a refused run printed, for `kubectl logs`: `{time}` is `date --rfc-3339=seconds` at
 * the run's start (containers run in UTC unless told otherwise).
 */
export function refusalLines(refusal: EntrypointRefusal, startedAt: Millis): string[] {
  const iso = new Date(startedAt).toISOString();
  const lines = refusal.log.replaceAll('{time}', `${iso.slice(0, 10)} ${iso.slice(11, 19)}+00:00`).split('\n');
  return lines.at(-1) === '' ? lines.slice(0, -1) : lines;
}

/**
 * Whether the entrypoint is about to start one of its servers (the scripts' `_main`: a first
 * argument starting with `-` gets the server put in front; help flags skip the set-up). A
 * `command` replaces the image's ENTRYPOINT, so the script does not run at all; an empty list
 * is no command (the API drops it: omitempty). Without args the image's CMD, its server, runs.
 */
function runsServer(container: any, required: RequiredEnv): boolean {
  if ((container.command ?? []).length > 0) return false;
  const args: string[] = (container.args ?? []).map(String);
  if (args.length === 0) return true;
  const argv = args[0]!.startsWith('-') ? [required.servers[0]!, ...args] : args;
  return required.servers.includes(argv[0]!) && !argv.some((a) => (required.helpFlags ?? []).includes(a));
}

/**
 * The variable that satisfies the entrypoint, if one does, a value before a file. The scripts
 * test `[ -z "$VAR" ]`, so an empty value is none; `orEquals` is compared whole
 * (`POSTGRES_HOST_AUTH_METHOD=trust`).
 */
function credentialGiven(env: Readonly<Record<string, string>>, required: RequiredEnv): string | undefined {
  const set = (name: string) => (env[name] ?? '') !== '';
  return required.anyOf.find((name) => !name.endsWith('_FILE') && set(name))
    ?? Object.entries(required.orEquals ?? {}).find(([name, value]) => env[name] === value)?.[0]
    ?? required.anyOf.find(set);
}

/** The name of a volume from outside the pod's life that holds `dir` (mounted there or above it), if any. */
function persistentVolumeHolding(pod: any, container: any, dir: string): string | undefined {
  for (const m of container.volumeMounts ?? []) {
    const at = String(m.mountPath).replace(/\/+$/, '');
    if (dir !== at && !dir.startsWith(`${at}/`)) continue;
    const volume = (pod?.spec?.volumes ?? []).find((v: any) => v.name === m.name);
    if (volume && !MADE_WITH_THE_POD.some((kind) => volume[kind] !== undefined)) return m.name;
  }
  return undefined;
}
