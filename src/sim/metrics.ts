import { LabelSelector } from './store/label-selector.ts';
import type { KubeObject } from './store/types.ts';
import { bytes, milliCpu } from './quantity.ts';

/** Usage of the pods a rule covers, as a share of each container's request. */
export interface UsageRule {
  namespace: string;
  selector: LabelSelector;
  /** Percent of the cpu request each container uses. */
  cpuPercent?: number;
  memoryPercent?: number;
}

/**
 * The simulator's metrics-server: pod usage comes from rules a scenario sets ("the pods of
 * Deployment api use 80% CPU"), applied to running pods; pods no rule covers report no metrics,
 * like a pod metrics-server has not scraped yet. The newest matching rule wins.
 */
export class MetricsServer {
  private readonly rules: UsageRule[] = [];

  setUsage(rule: UsageRule): void {
    this.rules.unshift(rule);
  }

  /** Per-container usage of a running pod in millicores and bytes, or undefined without metrics. */
  podUsage(pod: KubeObject): { cpu: number; memory: number } | undefined {
    if (pod.status?.phase !== 'Running') return undefined;
    const rule = this.rules.find((r) => r.namespace === pod.metadata.namespace && r.selector.matches(pod.metadata.labels));
    if (!rule) return undefined;
    let cpu = 0, memory = 0;
    for (const c of pod.spec?.containers ?? []) {
      cpu += Math.round((milliCpu(c.resources?.requests?.cpu) * (rule.cpuPercent ?? 0)) / 100);
      memory += Math.round((bytes(c.resources?.requests?.memory) * (rule.memoryPercent ?? 0)) / 100);
    }
    return { cpu, memory };
  }
}
