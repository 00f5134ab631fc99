import { addOnDefinitions, check, dnsReachable, fail, KubespecAssertionError, pass, reachPod, reachService, readClusterView, resolveDns, routeRequest, type ClusterView, type DnsObservation, type Driver, type KubeObject, type Observed, type StepSpec, type Manifest, type TrafficProbes, type Verdict, withCapability } from '../src/step-kit.ts';
import type { KubespecWorld } from '../support/world.ts';
import { listenersFor, noteAssumed } from '../support/listeners.ts';
import { endpointsWithoutContainers, judgedByModel, observed, policiesIn, policyReason, probesOrWhyNot, unguardedNodes, type TrafficStep } from '../support/traffic-probes.ts';

function find(list: KubeObject[], name: string, namespace: string, kind: string): KubeObject {
  const obj = list.find((o) => o.metadata.name === name && o.metadata.namespace === namespace);
  if (!obj) throw new KubespecAssertionError(`${kind} "${name}" not found in namespace "${namespace}"`);
  return obj;
}

function reachStep(target: 'service' | 'pod', expected: boolean): StepSpec<KubespecWorld> {
  const verb = expected ? 'can reach' : 'cannot reach';
  const spec: StepSpec<KubespecWorld> & TrafficStep = {
    pattern: `pod {string} ${verb} ${target} {string} on port {int}`,
    example: `Then pod "frontend" ${verb} ${target} "${target === 'service' ? 'api' : 'db'}" on port ${target === 'service' ? 80 : 5432}`,
    area: 'networking',
    judgedByModel: 'the NetworkPolicy and kube-proxy model',
    observesTraffic: 'a TCP connection (agnhost connect, or busybox nc from the pod itself)',
    doc: (target === 'service'
      ? `The Service has the port and a ready endpoint that NetworkPolicies let the pod reach and where something listens on the target port (${expected ? 'must' : 'must not'}), answered from the objects as the data plane would.`
      : `The pod-to-pod connection is ${expected ? 'allowed' : 'denied'} by the NetworkPolicies of both pods${expected ? ' and something in the target listens on the port' : ', or nothing in the target listens on the port'}.`)
      + ' On a live cluster with a node that runs containers, a real connection from the pod (or a probe pod standing in for it) decides; with a NetworkPolicy in play, only from the pod itself, between nodes labelled kubespec.io/network-policy (the reference cluster\'s real nodes with its policy agent).',
    eventual: 'optional',
    async run({ args: [from, to, port], within }) {
      await check(this.driver, `pod "${from}" ${verb} ${target} "${to}" on port ${port}`, within, async () => {
        const view = await readClusterView(this.driver);
        const ns = this.driver.namespace();
        const client = find(view.pods, from as string, ns, 'pod');
        const dest = target === 'service' ? find(view.services, to as string, ns, 'service') : find(view.pods, to as string, ns, 'pod');
        const observation = await observeReach(this, spec, view, client, dest, target, port as number);
        if (observation) {
          return observation.connected === expected ? pass : fail(`pod "${from}" ${observation.connected ? 'can' : 'cannot'} reach ${target} "${to}" on port ${port}: ${observation.said}`);
        }
        const r = target === 'service'
          ? reachService(view, client, dest, port as number, listenersFor())
          : reachPod(view, client, dest, port as number, 'TCP', listenersFor());
        noteAssumed(this.driver, r);
        return r.reachable === expected ? pass : fail(`pod "${from}" ${r.reachable ? 'can' : 'cannot'} reach ${target} "${to}" on port ${port}: ${r.reason}`);
      });
    },
  };
  return spec;
}

/**
 * A real connection from the client pod to the Service's cluster IP (its DNS name when headless)
 * or the pod's IP; undefined, with the reason noted, where the cluster cannot answer for real.
 */
