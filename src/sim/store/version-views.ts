import type { KubeObject } from './types.ts';

/**
 * A kind served in another version than the one stored, with the conversion both ways — as the
 * apiserver serves autoscaling/v1 HorizontalPodAutoscalers (what `kubectl autoscale` creates)
 * from autoscaling/v2 storage. Field mapping as in pkg/apis/autoscaling/v1/conversion.go:
 * targetCPUUtilizationPercentage is the CPU Utilization metric; v1 has no other metrics.
 */
export interface VersionView {
  apiVersion: string;
  toStored(obj: any): any;
  toServed(obj: KubeObject): any;
}

export const identityView = (apiVersion: string): VersionView => ({ apiVersion, toStored: (o) => o, toServed: (o) => o });

const hpaV1: VersionView = {
  apiVersion: 'autoscaling/v1',
  toStored(obj) {
    const { targetCPUUtilizationPercentage, ...spec } = obj.spec ?? {};
    const metrics = targetCPUUtilizationPercentage !== undefined
      ? [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: targetCPUUtilizationPercentage } } }]
      : undefined;
    return { ...obj, apiVersion: 'autoscaling/v2', spec: { ...spec, ...(metrics ? { metrics } : {}) } };
  },
  toServed(obj) {
    const { metrics, behavior, ...spec } = obj.spec ?? {};
    const cpu = (metrics ?? []).find((m: any) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization');
    const current = (obj.status?.currentMetrics ?? []).find((m: any) => m.type === 'Resource' && m.resource?.name === 'cpu');
    const { currentMetrics, conditions, ...status } = obj.status ?? {};
    return {
      ...obj, apiVersion: 'autoscaling/v1',
      spec: { ...spec, ...(cpu ? { targetCPUUtilizationPercentage: cpu.resource.target.averageUtilization } : {}) },
      status: { ...status, ...(current?.resource?.current?.averageUtilization !== undefined ? { currentCPUUtilizationPercentage: current.resource.current.averageUtilization } : {}) },
    };
  },
};

/** Kinds also served at an older version: (apiVersion, plural) → the stored kind and its view. */
export const alternateVersions: ReadonlyArray<{ apiVersion: string; plural: string; kind: string; view: VersionView }> = [
  { apiVersion: 'autoscaling/v1', plural: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', view: hpaV1 },
];

/** An object written at an older served version, converted to the stored one (others as they are). */
export function toStoredVersion(obj: any): any {
  const alternate = alternateVersions.find((a) => a.apiVersion === obj?.apiVersion && a.kind === obj?.kind);
  return alternate ? alternate.view.toStored(obj) : obj;
}
