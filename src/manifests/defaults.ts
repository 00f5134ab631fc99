import type { Manifest } from '../drivers/driver.ts';

/** The image the default workloads run: small, and present on kind nodes' registries. */
export const DEFAULT_IMAGE = 'registry.k8s.io/nginx-slim:0.27';

/**
 * The manifests behind "a StatefulSet "web" with 3 replicas": a headless Service named like
 * the StatefulSet (its serviceName) and a StatefulSet of nginx pods labelled app=<name>, as in
 * the Kubernetes StatefulSet tutorial.
 */
export function statefulSetManifest(name: string, replicas: number): Manifest[] {
  const labels = { app: name };
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels },
      spec: { clusterIP: 'None', selector: labels, ports: [{ name: 'web', port: 80 }] },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name, labels },
      spec: {
        replicas,
        serviceName: name,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: { containers: [{ name: 'nginx', image: DEFAULT_IMAGE, ports: [{ name: 'web', containerPort: 80 }] }] },
        },
      },
    },
  ];
}

/** The manifest behind "a Deployment "api" with 3 replicas": nginx pods labelled app=<name>. */
export function deploymentManifest(name: string, replicas: number): Manifest {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'app', image: DEFAULT_IMAGE, ports: [{ containerPort: 80 }] }] } },
    },
  };
}