async function observeReach(world: KubespecWorld, step: TrafficStep, view: ClusterView, client: KubeObject, dest: KubeObject, target: 'service' | 'pod', port: number): Promise<{ connected: boolean; said: string } | undefined> {
  const probes = await probesOrWhyNot(world);
  if (typeof probes === 'string') return void judgedByModel(world, step, probes, true);
  // Under a NetworkPolicy only nodes that enforce it can answer, and only the pod itself: a
  // stand-in's labels would be judged instead of its own.
  const policies = policiesIn(view, [client.metadata.namespace, dest.metadata.namespace]);
  const unguarded = policies.length ? unguardedNodes(view, probes, client, dest, target) : [];
  if (unguarded.length) return void judgedByModel(world, step, `${policyReason(policies)}, and ${unguarded.join('; ')}`, true);
  let host: string;
  if (target === 'service') {
    const nowhere = endpointsWithoutContainers(view, dest, probes);
    if (nowhere.length) return void judgedByModel(world, step, `service "${dest.metadata.name}" has endpoints a connection would meet nothing at: ${nowhere.join('; ')}`, true);
    host = dest.spec?.clusterIP && dest.spec.clusterIP !== 'None' ? dest.spec.clusterIP : `${dest.metadata.name}.${dest.metadata.namespace}.svc.cluster.local`;
  } else {
    if (dest.spec?.nodeName && !probes.nodesRunningContainers.includes(dest.spec.nodeName)) {
      return void judgedByModel(world, step, `pod "${dest.metadata.name}" is on ${dest.spec.nodeName}, which runs no container`, true);
    }
    if (!dest.status?.podIP) return { connected: false, said: `pod "${dest.metadata.name}" has no IP (${dest.status?.phase ?? 'Pending'})` };
    host = dest.status.podIP as string;
  }
  const c = policies.length ? await probes.connectFromItself(host, port, client.metadata.name) : await probes.connect(host, port, client.metadata.name);
  if ('cannot' in c) return void judgedByModel(world, step, `${policyReason(policies)}, and the connection must come from pod "${client.metadata.name}" itself, which cannot make it: ${c.cannot}`, false);
  observed(world, step, c.from);
  return { connected: c.connected, said: `from ${c.from}, a connection to ${host}:${port} ${c.connected ? 'opened' : `failed: ${c.failure}${c.text && c.text !== c.failure ? ` (${c.text})` : ''}`}` };
}

/**
 * A DNS step: looks the name up from a pod of the scenario's namespace where the cluster runs
 * containers (`observe`), else asks the cluster DNS model (`model`), noting which it did.
 */
async function dnsVerdict(world: KubespecWorld, step: TrafficStep, observe: (probes: TrafficProbes) => Promise<Verdict>, model: () => Promise<Verdict>): Promise<Verdict> {
  const probes = await probesOrWhyNot(world);
  if (typeof probes === 'string') {
    judgedByModel(world, step, probes, true);
    return model();
  }
  return observe(probes);
}

/** A lookup, noted as observed, with its answer in words. */
async function lookUp(world: KubespecWorld, step: TrafficStep, probes: TrafficProbes, name: string, from?: string): Promise<Observed<DnsObservation>> {
  const answer = await probes.lookup(name, from);
  observed(world, step, answer.from);
  return answer;
}

function describeObserved(a: Observed<DnsObservation>): string {
  const what = a.answer === 'A' ? a.addresses.join(', ')
    : a.answer === 'CNAME' ? `a CNAME to ${a.target}${a.addresses.length ? ` (${a.addresses.join(', ')})` : ''}`
      : a.answer === 'none' ? `nothing (${a.rcode})` : `no answer: no DNS server answered (${a.text})`;
  return `${what}, looked up from ${a.from}`;
}

const sameAddresses = (a: readonly string[], b: ReadonlyArray<string | undefined>) => a.slice().sort().join() === b.slice().sort().join();

