import { createHash } from 'node:crypto';
import type { KubeObject } from '../sim/index.ts';

const base64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/**
 * The answer to POST serviceaccounts/<name>/token (what `kubectl create token` asks for): a
 * TokenRequest whose status holds a JWT with the claims the API server's token issuer writes
 * (issuer, audiences, subject system:serviceaccount:<ns>:<name>, the kubernetes.io claim) and
 * its expiry, one hour unless spec.expirationSeconds says otherwise. The signature is a digest,
 * not a key's: the simulator authenticates with its own bearer token, not with these.
 */
export function tokenRequestFor(account: KubeObject, request: any, nowMs: number): object {
  const expirationSeconds = Number(request?.spec?.expirationSeconds ?? 3600);
  const audiences: string[] = request?.spec?.audiences?.length ? request.spec.audiences : ['https://kubernetes.default.svc.cluster.local'];
  const iat = Math.floor(nowMs / 1000);
  const { name, namespace, uid } = account.metadata;
  const header = base64url(JSON.stringify({ alg: 'RS256', kid: 'kubespec' }));
  const payload = base64url(JSON.stringify({
    aud: audiences,
    exp: iat + expirationSeconds,
    iat,
    iss: 'https://kubernetes.default.svc.cluster.local',
    jti: createHash('sha256').update(`${uid}:${iat}`).digest('hex').slice(0, 32),
    'kubernetes.io': { namespace, serviceaccount: { name, uid } },
    nbf: iat,
    sub: `system:serviceaccount:${namespace}:${name}`,
  }));
  const signature = base64url(createHash('sha256').update(`${header}.${payload}`).digest());
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    // No creationTimestamp: serve's encoder writes the zero one as null where the release does.
    metadata: { name, namespace },
    spec: { audiences, expirationSeconds, boundObjectRef: request?.spec?.boundObjectRef ?? null },
    status: { token: `${header}.${payload}.${signature}`, expirationTimestamp: new Date((iat + expirationSeconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') },
  };
}
