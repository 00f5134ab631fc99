import type { KindInfo } from '../../kube/kinds.ts';
import type { KubeObject } from './types.ts';

/**
 * The kind a CustomResourceDefinition defines, as the apiextensions-apiserver serves it: its
 * served versions (the storage version first), scope, subresources and names. Custom resources
 * bump metadata.generation on any change outside metadata and status.
 */
export function customKindOf(crd: KubeObject): KindInfo {
  const spec = crd.spec ?? {};
  const versions = (spec.versions ?? []).filter((v: any) => v.served !== false);
  const storage = versions.find((v: any) => v.storage) ?? versions[0];
  const ordered = storage ? [storage, ...versions.filter((v: any) => v !== storage)] : versions;
  const subresources = storage?.subresources ?? {};
  return {
    kind: spec.names?.kind,
    apiVersion: `${spec.group}/${storage?.name}`,
    plural: spec.names?.plural,
    namespaced: spec.scope !== 'Cluster',
    generation: 'spec',
    custom: {
      definition: crd.metadata.name,
      versions: ordered.map((v: any) => ({ apiVersion: `${spec.group}/${v.name}`, schema: v.schema?.openAPIV3Schema })),
      statusSubresource: subresources.status !== undefined,
      ...(subresources.scale ? { scaleSubresource: subresources.scale } : {}),
      shortNames: spec.names?.shortNames ?? [],
      categories: spec.names?.categories ?? [],
    },
  };
}

/** Whether an apiVersion is one the kind is served at. */
export function servesVersion(info: KindInfo, apiVersion: string): boolean {
  return info.custom ? info.custom.versions.some((v) => v.apiVersion === apiVersion) : info.apiVersion === apiVersion;
}
