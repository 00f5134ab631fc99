import type { AdmissionPlugin, AdmissionRequest } from '../../admission/admission.ts';
import type { ObjectStore } from '../../store/object-store.ts';
import { ISTIO_VERSION } from './crds.ts';

/** Whether the simulated Istio control plane is installed (its injector is a webhook that exists only then). */
export class Mesh {
  installed = false;
}

const PROXY_IMAGE = `docker.io/istio/proxyv2:${ISTIO_VERSION}`;

/** Whether a pod's sidecar injection is asked for: its namespace's istio-injection label, overridden by the pod's sidecar.istio.io/inject label. */
export function wantsSidecar(pod: any, namespaceLabels: Record<string, string> | undefined): boolean {
  const own = pod.metadata?.labels?.['sidecar.istio.io/inject'];
  if (own !== undefined) return own === 'true' && namespaceLabels?.['istio-injection'] !== 'disabled';
  return namespaceLabels?.['istio-injection'] === 'enabled';
}

/**
 * istiod's sidecar injector (a mutating webhook on pod creation): pods that ask for it get the
 * `istio-init` init container (which programs the pod's iptables and exits) and the
 * `istio-proxy` Envoy sidecar, the `security.istio.io/tlsMode: istio` label and the
 * `sidecar.istio.io/status` annotation. The kubespec behavior annotation tells the simulated
 * kubelet that istio-init finishes at once.
 */
export function sidecarInjection(store: () => ObjectStore, mesh: Mesh): AdmissionPlugin {
  return {
    name: 'istio-sidecar-injector',
    admit(request: AdmissionRequest): void {
      const pod = request.object;
      if (!mesh.installed || request.operation !== 'CREATE' || pod.kind !== 'Pod' || pod.spec?.hostNetwork) return;
      if ((pod.spec?.containers ?? []).some((c: any) => c.name === 'istio-proxy')) return;
      const namespace = store().get('Namespace', { name: pod.metadata.namespace ?? 'default' });
      if (!wantsSidecar(pod, namespace?.metadata.labels)) return;
      pod.metadata.labels = { ...pod.metadata.labels, 'security.istio.io/tlsMode': 'istio', 'service.istio.io/canonical-name': pod.metadata.labels?.app ?? pod.metadata.name ?? pod.metadata.generateName ?? '', 'service.istio.io/canonical-revision': pod.metadata.labels?.version ?? 'latest' };
      pod.metadata.annotations = {
        ...pod.metadata.annotations,
        'sidecar.istio.io/status': JSON.stringify({ initContainers: ['istio-init'], containers: ['istio-proxy'], volumes: ['istio-envoy', 'istio-data', 'istio-podinfo', 'istio-token', 'istiod-ca-cert'], imagePullSecrets: null, revision: 'default' }),
        'kubespec.io/behavior.istio-init': 'exit 0 after 1s',
      };
      pod.spec.initContainers = [
        { name: 'istio-init', image: PROXY_IMAGE, args: ['istio-iptables', '-p', '15001', '-z', '15006', '-u', '1337', '-m', 'REDIRECT', '-i', '*', '-x', '', '-b', '*', '-d', '15090,15021,15020'], resources: { requests: { cpu: '10m', memory: '40Mi' }, limits: { cpu: '2', memory: '1Gi' } } },
        ...(pod.spec.initContainers ?? []),
      ];
      pod.spec.containers = [
        ...pod.spec.containers,
        {
          name: 'istio-proxy', image: PROXY_IMAGE, args: ['proxy', 'sidecar', '--domain', '$(POD_NAMESPACE).svc.cluster.local'],
          ports: [{ name: 'http-envoy-prom', containerPort: 15090, protocol: 'TCP' }],
          resources: { requests: { cpu: '10m', memory: '40Mi' }, limits: { cpu: '2', memory: '1Gi' } },
          securityContext: { runAsUser: 1337, runAsGroup: 1337, runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        },
      ];
    },
  };
}
