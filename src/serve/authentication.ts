import type { IncomingMessage } from 'node:http';
import type { Subject } from '../security/rbac.ts';
import { adminSubject } from '../apiserver/index.ts';

/**
 * Authentication by bearer token, then impersonation (`kubectl --as=jane --as-group=dev`):
 * the admin may act as anyone, and a ServiceAccount user gets its groups as the apiserver adds
 * them. Undefined when the token is wrong or missing.
 */
export function authenticate(req: IncomingMessage, token: string): Subject | undefined {
  if (req.headers.authorization !== `Bearer ${token}`) return undefined;
  const user = req.headers['impersonate-user'];
  if (typeof user !== 'string' || user === '') return adminSubject;
  const raw = req.headers['impersonate-group'];
  const groups = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const sa = /^system:serviceaccount:([^:]+):/.exec(user);
  const implied = sa ? ['system:serviceaccounts', `system:serviceaccounts:${sa[1]}`] : [];
  return { user, groups: [...new Set([...groups, ...implied, 'system:authenticated'])] };
}
