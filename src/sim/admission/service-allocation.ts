import { invalid, type FieldError } from '../../kube/api-errors.ts';
import type { ObjectStore } from '../store/object-store.ts';
import type { SeededRandom } from '../rng.ts';
import type { AdmissionPlugin, AdmissionRequest } from './admission.ts';
import type { KubeObject } from '../store/types.ts';
import { renderBadValue } from '../../kube/bad-value.ts';
import { behaviour, defaultKubernetesVersion, type KubernetesRelease } from '../../kube/kubernetes-versions.ts';

/** kubeadm's --service-cluster-ip-range 10.96.0.0/12 and the NodePort range (reference/networking.md §1, §8). */
const CIDR_BASE = (10 << 24) | (96 << 16);
const CIDR_SIZE = 1 << 20;
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

function ipText(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function ipNumber(text: string): number | undefined {
  const parts = text.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

/**
 * The Service REST strategy (pkg/registry/core/service): defaults, port-name validation, and
 * allocation of a ClusterIP from the service range and NodePorts from 30000-32767 (drawn from the
 * cluster RNG, as the API server draws them at random), with the API server's messages for a
 * port out of range or taken.
 */
/** Why an IP outside 10.96.0.0/12 cannot be allocated, in the release's words (api.service.clusterIPOutOfRange). */
function outOfRange(version: KubernetesRelease, ip: string): string {
  return behaviour(version, 'api.service.clusterIPOutOfRange').value.replace('%IP', ip).replace('%RANGE', '10.96.0.0/12');
}

export class ServiceAllocation implements AdmissionPlugin {
  readonly name = 'ServiceAllocation';

  constructor(private readonly store: () => ObjectStore, private readonly rng: SeededRandom, private readonly version: KubernetesRelease = defaultKubernetesVersion()) {}

  admit({ object, old }: AdmissionRequest): void {
    if (object.kind !== 'Service') return;
    // Every Service shows `status: {loadBalancer: {}}` until a provider fills it.
    object.status ??= { loadBalancer: {} };
    const spec = object.spec ?? (object.spec = {});
    spec.type ??= 'ClusterIP';
    spec.sessionAffinity ??= 'None';
    // SetDefaults_Service: ClientIP affinity lasts three hours unless told otherwise.
    if (spec.sessionAffinity === 'ClientIP') ((spec.sessionAffinityConfig ??= {}).clientIP ??= {}).timeoutSeconds ??= 10800;
    if (spec.type !== 'ExternalName') {
      spec.internalTrafficPolicy ??= 'Cluster';
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
    // SetDefaults_Service (pkg/apis/core/v1/defaults.go): a LoadBalancer allocates node ports unless told not to.
    if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
    const ports: any[] = spec.ports ?? [];
    for (const p of ports) {
      p.protocol ??= 'TCP';
      // An unset targetPort, 0 or "" alike, is the port (SetDefaults_Service).
      if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
    }
    const errors: FieldError[] = [];
    if (ports.length > 1) ports.forEach((p, i) => { if (!p.name) errors.push({ path: `spec.ports[${i}].name`, text: 'Required value' }); });
    const others = this.store().list('Service').filter((s) => s.metadata.uid !== object.metadata.uid);
    if (spec.type !== 'ExternalName') this.allocateIp(spec, old, others, errors);
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') this.allocatePorts(ports, others, errors);
    else for (const p of ports) delete p.nodePort;
    if (errors.length) throw invalid('Service', object.metadata.name, errors);
  }

  private allocateIp(spec: any, old: KubeObject | undefined, others: KubeObject[], errors: FieldError[]): void {
    if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
      return;
    }
    if (old?.spec?.clusterIP && !spec.clusterIP) spec.clusterIP = old.spec.clusterIP;
    const used = new Set(others.map((s) => s.spec?.clusterIP).filter(Boolean));
    if (spec.clusterIP) {
      const n = ipNumber(spec.clusterIP);
      if (n === undefined || n < CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE) {
        errors.push({ path: 'spec.clusterIPs', text: `Invalid value: ${renderBadValue(this.version, { type: '[]string', value: [spec.clusterIP] })}: failed to allocate IP ${spec.clusterIP}: ${outOfRange(this.version, spec.clusterIP)}` });
      } else if (used.has(spec.clusterIP)) {
        errors.push({ path: 'spec.clusterIPs', text: `Invalid value: ${renderBadValue(this.version, { type: '[]string', value: [spec.clusterIP] })}: failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` });
      }
    } else {
      let ip: string;
      do ip = ipText(CIDR_BASE + 1 + this.rng.int(CIDR_SIZE - 2)); while (used.has(ip));
      spec.clusterIP = ip;
    }
    spec.clusterIPs = [spec.clusterIP];
  }

  private allocatePorts(ports: any[], others: KubeObject[], errors: FieldError[]): void {
    const used = new Set(others.flatMap((s) => (s.spec?.ports ?? []).map((p: any) => p.nodePort)).filter(Boolean));
    ports.forEach((p, i) => {
      if (p.nodePort !== undefined) {
        if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
          errors.push({ path: `spec.ports[${i}].nodePort`, text: `Invalid value: ${p.nodePort}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
        } else if (used.has(p.nodePort)) {
          errors.push({ path: `spec.ports[${i}].nodePort`, text: `Invalid value: ${p.nodePort}: provided port is already allocated` });
        }
      } else {
        let port: number;
        do port = NODE_PORT_MIN + this.rng.int(NODE_PORT_MAX - NODE_PORT_MIN + 1); while (used.has(port));
        p.nodePort = port;
      }
      used.add(p.nodePort);
    });
  }
}
