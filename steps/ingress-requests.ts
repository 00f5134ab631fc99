import { check, fail, ingressNginxAnswer, KubespecAssertionError, parseBytes, pass, readClusterView, UserError, type Driver, type IngressAnswer, type IngressRequest, type StepSpec } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/** ingress-nginx's answer, from the cluster's objects and the Secrets it reads. */
async function answer(driver: Driver, request: IngressRequest): Promise<IngressAnswer> {
  return ingressNginxAnswer(await readClusterView(driver), request, (namespace, name) => driver.get({ kind: 'Secret', name, namespace }));
}

const explain = (a: IngressAnswer) => `${a.status} (${a.why})`;

/** A step that sends one kind of request and expects a status code. */
function statusStep(pattern: string, example: string, doc: string, request: (args: unknown[]) => IngressRequest): StepSpec<KubespecWorld> {
  return {
    pattern,
    example,
    area: 'networking',
    judgedByModel: 'the ingress-nginx model',
    doc,
    eventual: 'optional',
    async run({ args, within }) {
      const req = request(args);
      const status = args[args.length - 1] as number;
      await check(this.driver, `${req.url} to get ${status}`, within, async () => {
        const a = await answer(this.driver, req);
        return a.status === status ? pass : fail(`${req.url} gets ${explain(a)}`);
      });
    },
  };
}

