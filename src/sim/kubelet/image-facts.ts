import type { Millis } from '../clock.ts';
import { normalizedImage, type ImageReference } from './image-reference.ts';

// The shapes of scenarios/behaviors/images.yaml (an image, the programs it ships) and the one
// lookup by image reference. container-behavior.ts and image-programs.ts both read them, so they
// sit below both.

/**
 * Image facts as data (scenarios/behaviors/images.yaml), one entry per repository as containerd
 * names it after normalisation (image-reference.ts): what the image's default command does, its
 * USER, what its server listens on and serves, the tags and digests kubespec knows exist. An
 * entry with `notFoundTags` and `pullError` instead says which tags no registry has, and the
 * registry's answer (`{image}` standing for the reference containerd pulls).
 */
export interface ImageBehavior {
  /** The normalised repository, e.g. `docker.io/library/busybox`; a short form is normalised. */
  repository?: string;
  /** Legacy: the same as `repository` (test fixtures write `image: busybox`). */
  image?: string;
  /**
   * Legacy: a regular expression over the reference as written (test fixtures only; the
   * product's images.yaml uses `repository`).
   */
  match?: string;
  /** Tags known to exist; another tag pulls, recorded as a guess. */
  tags?: string[];
  /** Digests known to be manifests of this repository. */
  digests?: string[];
  runsFor?: Millis;
  exitCode?: number;
  ignoresSigterm?: boolean;
  diesOnSigterm?: boolean;
  /** The default command runs until stopped (a server, pause). */
  untilStopped?: boolean;
  /** Tags no registry has (any repository), and the registry's answer. */
  notFoundTags?: string[];
  pullError?: string;
  /** The ports the image's default command listens on (for tcpSocket and httpGet probes). */
  listens?: number[];
  /** The HTTP paths it answers with 2xx/3xx; any other path gets 404. */
  serves?: string[];
  /** The image's USER: a uid, or a name (which the kubelet cannot check for runAsNonRoot). Absent: not known. */
  user?: number | string;
  /** USER by tag, where a tag differs from `user` (distroless `nonroot`: 65532). */
  userByTag?: Record<string, number | string>;
  /**
   * What the image's file system holds, for scripts' `cat`, `ls`, `test -f`: `/etc/passwd` a
   * file, `/tmp/` a directory listed completely, `/bin/...` one listed only in part.
   */
  paths?: string[];
  /** The image's ENTRYPOINT and CMD: args are appended to the ENTRYPOINT, and replace the CMD. */
  entrypoint?: string[];
  cmd?: string[];
  /** The programs it ships, by file name, and what they do (image-programs.ts). */
  programs?: Record<string, ProgramFacts>;
  /** Its default command's ports come from a configuration it reads (fluent-bit): why they are not known. */
  listensUnknown?: string;
  /** What its entrypoint needs in the environment before it initialises a database (see RequiredEnv). */
  requiresEnv?: RequiredEnv;
}

/**
 * The environment an image's entrypoint needs before it sets up its server on an empty data
 * directory (docker-library's postgres and mysql, MariaDB's mariadb): one of `anyOf` with a
 * non-empty value, or a variable with the value `orEquals` gives it. Without, the entrypoint
 * prints `log` (`{time}` standing for `date --rfc-3339=seconds` at the start) and exits
 * `exitCode`. It does so only when it is about to run one of `servers`: the container has no
 * `command` (which replaces the entrypoint), and its args are absent (the image's CMD), start
 * with `-` (the entrypoint puts the server in front) or name a server, with none of `helpFlags`
 * (`--version`: the server prints and exits, nothing to initialise).
 */
export interface RequiredEnv {
  anyOf: string[];
  orEquals?: Record<string, string>;
  servers: string[];
  helpFlags?: string[];
  /**
   * Where the database lives (`dataDirEnv` names the variable that moves it): the check is
   * skipped when it already holds one, which only a persistent volume mounted there could.
   */
  dataDir: string;
  dataDirEnv?: string;
  exitCode: number;
  log: string;
}

/** The entries of an images list by normalised repository, built once per list. */
const byRepository = new WeakMap<readonly ImageBehavior[], Map<string, ImageBehavior>>();

/**
 * The one lookup: the normalised reference and the facts filed under its repository (or, for
 * legacy fixtures, the first `match` entry). Both undefined for a reference that does not parse.
 */
export function imageFacts(image: string, images: readonly ImageBehavior[]): { ref?: ImageReference; entry?: ImageBehavior } {
  const ref = normalizedImage(image);
  if (!ref) return {};
  let index = byRepository.get(images);
  if (!index) {
    index = new Map();
    for (const b of images) {
      const name = b.repository ?? b.image;
      const repo = name !== undefined ? normalizedImage(name)?.repository : undefined;
      if (repo !== undefined && !index.has(repo)) index.set(repo, b);
    }
    byRepository.set(images, index);
  }
  return { ref, entry: index.get(ref.repository) ?? images.find((b) => b.match !== undefined && new RegExp(b.match).test(image)) };
}

/**
 * The programs an image ships and what they do, as data (scenarios/behaviors/images.yaml
 * `programs`, by the program's file name): a server such as `redis-server` or agnhost's
 * `netexec` (how long it runs, which ports it listens on, from which flag and default, which HTTP
 * paths answer), or a client such as `mysqladmin` that succeeds while the server in its pod
 * listens. A program with `subcommands` (agnhost) picks them by its first argument.
 */
export interface ProgramFacts {
  untilStopped?: boolean;
  runsFor?: Millis;
  exitCode?: number;
  ignoresSigterm?: boolean;
  diesOnSigterm?: boolean;
  /** TCP ports: a number, or a flag's value (`--http-port`, its default, `plus` an offset, only `when` another flag has a value). */
  listens?: Array<number | PortRule>;
  /** Flags after which the ports are not known (`--cluster-port`), and whether a bare argument (a configuration file) is. */
  portsUnknownWith?: string[];
  configArgument?: boolean;
  /** HTTP paths answered with 200; `/...` is every path (Go's ServeMux pattern "/"). */
  serves?: string[];
  /** Paths answered with another status, optionally only when a flag has a value. */
  answers?: Array<{ path: string; status: number; when?: FlagIs }>;
  subcommands?: Record<string, ProgramFacts>;
  /**
   * A minimal init (dumb-init, tini) that runs the rest of the argument list, after an optional
   * `--`, as its child and passes signals on: the child is the program that counts.
   */
  initFor?: true;
  /** A client: it connects to this port of the pod (`hostFlags`, `portFlags` may name another). */
  connects?: { port: number; hostFlags?: string[]; portFlags?: string[] };
  /** Whether the server accepts its login (see LoginFacts). */
  login?: LoginFacts;
}

/** A flag's value, as `--cluster-enabled yes` or `--cluster-enabled=yes`. */
export interface FlagIs {
  flag: string;
  is: string;
}

/** A port taken from a flag's value (or its default), shifted by `plus`, only `when` another flag has a value. */
export interface PortRule {
  flag: string;
  default: number;
  plus?: number;
  when?: FlagIs;
}

/**
 * A client's login to a server configured by environment variables (the official mysql image's
 * entrypoint): the server requires a password when `serverPasswordEnv` is set, none when
 * `emptyPasswordEnv` is; the client gives one with a flag (`-p…`, `--password…`) or `clientPasswordEnv`.
 */
export interface LoginFacts {
  serverPasswordEnv: string;
  emptyPasswordEnv?: string;
  clientPasswordFlags: string[];
  clientPasswordEnv?: string;
  /** What the client prints when refused (exit 1). */
  refused: string;
}
