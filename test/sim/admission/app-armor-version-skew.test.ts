/**
 * applyAppArmorVersionSkew (pkg/registry/core/pod/strategy.go): annotations are copied into
 * fields in every release, with a deprecation warning; fields into annotations only up to 1.33
 * (K@1.32.13 strategy.go:866-879; gone in K@1.34.4, CHANGELOG-1.34 #131989; data:
 * api.pod.appArmorAnnotationsCopied).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterWith, get } from '../helpers.ts';
import { LEGACY_MINORS, parseKubernetesVersion, SUPPORTED_MINORS } from '../../../src/kube/kubernetes-versions.ts';

const KEY = 'container.apparmor.security.beta.kubernetes.io/';

function created(minor: string, pod: any): { pod: any; warnings: string[] } {
  const c = clusterWith(1, 1, parseKubernetesVersion(minor));
  const warnings: string[] = [];
  c.store.create(structuredClone(pod), { warnings });
  return { pod: get(c, 'Pod', pod.metadata.name)!, warnings };
}

const withFields = {
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'fields', namespace: 'default' },
  spec: {
    securityContext: { appArmorProfile: { type: 'RuntimeDefault' } },
    initContainers: [{ name: 'init', image: 'busybox', securityContext: { appArmorProfile: { type: 'Localhost', localhostProfile: 'k8s-init' } } }],
    containers: [{ name: 'app', image: 'busybox' }, { name: 'free', image: 'busybox', securityContext: { appArmorProfile: { type: 'Unconfined' } } }],
  },
};

for (const minor of [...LEGACY_MINORS, ...SUPPORTED_MINORS]) {
  const copies = minor === '1.32';
  test(`${minor}: appArmorProfile fields ${copies ? 'are' : 'are not'} copied into the deprecated annotations`, () => {
    const { pod, warnings } = created(minor, withFields);
    const annotations = Object.fromEntries(Object.entries(pod.metadata.annotations ?? {}).filter(([k]) => k.startsWith(KEY)));
    assert.deepEqual(annotations, copies ? { [`${KEY}init`]: 'localhost/k8s-init', [`${KEY}app`]: 'runtime/default', [`${KEY}free`]: 'unconfined' } : {});
    assert.deepEqual(warnings.filter((w) => w.includes('apparmor')), []);
  });

  test(`${minor}: an annotation without a field becomes the field, with a deprecation warning`, () => {
    const { pod, warnings } = created(minor, {
      apiVersion: 'v1', kind: 'Pod',
      metadata: { name: 'annotated', namespace: 'default', annotations: { [`${KEY}app`]: 'localhost/k8s-app', [`${KEY}same`]: 'runtime/default', [`${KEY}bad`]: 'localhost/' } },
      spec: { securityContext: { appArmorProfile: { type: 'RuntimeDefault' } }, containers: [{ name: 'app', image: 'busybox' }, { name: 'same', image: 'busybox' }, { name: 'bad', image: 'busybox' }] },
    });
    assert.deepEqual(pod.spec.containers.map((c: any) => c.securityContext?.appArmorProfile), [{ type: 'Localhost', localhostProfile: 'k8s-app' }, undefined, undefined]);
    assert.deepEqual(warnings.filter((w) => w.includes('apparmor')), [
      `metadata.annotations[${KEY}app]: deprecated since v1.30; use the "appArmorProfile" field instead`,
      `metadata.annotations[${KEY}bad]: deprecated since v1.30; use the "appArmorProfile" field instead`,
    ]);
  });
}

test('a Windows pod is left alone', () => {
  const { pod } = created('1.32', { ...withFields, spec: { ...withFields.spec, os: { name: 'windows' } } });
  assert.deepEqual(Object.keys(pod.metadata.annotations ?? {}).filter((k) => k.startsWith(KEY)), []);
});
