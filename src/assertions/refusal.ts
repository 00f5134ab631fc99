import { UserError } from '../errors.ts';
import { KubespecAssertionError } from './errors.ts';

/**
 * The reasons a Kubernetes API error carries (metav1.StatusReason) and the HTTP status code each
 * maps to, as documented on the constants in
 * staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (v1.32). Conflict and AlreadyExists
 * share 409; Gone and Expired share 410; InternalError and ServerTimeout share 500.
 */
export const statusReasons: Readonly<Record<string, number>> = {
  BadRequest: 400,
  Unauthorized: 401,
  Forbidden: 403,
  NotFound: 404,
  MethodNotAllowed: 405,
  NotAcceptable: 406,
  AlreadyExists: 409,
  Conflict: 409,
  Gone: 410,
  Expired: 410,
  RequestEntityTooLarge: 413,
  UnsupportedMediaType: 415,
  Invalid: 422,
  TooManyRequests: 429,
  InternalError: 500,
  ServerTimeout: 500,
  ServiceUnavailable: 503,
  Timeout: 504,
};

/**
 * A status reason as a step writes it ("Forbidden", "Invalid"), checked against Kubernetes' own
 * names; anything else is the author's mistake, said with the nearest name and the whole list.
 */
export function parseStatusReason(word: string): string {
  if (statusReasons[word] !== undefined) return word;
  const near = Object.keys(statusReasons).find((r) => r.toLowerCase() === word.toLowerCase()) ?? Object.keys(statusReasons).find((r) => closeTo(r.toLowerCase(), word.toLowerCase()));
  const hint = near ? ` (did you mean ${near}?)` : '';
  throw new UserError(`"${word}" is not a Kubernetes status reason${hint}; the reasons are ${Object.keys(statusReasons).join(', ')}`);
}

/** An HTTP status code as a step writes it: one some status reason maps to. */
export function checkStatusCode(code: number): number {
  const codes = [...new Set(Object.values(statusReasons))].sort((a, b) => a - b);
  if (!codes.includes(code)) throw new UserError(`${code} is not a status code the Kubernetes API refuses with; the codes are ${codes.join(', ')}`);
  return code;
}

/** What a refusal must show: its status reason, its HTTP status code, text its message contains. */
export interface ExpectedRefusal {
  reason?: string;
  code?: number;
  text?: string;
}

/**
 * Runs an action that must be refused by the API, and checks the refusal: its message contains
 * `expected` (a string, or `text`), and it has the status reason and code asked for. `what` names
 * the action in the failure message ("the manifest", "the eviction"). An error that is not an API
 * answer (it has no reason, as a client-side mapping error) fails a check of reason or code.
 */
export async function expectRefusal(what: string, expected: string | ExpectedRefusal, action: () => Promise<unknown>): Promise<void> {
  const want: ExpectedRefusal = typeof expected === 'string' ? { text: expected } : expected;
  let error: Error | undefined;
  try {
    await action();
  } catch (e) {
    error = e as Error;
  }
  if (!error) throw new KubespecAssertionError(`${what} was accepted; expected it to be refused ${describeRefusal(want)}`);
  const got = error as Error & { reason?: unknown; code?: unknown };
  const reason = typeof got.reason === 'string' ? got.reason : undefined;
  const code = typeof got.code === 'number' ? got.code : undefined;
  const status = reason || code ? `${reason ?? 'no reason'} (${code ?? 'no code'})` : undefined;
  if ((want.reason !== undefined || want.code !== undefined) && status === undefined) {
    throw new KubespecAssertionError(`${what} was refused without an API status (not by the API server): "${error.message}"; expected ${describeRefusal(want)}`);
  }
  if (want.reason !== undefined && reason !== want.reason) {
    throw new KubespecAssertionError(`${what} was refused as ${status}, not as ${want.reason} (${statusReasons[want.reason]}): "${error.message}"`);
  }
  if (want.code !== undefined && code !== want.code) {
    throw new KubespecAssertionError(`${what} was refused with status ${code ?? 'none'} (${reason ?? 'no reason'}), not ${want.code}: "${error.message}"`);
  }
  if (want.text !== undefined && !error.message.includes(want.text)) {
    throw new KubespecAssertionError(`${what} was refused${status ? ` as ${status}` : ''} with "${error.message}", which does not contain "${want.text}"`);
  }
}

/** `as Forbidden (403) with "exceeded quota"`, `with status 422`, `with "text"`. */
export function describeRefusal(want: ExpectedRefusal): string {
  const parts: string[] = [];
  if (want.reason !== undefined) parts.push(`as ${want.reason} (${statusReasons[want.reason]})`);
  if (want.code !== undefined) parts.push(`with status ${want.code}`);
  if (want.text !== undefined) parts.push(`with "${want.text}"`);
  return parts.join(' ');
}

/** One edit apart (a letter missing, extra or wrong): enough for a misspelt reason. */
function closeTo(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}
