/**
 * API errors with Kubernetes' reasons and message texts (reference/api-machinery.md §12),
 * so the same assertion reads the same on the simulator and a live cluster.
 */
export type StatusReason = 'NotFound' | 'UnsupportedMediaType' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Gone' | 'TooManyRequests' | 'InternalError' | 'ServiceUnavailable' | 'Forbidden' | 'Unauthorized';

export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    /** status.details.causes messages, e.g. why an eviction was refused. */
    readonly causes: string[] = [],
    /** Causes that also name a reason and a field, e.g. server-side apply's FieldManagerConflict. */
    readonly fieldCauses: Array<{ reason: string; message: string; field: string }> = [],
    /** The object the error is about (status.details), which kubectl names in its message. */
    readonly subject?: { kind: string; group: string; name: string },
  ) {
    super(message);
    // "InternalError" is already an error's name: not "InternalErrorError".
    this.name = reason.endsWith('Error') ? reason : `${reason}Error`;
    // An API answer, as a client would get it: there is no server-side stack to show.
    this.stack = `${this.name}: ${message}`;
  }
}

/** How the apiserver names a resource in messages: `pods`, `deployments.apps`. */
export function qualifiedResource(plural: string, group = ''): string {
  return group ? `${plural}.${group}` : plural;
}

/** `pods "web-0" not found` */
export function notFound(plural: string, name: string, group = ''): ApiError {
  return new ApiError('NotFound', 404, `${qualifiedResource(plural, group)} "${name}" not found`);
}

/** `pods "web-0" already exists` */
export function alreadyExists(plural: string, name: string, group = ''): ApiError {
  return new ApiError('AlreadyExists', 409, `${qualifiedResource(plural, group)} "${name}" already exists`);
}

/** The optimistic-concurrency failure, in the API server's words. */
export function conflict(plural: string, name: string, group = ''): ApiError {
  return new ApiError(
    'Conflict',
    409,
    `Operation cannot be fulfilled on ${qualifiedResource(plural, group)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
  );
}

/** One field error in the apiserver's `path: Reason: detail` form. */
export interface FieldError {
  path: string;
  text: string;
}

/** `StatefulSet.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0` */
export function invalid(kindGroup: string, name: string, errors: FieldError[]): ApiError {
  const detail = errors.map((e) => `${e.path}: ${e.text}`);
  const list = detail.length === 1 ? detail[0] : `[${detail.join(', ')}]`;
  const dot = kindGroup.indexOf('.');
  const subject = { kind: dot < 0 ? kindGroup : kindGroup.slice(0, dot), group: dot < 0 ? '' : kindGroup.slice(dot + 1), name };
  const causes = errors.map((e) => ({ reason: causeReason(e.text), message: e.text, field: e.path }));
  return new ApiError('Invalid', 422, `${kindGroup} "${name}" is invalid: ${list}`, [], causes, subject);
}

/** The StatusCause reason of a field error, from its text's leading words (field.ErrorType). */
function causeReason(text: string): string {
  const types: Array<[string, string]> = [
    ['Invalid value', 'FieldValueInvalid'], ['Required value', 'FieldValueRequired'], ['Unsupported value', 'FieldValueNotSupported'],
    ['Duplicate value', 'FieldValueDuplicate'], ['Forbidden', 'FieldValueForbidden'], ['Too long', 'FieldValueTooLong'],
    ['Too many', 'FieldValueTooMany'], ['Not found', 'FieldValueNotFound'],
  ];
  return types.find(([prefix]) => text.startsWith(prefix))?.[1] ?? 'FieldValueInvalid';
}

export function badRequest(message: string): ApiError {
  return new ApiError('BadRequest', 400, message);
}

/** The error for a kind the server does not know, as kubectl prints it. */
export function noKindMatch(kind: string, apiVersion: string): ApiError {
  return new ApiError('NotFound', 404, `no matches for kind "${kind}" in version "${apiVersion}"`);
}