export const steps: StepSpec<KubespecWorld>[] = [
  statusStep('a request to {string} gets {int}', 'Then a request to "https://shop.example.com/admin" gets 401',
    "The HTTP status ingress-nginx answers with, worked out from the Ingresses and their annotations (redirects, basic auth, body size, CORS, missing backends: 503, no rule: 404, proxied: 200).",
    ([url]) => ({ url: url as string })),
  statusStep('a request to {string} with basic credentials {string} gets {int}', 'Then a request to "https://shop.example.com/admin" with basic credentials "admin:s3cret" gets 200',
    'As above, with `user:password` sent as HTTP Basic credentials (checked against the auth Secret\'s {SHA} or {PLAIN} htpasswd entries).',
    ([url, credentials]) => ({ url: url as string, credentials: credentials as string })),
  statusStep('a request to {string} with a body of {string} gets {int}', 'Then a request to "https://upload.example.com/" with a body of "60Mi" gets 413',
    'As above, for a request whose body has that size (a Kubernetes quantity: 500Ki, 60Mi).',
    ([url, size]) => ({ url: url as string, bodyBytes: bodySize(size as string) })),
  {
    pattern: 'a request to {string} is redirected to {string}',
    example: 'Then a request to "http://api.example.com/v1" is redirected to "https://api.example.com/v1"',
    area: 'networking',
    judgedByModel: 'the ingress-nginx model',
    doc: 'ingress-nginx answers 308 with this Location (HTTP to a host with TLS, or force-ssl-redirect).',
    async run({ args: [url, location] }) {
      const a = await answer(this.driver, { url: url as string });
      if (a.status !== 308 || a.headers.Location !== location) throw new KubespecAssertionError(`${url} gets ${explain(a)}`);
    },
  },
  {
    pattern: 'a request to {string} reaches service {string} port {int} at path {string}',
    example: 'Then a request to "http://shop.example.com/api/users" reaches service "api" port 80 at path "/users"',
    area: 'networking',
    judgedByModel: 'the ingress-nginx model',
    doc: 'The request is proxied to the Service, with the path the backend sees (after rewrite-target).',
    eventual: 'optional',
    async run({ args: [url, svc, port, path], within }) {
      await check(this.driver, `${url} to reach service "${svc}" port ${port} at path "${path}"`, within, async () => {
        const a = await answer(this.driver, { url: url as string });
        const up = a.upstream;
        if (up && up.service === svc && String(up.port) === String(port) && up.path === path) return pass;
        return fail(up ? `${url} reaches service "${up.service}" port ${up.port} at path "${up.path}"` : `${url} gets ${explain(a)}`);
      });
    },
  },
  {
    pattern: 'a request to {string} is proxied to its backend over {word}',
    example: 'Then a request to "https://api.example.com/" is proxied to its backend over HTTPS',
    area: 'networking',
    judgedByModel: 'the ingress-nginx model',
    doc: 'The protocol ingress-nginx speaks to the backend: HTTP unless backend-protocol says otherwise (a backend port of 443 is not enough).',
    async run({ args: [url, protocol] }) {
      const a = await answer(this.driver, { url: url as string });
      if (a.upstream?.protocol !== (protocol as string).toUpperCase()) throw new KubespecAssertionError(a.upstream ? `${url} is proxied over ${a.upstream.protocol}` : `${url} gets ${explain(a)}`);
    },
  },
  {
    pattern: 'a CORS preflight request to {string} gets Access-Control-Allow-Origin {string}',
    example: 'Then a CORS preflight request to "https://api.example.com/v1" gets Access-Control-Allow-Origin "https://app.example.com"',
    area: 'networking',
    judgedByModel: 'the ingress-nginx model',
    doc: 'An OPTIONS request is answered by the controller itself (204) with the CORS headers of enable-cors.',
    async run({ args: [url, origin] }) {
      const a = await answer(this.driver, { url: url as string, method: 'OPTIONS' });
      if (a.status !== 204 || a.headers['Access-Control-Allow-Origin'] !== origin) throw new KubespecAssertionError(`the preflight to ${url} gets ${explain(a)}${a.headers['Access-Control-Allow-Origin'] ? ` with Access-Control-Allow-Origin ${a.headers['Access-Control-Allow-Origin']}` : ''}`);
    },
  },
  {
    pattern: 'a request to {string} gets {int} with the header {string} set to {string}',
    example: 'Then a request to "https://shop.example.com/admin" gets 401 with the header "WWW-Authenticate" set to "Basic realm=\\"Admins\\""',
    area: 'networking',
    judgedByModel: 'the ingress-nginx model',
    doc: 'The status and one response header of ingress-nginx (WWW-Authenticate, Location, Access-Control-Allow-Origin, ...).',
    async run({ args: [url, status, header, value] }) {
      const a = await answer(this.driver, { url: url as string });
      const got = Object.entries(a.headers).find(([k]) => k.toLowerCase() === (header as string).toLowerCase())?.[1];
      if (a.status !== status || got !== value) throw new KubespecAssertionError(`${url} gets ${explain(a)} with ${header} ${got === undefined ? 'absent' : JSON.stringify(got)}`);
    },
  },
  {
    pattern: 'requests to {string} are balanced {word} across the ready pods of service {string}',
    example: 'Then requests to "http://shop.example.com/" are balanced round_robin across the ready pods of service "web"',
    area: 'networking',
    judgedByModel: 'the ingress-nginx model',
    doc: "ingress-nginx proxies straight to the Service's ready pod addresses (not its cluster IP), with the load-balance algorithm: round_robin by default, ewma by annotation.",
    eventual: 'optional',
    async run({ args: [url, balance, svc], within }) {
      await check(this.driver, `${url} to be balanced ${balance} across the ready pods of service "${svc}"`, within, async () => {
        const a = await answer(this.driver, { url: url as string });
        const up = a.upstream;
        if (!up || up.service !== svc) return fail(up ? `${url} reaches service "${up.service}"` : `${url} gets ${explain(a)}`);
        const podIps = (await this.driver.list('Pod')).filter((p) => p.status?.podIP).map((p) => p.status.podIP as string);
        const notPods = up.endpoints.filter((ip) => !podIps.includes(ip));
        if (notPods.length) return fail(`the upstream addresses ${notPods.join(', ')} are not pod IPs`);
        const ready = (await this.driver.list('EndpointSlice', { labelSelector: `kubernetes.io/service-name=${svc}` })).flatMap((s) => s.endpoints ?? []).filter((e: any) => e.conditions?.ready);
        if (up.endpoints.length !== ready.length || up.endpoints.length === 0) return fail(`${url} is balanced across ${up.endpoints.length} addresses; service "${svc}" has ${ready.length} ready endpoints`);
        return up.balance === balance ? pass : fail(`${url} is balanced ${up.balance}`);
      });
    },
  },
];

function bodySize(text: string): number {
  const n = parseBytes(text);
  if (!Number.isFinite(n)) throw new UserError(`"${text}" is not a size (try 500Ki or 60Mi)`);
  return n;
}
