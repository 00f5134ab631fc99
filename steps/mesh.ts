import { addOnDefinitions, KubespecAssertionError, readClusterView, routeMeshRequest, UserError, type Driver, type MeshRoute, type MeshView, type StepSpec, type Manifest, withCapability } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';

/** The VirtualServices and DestinationRules of every namespace; none where Istio's CRDs are missing. */
async function readMesh(driver: Driver): Promise<MeshView> {
  const all = (kind: string) => driver.list(kind, { allNamespaces: true }).catch(() => []);
  const [virtualServices, destinationRules] = await Promise.all([all('VirtualService'), all('DestinationRule')]);
  return { virtualServices, destinationRules };
}

/** The mesh's answer for a request from a pod of the scenario's namespace. */
async function route(world: KubespecWorld, from: string, url: string, header?: string): Promise<MeshRoute> {
  const view = await readClusterView(world.driver);
  const client = view.pods.find((p) => p.metadata.name === from && p.metadata.namespace === world.driver.namespace());
  if (!client) throw new KubespecAssertionError(`pod "${from}" not found`);
  let headers: Record<string, string> = {};
  if (header !== undefined) {
    const m = /^([^:]+):\s*(.*)$/.exec(header);
    if (!m) throw new UserError(`"${header}" is not a header (write it as "name: value")`);
    headers = { [m[1]!.trim()]: m[2]! };
  }
  return routeMeshRequest(view, await readMesh(world.driver), { from: client, url, headers });
}

function describe(r: MeshRoute): string {
  if (r.kind === 'plain') return `it is not steered by the mesh: ${r.reason}`;
  if (r.kind === 'no-route') return `VirtualService "${r.virtualService}" has no rule for it (404)`;
  return `VirtualService "${r.virtualService}" rule ${r.rule + 1} sends it to ${r.destinations.map((d) => `${d.weight}% ${d.service}${d.subset ? `/${d.subset}` : ''}${d.failure ? ` (503: ${d.failure})` : ` (${d.pods.join(', ')})`}`).join(', ')}`;
}

/** The share of requests the route sends to a subset that answers. */
const shareOf = (r: MeshRoute, service: string, subset: string) =>
  r.kind === 'routed' ? r.destinations.filter((d) => d.service === service && d.subset === subset && !d.failure).reduce((sum, d) => sum + d.weight, 0) : 0;

async function routedToSubset(world: KubespecWorld, from: string, url: string, subset: string, service: string, header?: string): Promise<void> {
  const r = await route(world, from, url, header);
  if (shareOf(r, service, subset) !== 100) throw new KubespecAssertionError(`${url} from pod "${from}"${header ? ` with "${header}"` : ''}: ${describe(r)}`);
}

export const steps: StepSpec<KubespecWorld>[] = [
  {
    pattern: 'Istio is installed',
    example: 'Given Istio is installed',
    area: 'networking',
    doc: "The simulated Istio: networking.istio.io CRDs (VirtualService, DestinationRule, Gateway) and sidecar injection for namespaces labelled istio-injection=enabled. Requests between sidecar pods follow VirtualServices and DestinationRule subsets. Simulator only.",
    precheck: () => ({ manifests: addOnDefinitions('istio') as Manifest[] }),
    needs: ['add-ons'],
    async run() {
      await withCapability(this.driver, 'add-ons').installAddOn('istio');
    },
  },
  {
    pattern: 'a request from pod {string} to {string} is routed to subset {string} of service {string}',
    example: 'Then a request from pod "client" to "http://myapp/v1/users" is routed to subset "v1" of service "myapp"',
    area: 'networking',
    judgedByModel: 'the Istio routing model',
    doc: "The client's Envoy sidecar takes the first matching http rule of the host's VirtualService and sends every such request to that subset (the DestinationRule's labels pick its pods).",
    async run({ args: [from, url, subset, service] }) {
      await routedToSubset(this, from as string, url as string, subset as string, service as string);
    },
  },
  {
    pattern: 'a request from pod {string} to {string} with header {string} is routed to subset {string} of service {string}',
    example: 'Then a request from pod "client" to "http://myapp/" with header "user-id: test-user" is routed to subset "v2" of service "myapp"',
    area: 'networking',
    judgedByModel: 'the Istio routing model',
    doc: 'As above, for a request carrying this header ("name: value"), which the rules\' header matches test.',
    async run({ args: [from, url, header, subset, service] }) {
      await routedToSubset(this, from as string, url as string, subset as string, service as string, header as string);
    },
  },
  {
    pattern: 'requests from pod {string} to {string} go {int}% to subset {string} and {int}% to subset {string} of service {string}',
    example: 'Then requests from pod "client" to "http://myapp/" go 90% to subset "v1" and 10% to subset "v2" of service "myapp"',
    area: 'networking',
    judgedByModel: 'the Istio routing model',
    doc: "The route's weights: the shares of requests each subset gets (and answers).",
    async run({ args: [from, url, first, a, second, b, service] }) {
      const r = await route(this, from as string, url as string);
      const got = [shareOf(r, service as string, a as string), shareOf(r, service as string, b as string)];
      if (got[0] !== first || got[1] !== second) throw new KubespecAssertionError(`${url} from pod "${from}": ${describe(r)}`);
    },
  },
  {
    pattern: '{int}% of the requests from pod {string} to {string} fail with 503',
    example: 'Then 10% of the requests from pod "client" to "http://myapp/" fail with 503',
    area: 'networking',
    judgedByModel: 'the Istio routing model',
    doc: 'The share the route sends to a destination Envoy cannot serve: a subset no DestinationRule defines (no cluster), or one without ready pods (no healthy upstream).',
    async run({ args: [percent, from, url] }) {
      const r = await route(this, from as string, url as string);
      const failing = r.kind === 'routed' ? r.destinations.filter((d) => d.failure).reduce((sum, d) => sum + d.weight, 0) : 0;
      if (failing !== percent) throw new KubespecAssertionError(`${failing}% fail, not ${percent}%: ${describe(r)}`);
    },
  },
];