/** A name resolving to a Service's ClusterIP; the Service is in the scenario's namespace or the one named. */
function clusterIpStep(elsewhere: boolean): StepSpec<KubespecWorld> {
  const spec: StepSpec<KubespecWorld> & TrafficStep = {
    pattern: `the name {string} resolves to the cluster IP of service {string}${elsewhere ? ' in namespace {string}' : ''}`,
    example: elsewhere ? 'Then the name "kubernetes.default" resolves to the cluster IP of service "kubernetes" in namespace "default"' : 'Then the name "api" resolves to the cluster IP of service "api"',
    area: 'networking',
    judgedByModel: 'the cluster DNS model',
    observesTraffic: DNS_LOOKUP,
    doc: "Cluster DNS, searched as from a pod in the scenario's namespace (ndots 5).",
    eventual: 'optional',
    async run({ args: [name, svcName, namespace], within }) {
      await check(this.driver, `"${name}" to resolve to service "${svcName}"`, within, async () => {
        const view = await readClusterView(this.driver);
        const svc = find(view.services, svcName as string, (namespace as string | undefined) ?? this.driver.namespace(), 'service');
        return dnsVerdict(this, spec, async (probes) => {
          const a = await lookUp(this, spec, probes, name as string);
          return a.answer === 'A' && sameAddresses(a.addresses, [svc.spec?.clusterIP]) ? pass : fail(`"${name}" resolves to ${describeObserved(a)}, not ${svc.spec?.clusterIP}`);
        }, async () => {
          const a = resolveDns(view, name as string, this.driver.namespace());
          return a.type === 'A' && a.addresses.join() === svc.spec?.clusterIP ? pass : fail(`"${name}" resolves to ${describe(a)}, not ${svc.spec?.clusterIP}`);
        });
      });
    },
  };
  return spec;
}

/** Whether a pod's DNS queries get through to CoreDNS (its egress policies on UDP 53). */
function resolveStep(expected: boolean): StepSpec<KubespecWorld> {
  const spec: StepSpec<KubespecWorld> & TrafficStep = {
    pattern: `pod {string} ${expected ? 'can' : 'cannot'} resolve names`,
    example: `Then pod "backend" ${expected ? 'can' : 'cannot'} resolve names`,
    area: 'networking',
    judgedByModel: 'the NetworkPolicy model of DNS egress',
    observesTraffic: `${DNS_LOOKUP} of "kubernetes.default"`,
    doc: "The pod's DNS queries reach CoreDNS (kube-system, k8s-app=kube-dns) on UDP 53 through the NetworkPolicies: an egress policy without a DNS allowance breaks name resolution. On a live cluster with a node that runs containers, and no NetworkPolicy in play, a real lookup from the pod (or a probe pod standing in for it) decides.",
    eventual: 'optional',
    async run({ args: [name], within }) {
      await check(this.driver, `pod "${name}" ${expected ? 'to' : 'not to'} resolve names`, within, async () => {
        const view = await readClusterView(this.driver);
        const pod = find(view.pods, name as string, this.driver.namespace(), 'pod');
        const policies = policiesIn(view, [pod.metadata.namespace]);
        const model = () => {
          const r = dnsReachable(view, pod);
          return r.reachable === expected ? pass : fail(`pod "${name}" ${r.reachable ? 'can' : 'cannot'} resolve names: ${r.reason}`);
        };
        if (policies.length) {
          judgedByModel(this, spec, policyReason(policies), false);
          return model();
        }
        return dnsVerdict(this, spec, async (probes) => {
          const a = await lookUp(this, spec, probes, 'kubernetes.default', name as string);
          const resolves = a.answer !== 'no-server';
          return resolves === expected ? pass : fail(`pod "${name}" ${resolves ? 'can' : 'cannot'} resolve names: "kubernetes.default" resolves to ${describeObserved(a)}`);
        }, async () => model());
      });
    },
  };
  return spec;
}

/** How the DNS steps observe: the pod's own resolver, through its resolv.conf. */
const DNS_LOOKUP = "a DNS lookup (nslookup) from a pod in the scenario's namespace";

