import { kindForPath, reviewForPath, type ReviewResource } from './discovery.ts';
import type { KindInfo } from '../sim/index.ts';

/** A resource request, parsed from its URL path as the apiserver's RequestInfoFactory does. */
export interface ResourcePath {
  apiVersion: string;
  info?: KindInfo;
  review?: ReviewResource;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

/**
 * `/api/v1/namespaces/ns/pods/web/log` → pods "web" in "ns", subresource log. `namespaces/<n>`
 * followed by a namespaced plural of the same group version scopes the request; otherwise
 * `namespaces/<n>` names the Namespace itself. Undefined when the path is not a resource path.
 * `kinds` are the cluster's: the built-in ones and those its CustomResourceDefinitions define.
 */
export function parseResourcePath(pathname: string, kinds: readonly KindInfo[]): ResourcePath | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let apiVersion: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1]) {
    apiVersion = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts[1] && parts[2]) {
    apiVersion = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else {
    return undefined;
  }
  if (rest.length === 0) return undefined;
  let namespace: string | undefined;
  if (rest[0] === 'namespaces' && rest.length >= 3 && kindForPath(kinds, apiVersion, rest[2]!)?.namespaced) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource] = rest as [string, string?, string?];
  if (rest.length > 3) return undefined;
  return { apiVersion, plural, namespace, name, subresource, info: kindForPath(kinds, apiVersion, plural), review: reviewForPath(apiVersion, plural) };
}
