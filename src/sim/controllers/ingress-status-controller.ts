import { isPodReady } from '../pod-status.ts';
import { deepEqual } from '../store/apply/object-fields.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { KubeObject, ObjectKey } from '../store/types.ts';
import type { Controller, ReconcileResult, WatchSpec } from './controller.ts';

const BINARY = '/nginx-ingress-controller';

interface NginxController {
  controllerClass: string;
  ingressClass: string;
  watchWithoutClass: boolean;
  publishStatusAddress?: string;
  publishService?: string;
  reportInternalIp: boolean;
  nodes: string[];
}

/**
 * ingress-nginx's status sync (internal/ingress/status): while its controller pods run, every
 * Ingress of its class carries the controller's address in status.loadBalancer.ingress (the
 * ADDRESS column): the --publish-status-address list (kind's manifest says localhost), else the
 * load-balancer addresses of the --publish-service Service, else the ExternalIP (InternalIP
 * when there is none, or always with --report-node-internal-ip-address) of the nodes its Ready
 * pods run on. With no
 * controller pod running the addresses are taken away (--update-status-on-shutdown). The
 * controller is recognised by its binary, /nginx-ingress-controller, in a running container.
 */
export class IngressStatusController implements Controller {
  readonly name = 'IngressStatus';

  constructor(private readonly store: ObjectStore) {}

  watches(): WatchSpec[] {
    const everyIngress = (): ObjectKey[] => this.store.list('Ingress', { unsorted: true }).map((i) => i.metadata);
    return [
      { kind: 'Ingress', keys: (e) => (e.type === 'DELETED' ? [] : [e.object.metadata]) },
      { kind: 'Pod', keys: (e) => (controllerArgs(e.object) ? everyIngress() : []) },
      { kind: 'Service', keys: everyIngress },
      { kind: 'IngressClass', keys: everyIngress },
      { kind: 'Node', keys: everyIngress },
    ];
  }

  reconcile(key: ObjectKey): ReconcileResult {
    const ingress = this.store.get('Ingress', key);
    if (!ingress || ingress.metadata.deletionTimestamp) return {};
    const serving = this.controllers().filter((c) => this.serves(c, ingress));
    const addresses = sorted(serving.flatMap((c) => this.addressesOf(c)));
    const current = ingress.status?.loadBalancer?.ingress ?? [];
    if (deepEqual(current, addresses)) return {};
    this.store.updateStatus({ ...ingress, status: { ...(ingress.status ?? {}), loadBalancer: addresses.length ? { ingress: addresses } : {} } });
    return {};
  }

  /** The ingress-nginx controllers running now, by their flags, with the nodes of their pods. */
  private controllers(): NginxController[] {
    const byFlags = new Map<string, NginxController>();
    for (const pod of this.store.list('Pod', { unsorted: true })) {
      const args = controllerArgs(pod);
      if (!args || pod.status?.phase !== 'Running' || pod.metadata.deletionTimestamp) continue;
      const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
      const c: NginxController = {
        controllerClass: flag('controller-class') ?? 'k8s.io/ingress-nginx',
        ingressClass: flag('ingress-class') ?? 'nginx',
        watchWithoutClass: flag('watch-ingress-without-class') === 'true',
        publishStatusAddress: flag('publish-status-address'),
        publishService: flag('publish-service'),
        reportInternalIp: flag('report-node-internal-ip-address') === 'true',
        nodes: [],
      };
      const id = JSON.stringify({ ...c, nodes: undefined });
      const known = byFlags.get(id) ?? c;
      // runningAddresses counts only Ready pods' nodes.
      if (isPodReady(pod)) known.nodes.push(pod.spec.nodeName);
      byFlags.set(id, known);
    }
    return [...byFlags.values()];
  }

  /** Whether the controller takes the Ingress: its IngressClass is the controller's, or its legacy annotation names the class. */
  private serves(c: NginxController, ingress: KubeObject): boolean {
    const className = ingress.spec?.ingressClassName;
    if (className) return this.store.get('IngressClass', { name: className })?.spec?.controller === c.controllerClass;
    const annotated = ingress.metadata.annotations?.['kubernetes.io/ingress.class'];
    if (annotated !== undefined) return annotated === c.ingressClass;
    return c.watchWithoutClass;
  }

  private addressesOf(c: NginxController): Array<{ ip?: string; hostname?: string }> {
    if (c.publishStatusAddress) return c.publishStatusAddress.split(',').map((a) => a.trim()).filter(Boolean).map(address);
    if (c.publishService) {
      const [namespace, name] = c.publishService.split('/');
      const svc = name ? this.store.get('Service', { namespace, name }) : undefined;
      if (!svc) return [];
      const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i: any) => (i.ip ? { ip: i.ip } : { hostname: i.hostname }));
      return lb.length ? lb : (svc.spec?.externalIPs ?? []).map((ip: string) => ({ ip }));
    }
    // GetNodeIPOrName: the InternalIP with --report-node-internal-ip-address, else the
    // ExternalIP, else the InternalIP after all.
    return [...new Set(c.nodes)].flatMap((n) => {
      const addresses: any[] = this.store.get('Node', { name: n })?.status?.addresses ?? [];
      const internal = addresses.find((a) => a.type === 'InternalIP' && a.address)?.address;
      const ip = c.reportInternalIp ? internal : addresses.find((a) => a.type === 'ExternalIP' && a.address)?.address ?? internal;
      return ip ? [{ ip }] : [];
    });
  }
}

/** The flags of a pod's ingress-nginx controller container, or undefined when it runs none. */
function controllerArgs(pod: KubeObject): string[] | undefined {
  for (const c of pod.spec?.containers ?? []) {
    const argv: string[] = [...(c.command ?? []), ...(c.args ?? [])].map(String);
    if (argv.includes(BINARY)) return argv;
  }
  return undefined;
}

function address(text: string): { ip?: string; hostname?: string } {
  return /^[\d.]+$|:/.test(text) ? { ip: text } : { hostname: text };
}

/** lessLoadBalancerIngress: by hostname (IPs, having none, first), then by IP, without repeats; byte order as Go compares. */
function sorted(list: Array<{ ip?: string; hostname?: string }>): Array<{ ip?: string; hostname?: string }> {
  const unique = [...new Map(list.map((a) => [`${a.ip ?? ''}|${a.hostname ?? ''}`, a])).values()];
  const compare = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return unique.sort((a, b) => compare(a.hostname ?? '', b.hostname ?? '') || compare(a.ip ?? '', b.ip ?? ''));
}