/** The A records are exactly the IPs of the listed pods. */
const podIpsStep: StepSpec<KubespecWorld> & TrafficStep = {
  pattern: 'the name {string} resolves to the IP(s) of pod(s) {string}',
  example: 'Then the name "web-0.web" resolves to the IP of pod "web-0"',
  area: 'networking',
  judgedByModel: 'the cluster DNS model',
  observesTraffic: DNS_LOOKUP,
  doc: 'The A records are exactly the IPs of the listed pods (comma separated): headless Services and pod hostnames.',
  eventual: 'optional',
  async run({ args: [name, podNames], within }) {
    await check(this.driver, `"${name}" to resolve to pods ${podNames}`, within, async () => {
      const view = await readClusterView(this.driver);
      const ips = String(podNames).split(',').map((p) => find(view.pods, p.trim(), this.driver.namespace(), 'pod').status?.podIP).sort();
      return dnsVerdict(this, podIpsStep, async (probes) => {
        const a = await lookUp(this, podIpsStep, probes, name as string);
        return a.answer === 'A' && sameAddresses(a.addresses, ips) ? pass : fail(`"${name}" resolves to ${describeObserved(a)}, not ${ips.join(', ')}`);
      }, async () => {
        const a = resolveDns(view, name as string, this.driver.namespace());
        return a.type === 'A' && a.addresses.slice().sort().join() === ips.join() ? pass : fail(`"${name}" resolves to ${describe(a)}, not ${ips.join(', ')}`);
      });
    });
  },
};

const dashedIpStep: StepSpec<KubespecWorld> & TrafficStep = {
  pattern: "pod {string} resolves by its dashed IP under the namespace's pod domain",
  example: "Then pod \"web\" resolves by its dashed IP under the namespace's pod domain",
  area: 'networking',
  judgedByModel: 'the cluster DNS model',
  observesTraffic: DNS_LOOKUP,
  doc: 'CoreDNS answers `a-b-c-d.<namespace>.pod.cluster.local` with a.b.c.d: pods have A records by IP, not by name.',
  async run({ args: [podName] }) {
    const view = await readClusterView(this.driver);
    const ip = find(view.pods, podName as string, this.driver.namespace(), 'pod').status?.podIP as string | undefined;
    if (!ip) throw new KubespecAssertionError(`pod "${podName}" has no IP yet`);
    const name = `${ip.replaceAll('.', '-')}.${this.driver.namespace()}.pod.cluster.local`;
    const v = await dnsVerdict(this, dashedIpStep, async (probes) => {
      const a = await lookUp(this, dashedIpStep, probes, name);
      return a.answer === 'A' && sameAddresses(a.addresses, [ip]) ? pass : fail(`"${name}" resolves to ${describeObserved(a)}, not ${ip}`);
    }, async () => {
      const a = resolveDns(view, name, this.driver.namespace());
      return a.type === 'A' && a.addresses.join() === ip ? pass : fail(`"${name}" resolves to ${describe(a)}, not ${ip}`);
    });
    if (!v.ok) throw new KubespecAssertionError(v.message);
  },
};

const noAnswerStep: StepSpec<KubespecWorld> & TrafficStep = {
  pattern: 'the name {string} does not resolve',
  example: 'Then the name "web-2.web" does not resolve',
  area: 'networking',
  judgedByModel: 'the cluster DNS model',
  observesTraffic: DNS_LOOKUP,
  doc: 'Cluster DNS answers NXDOMAIN (observed: the server answers with no address for any name of the search list).',
  eventual: 'optional',
  async run({ args: [name], within }) {
    await check(this.driver, `"${name}" not to resolve`, within, async () => dnsVerdict(this, noAnswerStep, async (probes) => {
      const a = await lookUp(this, noAnswerStep, probes, name as string);
      return a.answer === 'none' ? pass : fail(`"${name}" resolves to ${describeObserved(a)}`);
    }, async () => {
      const a = resolveDns(await readClusterView(this.driver), name as string, this.driver.namespace());
      return a.type === 'NXDOMAIN' ? pass : fail(`"${name}" resolves to ${describe(a)}`);
    }));
  },
};

