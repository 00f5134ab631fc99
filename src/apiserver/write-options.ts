import { ApiError, type SimCluster, type Writer } from '../sim/index.ts';
import { rfc3339 } from '../sim/clock.ts';
import { goFormat, kindSchema, unknownFields } from './field-validation.ts';
import { upstreamOpenApi } from './openapi-documents.ts';
import type { KubernetesRelease } from '../kube/kubernetes-versions.ts';

/** What a write does with fields the kind's schema does not declare (see field-validation.ts). */
export interface FieldCheck {
  object<T>(body: T): T;
  patch<T>(patch: T): T;
}

export const noFieldCheck: FieldCheck = { object: (b) => b, patch: (p) => p };

/**
 * The fieldValidation parameter (Ignore, Warn — the default — or Strict) against the upstream
 * schema of the kind. Unknown fields are dropped; Warn adds a warning for each (to `warnings`),
 * Strict refuses the request with the API server's words for the kind of request. Without the
 * upstream documents (no Go module cache), nothing is checked.
 */
export async function fieldCheck(q: URLSearchParams, apiVersion: string, kind: string, warnings: string[], release?: KubernetesRelease): Promise<FieldCheck> {
  const mode = q.get('fieldValidation') ?? 'Warn';
  if (!['Ignore', 'Warn', 'Strict'].includes(mode)) throw new ApiError('BadRequest', 400, `fieldValidation: Unsupported value: "${mode}": supported values: "Ignore", "Strict", "Warn"`);
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') as [string, string] : ['', apiVersion];
  const document = await upstreamOpenApi(group ? `apis/${apiVersion}` : `api/${apiVersion}`, release);
  const schema = document && kindSchema(document, group, version, kind);
  if (!schema) return noFieldCheck;
  const screen = <T>(value: T, refuse: (paths: string[]) => ApiError): T => {
    const { paths, pruned } = unknownFields(document, schema, value);
    if (paths.length === 0) return value;
    if (mode === 'Strict') throw refuse(paths);
    if (mode === 'Warn') warnings.push(...paths.map((p) => `unknown field "${p}"`));
    return pruned as T;
  };
  const strict = (paths: string[]) => `strict decoding error: ${paths.map((p) => `unknown field "${p}"`).join(', ')}`;
  return {
    object: (body) => screen(body, (paths) => new ApiError('BadRequest', 400, `${kind} in version "${version}" cannot be handled as a ${kind}: ${strict(paths)}`)),
    patch: (patch) => screen(patch, (paths) => new ApiError('Invalid', 422, ` "" is invalid: patch: Invalid value: "${goFormat(patch)}": ${strict(paths)}`)),
  };
}

/**
 * Who is writing, for managedFields: the fieldManager parameter, else the user agent up to its
 * first "/" (`kubectl`), as the API server's managerOrUserAgent does.
 */
export function writerOf(cluster: SimCluster, userAgent: string | undefined, q: URLSearchParams, subresource: string | undefined): Writer {
  const requested = q.get('fieldManager') ?? '';
  if (requested.length > 128) throw new ApiError('Invalid', 422, `fieldManager: Too long: may not be more than 128 bytes`);
  const manager = requested || (userAgent ?? '').split('/')[0]!.replace(/[^\x20-\x7e]/g, '').slice(0, 128);
  return { manager: manager || 'unknown', time: rfc3339(cluster.clock.now()), ...(subresource ? { subresource } : {}) };
}

/** The dryRun query parameter: absent, or All (the only value the API server knows). */
export function dryRunOf(q: URLSearchParams): boolean {
  const values = q.getAll('dryRun');
  if (values.length === 0) return false;
  const unknown = values.find((v) => v !== 'All');
  if (unknown !== undefined) throw new ApiError('BadRequest', 400, `Invalid dryRun value: "${unknown}": supported values: "All"`);
  return true;
}
