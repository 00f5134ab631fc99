/**
 * Image references as the kubelet and containerd read them: github.com/distribution/reference
 * v0.6.0 (the version Kubernetes v1.32 vendors), `ParseNormalizedNamed` (normalize.go) on top of
 * `Parse` (reference.go, regexp.go), and digests as github.com/opencontainers/go-digest v1.0.0
 * validates them. `busybox`, `library/busybox`, `docker.io/busybox` and
 * `index.docker.io/library/busybox` all name the repository `docker.io/library/busybox`.
 */
export interface ImageReference {
  /** The registry: `docker.io`, `registry.k8s.io`, `localhost:5000`. */
  domain: string;
  /** The path within it: `library/busybox`. */
  path: string;
  /** `domain/path`, the key image facts are filed under: `docker.io/library/busybox`. */
  repository: string;
  /** The tag as written, if any (a reference with a digest may carry one too). */
  tag?: string;
  /** The digest as written, if any: `sha256:<64 hex>`. */
  digest?: string;
  /**
   * What containerd pulls (`ParseDockerRef`): `repository@digest` when there is a digest (a tag
   * beside it is dropped), else `repository:tag`, `latest` when none is given. containerd's pull
   * errors name this form.
   */
  pulled: string;
}

/** A reference distribution/reference refuses; `message` is its error text, word for word. */
export class InvalidReferenceError extends Error {}

// regexp.go, expression for expression (Go's RE2 and JavaScript agree on these forms).
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tag = '[\\w][\\w.-]{0,127}';
const digestPat = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const host = `(?:${domainName}|\\[(?:[a-fA-F0-9:]+)\\])`;
const domainAndPort = host + optionalPort;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePat = `(?:${domainAndPort}/)?${remoteName}`;
const anchoredName = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const referenceRe = new RegExp(`^(${namePat})(?::(${tag}))?(?:@(${digestPat}))?$`);
const anchoredIdentifier = /^([a-f0-9]{64})$/;

/** reference.go: RepositoryNameTotalLengthMax. */
const NAME_TOTAL_LENGTH_MAX = 255;

/** go-digest's algorithms the kubelet links in (pkg/util/parsers imports crypto/sha256 and crypto/sha512). */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** normalize.go splitDockerDomain: the default registry and the official-image prefix. */
function splitDockerDomain(name: string): [domain: string, remainder: string] {
  const slash = name.indexOf('/');
  if (slash < 0) return ['docker.io', `library/${name}`];
  const maybeDomain = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain: string;
  let remainder: string;
  if (maybeDomain === 'localhost') [domain, remainder] = [maybeDomain, rest];
  else if (maybeDomain === 'index.docker.io') [domain, remainder] = ['docker.io', rest];
  else if (/[.:]/.test(maybeDomain)) [domain, remainder] = [maybeDomain, rest];
  else if (maybeDomain.toLowerCase() !== maybeDomain) [domain, remainder] = [maybeDomain, rest];
  else [domain, remainder] = ['docker.io', name];
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return [domain, remainder];
}

/** go-digest Digest.Validate, for the algorithms available. */
function validateDigest(d: string): void {
  const i = d.indexOf(':');
  if (i <= 0 || i + 1 === d.length) throw new InvalidReferenceError('invalid checksum digest format');
  const length = DIGEST_HEX_LENGTH[d.slice(0, i)];
  if (length === undefined) throw new InvalidReferenceError('unsupported digest algorithm');
  const encoded = d.slice(i + 1);
  if (encoded.length !== length) throw new InvalidReferenceError('invalid checksum digest length');
  if (!/^[a-f0-9]+$/.test(encoded)) throw new InvalidReferenceError('invalid checksum digest format');
}

/** reference.go Parse: a fully qualified reference. */
function parse(s: string): Omit<ImageReference, 'pulled'> {
  const m = referenceRe.exec(s);
  if (!m) {
    if (s === '') throw new InvalidReferenceError('repository name must have at least one component');
    if (referenceRe.test(s.toLowerCase())) throw new InvalidReferenceError('repository name must be lowercase');
    throw new InvalidReferenceError('invalid reference format');
  }
  const name = anchoredName.exec(m[1]!);
  const domain = name?.[1] ?? '';
  const path = name ? name[2]! : m[1]!;
  if (path.length > NAME_TOTAL_LENGTH_MAX) throw new InvalidReferenceError(`repository name must not be more than ${NAME_TOTAL_LENGTH_MAX} characters`);
  if (m[3] !== undefined) validateDigest(m[3]);
  return { domain, path, repository: domain ? `${domain}/${path}` : path, ...(m[2] !== undefined ? { tag: m[2] } : {}), ...(m[3] !== undefined ? { digest: m[3] } : {}) };
}

/**
 * `ParseNormalizedNamed`: a reference as written in a pod (`busybox:1.36`), normalised to its
 * registry and repository. Throws InvalidReferenceError with the library's text. The answer is
 * frozen and shared: the kubelet asks for every container at every sync, about a few images.
 */
export function parseImageReference(s: string): ImageReference {
  let parsed = parsedReferences.get(s);
  if (parsed === undefined) {
    if (parsedReferences.size >= PARSED_REFERENCES_KEPT) parsedReferences.clear();
    try {
      parsed = Object.freeze(parseUncached(s));
    } catch (e) {
      if (!(e instanceof InvalidReferenceError)) throw e;
      parsed = { refused: e.message };
    }
    parsedReferences.set(s, parsed);
  }
  if ('refused' in parsed) throw new InvalidReferenceError(parsed.refused);
  return parsed;
}

/** Parsed references (or the refusal's text) by what was written; dropped all at once when full. */
const parsedReferences = new Map<string, Readonly<ImageReference> | { refused: string }>();
const PARSED_REFERENCES_KEPT = 4096;

function parseUncached(s: string): ImageReference {
  if (anchoredIdentifier.test(s)) throw new InvalidReferenceError(`invalid repository name (${s}), cannot specify 64-byte hexadecimal strings`);
  const [domain, remainder] = splitDockerDomain(s);
  const colon = remainder.indexOf(':');
  const remote = colon > -1 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) throw new InvalidReferenceError(`invalid reference format: repository name (${remote}) must be lowercase`);
  const ref = parse(`${domain}/${remainder}`);
  const pulled = ref.digest !== undefined ? `${ref.repository}@${ref.digest}` : `${ref.repository}:${ref.tag ?? 'latest'}`;
  return { ...ref, pulled };
}

/** The reference, or undefined when it does not parse. */
export function normalizedImage(s: string): ImageReference | undefined {
  try {
    return parseImageReference(s);
  } catch (e) {
    if (e instanceof InvalidReferenceError) return undefined;
    throw e;
  }
}

/**
 * The kubelet's refusal of an image it cannot parse (pkg/kubelet/images/image_manager.go
 * EnsureImageExists → applyDefaultImageTag → pkg/util/parsers ParseImageName): the container
 * waits in `InvalidImageName` with this message, also the text of the `InspectFailed` event.
 * Undefined when the reference parses. Go's %q is rendered with JSON quoting, which agrees for
 * printable text.
 */
export function invalidImageName(image: string): string | undefined {
  try {
    parseImageReference(image);
    return undefined;
  } catch (e) {
    if (!(e instanceof InvalidReferenceError)) throw e;
    return `Failed to apply default image tag ${JSON.stringify(image)}: couldn't parse image name ${JSON.stringify(image)}: ${e.message}`;
  }
}