const cnameStep: StepSpec<KubespecWorld> & TrafficStep = {
  pattern: 'the name {string} does not resolve to an address but to {string}',
  example: 'Then the name "external-db" does not resolve to an address but to "db.example.com"',
  area: 'networking',
  judgedByModel: 'the cluster DNS model',
  observesTraffic: DNS_LOOKUP,
  doc: 'Cluster DNS answers with a CNAME (ExternalName Services).',
  async run({ args: [name, target] }) {
    const v = await dnsVerdict(this, cnameStep, async (probes) => {
      const a = await lookUp(this, cnameStep, probes, name as string);
      return a.answer === 'CNAME' && a.target === target ? pass : fail(`"${name}" resolves to ${describeObserved(a)}, not a CNAME to ${target}`);
    }, async () => {
      const a = resolveDns(await readClusterView(this.driver), name as string, this.driver.namespace());
      return a.type === 'CNAME' && a.target === target ? pass : fail(`"${name}" resolves to ${describe(a)}, not a CNAME to ${target}`);
    });
    if (!v.ok) throw new KubespecAssertionError(v.message);
  },
};

export const steps: StepSpec<KubespecWorld>[] = [
  resolveStep(true),
  resolveStep(false),
  reachStep('service', true),
  reachStep('service', false),
  reachStep('pod', true),
  reachStep('pod', false),
  clusterIpStep(false),
  clusterIpStep(true),
  podIpsStep,
  dashedIpStep,
  noAnswerStep,
  {
    pattern: 'a request to {string} is routed to service {string} port {int}',
    example: 'Then a request to "https://api.example.com/v1/users" is routed to service "api-v1-service" port 80',
    area: 'networking',
    judgedByModel: 'the Ingress routing model',
    doc: 'Ingress routing as a controller does it: installed IngressClass, host (exact, wildcard), longest path, Exact over Prefix, defaultBackend.',
    eventual: 'optional',
    async run({ args: [url, svc, port], within }) {
      await check(this.driver, `${url} to be routed to service "${svc}" port ${port}`, within, async () => {
        const r = routeRequest(await readClusterView(this.driver), url as string);
        if (!r.routed) return fail(`${url} is not routed: ${r.reason}`);
        return r.service === svc && String(r.port) === String(port) ? pass : fail(`${url} is routed by Ingress "${r.ingress}" (${r.by}) to service "${r.service}" port ${r.port}`);
      });
    },
  },
  {
    pattern: 'a request to {string} is not routed',
    example: 'Then a request to "http://shop.example.com/staticfile" is not routed',
    area: 'networking',
    judgedByModel: 'the Ingress routing model',
    doc: 'No Ingress rule or defaultBackend takes the request (the controller answers 404).',
    async run({ args: [url] }) {
      const r = routeRequest(await readClusterView(this.driver), url as string);
      if (r.routed) throw new KubespecAssertionError(`${url} is routed by Ingress "${r.ingress}" (${r.by}) to service "${r.service}" port ${r.port}`);
    },
  },
  {
    pattern: 'a request to {string} is served with the certificate in secret {string}',
    example: 'Then a request to "https://api.example.com/" is served with the certificate in secret "api-tls"',
    area: 'networking',
    judgedByModel: 'the Ingress TLS model',
    doc: "The TLS entry covering the request's host names the Secret (SNI), and the Secret exists in the Ingress's namespace.",
    async run({ args: [url, secret] }) {
      const served = await servedCertificate(this.driver, url as string);
      if (served !== secret) throw new KubespecAssertionError(`${url} is served with ${describeCertificate(served)}`);
    },
  },
  {
    pattern: "a request to {string} is served with the controller's default certificate",
    example: "Then a request to \"https://api.example.com/\" is served with the controller's default certificate",
    area: 'networking',
    judgedByModel: 'the Ingress TLS model',
    doc: "No usable TLS Secret covers the host: no TLS entry names it, or the Secret is missing from the Ingress's namespace, so ingress-nginx presents its self-signed \"Kubernetes Ingress Controller Fake Certificate\".",
    async run({ args: [url] }) {
      const served = await servedCertificate(this.driver, url as string);
      if (served !== undefined) throw new KubespecAssertionError(`${url} is served with ${describeCertificate(served)}`);
    },
  },
  {
    pattern: 'service {string} has {int} ready endpoint(s)',
    example: 'Then service "web" has 3 ready endpoints within 1 minute',
    area: 'networking',
    doc: 'Counts endpoints with condition ready=true in the EndpointSlices of the Service.',
    eventual: 'optional',
    async run({ args: [svc, count], within }) {
      await check(this.driver, `service "${svc}" to have ${count} ready endpoints`, within, async () => {
        const slices = (await this.driver.list('EndpointSlice', { labelSelector: `kubernetes.io/service-name=${svc}` }));
        const ready = slices.flatMap((s) => s.endpoints ?? []).filter((e: any) => e.conditions?.ready);
        return ready.length === count ? pass : fail(`service "${svc}" has ${ready.length} ready endpoints (${slices.flatMap((s) => s.endpoints ?? []).length} in total)`);
      });
    },
  },
  {
    pattern: 'an ingress controller for class {string} is installed',
    example: 'Given an ingress controller for class "nginx" is installed',
    area: 'networking',
    doc: "Creates the IngressClass (default class, controller k8s.io/ingress-nginx) that installing ingress-nginx creates; on a live cluster the controller itself must be deployed.",
    footprint: () => ({ alone: 'creates an IngressClass, which is cluster-scoped' }),
    async run({ args: [name] }) {
      const manifest = { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: name as string, annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'k8s.io/ingress-nginx' } };
      this.applied.push(manifest);
      await this.driver.apply([manifest]);
    },
  },
];

function describe(a: ReturnType<typeof resolveDns>): string {
  return a.type === 'A' ? a.addresses.join(', ') : a.type === 'CNAME' ? `a CNAME to ${a.target}` : 'nothing (NXDOMAIN)';
}

steps.push({
  pattern: 'cert-manager is installed',
  example: 'Given cert-manager is installed',
  area: 'networking',
  doc: "The simulated cert-manager: its CRDs, Issuer/ClusterIssuer setup (ACME accounts, SelfSigned, CA), Certificates issued into kubernetes.io/tls Secrets and renewed two thirds through their lifetime, and the ingress-shim for Ingresses annotated cert-manager.io/issuer or cluster-issuer. The simulated ACME server passes every challenge. Simulator only.",
  precheck: () => ({ manifests: addOnDefinitions('cert-manager') as Manifest[] }),
  needs: ['add-ons'],
  async run() {
    await withCapability(this.driver, 'add-ons').installAddOn('cert-manager');
  },
});

steps.push({
  pattern: 'a load-balancer provider is installed',
  example: 'Given a load-balancer provider is installed',
  area: 'networking',
  doc: 'LoadBalancer Services get an external address (like MetalLB); without it they stay <pending>, as on kind. Simulator only.',
  needs: ['add-ons'],
  async run() {
    await withCapability(this.driver, 'add-ons').installAddOn('load-balancer-provider');
  },
});

steps.push(cnameStep);

/**
 * The Secret whose certificate the controller presents for an https URL, or undefined for its
 * default certificate (no TLS entry covers the host, or the named Secret is not in the Ingress's
 * namespace: a TLS Secret cannot be referenced across namespaces).
 */
async function servedCertificate(driver: Driver, url: string): Promise<string | undefined> {
  const r = routeRequest(await readClusterView(driver), url);
  if (!r.routed) throw new KubespecAssertionError(`${url} is not routed: ${r.reason}`);
  if (!r.tlsSecret) return undefined;
  const namespace = r.rule.ingress.metadata.namespace ?? driver.namespace();
  return (await driver.get({ kind: 'Secret', name: r.tlsSecret, namespace })) ? r.tlsSecret : undefined;
}

function describeCertificate(secret: string | undefined): string {
  return secret ? `the certificate in secret "${secret}"` : "the controller's default certificate (no TLS entry covers the host, or its Secret is missing)";
}
