import { LabelSelector } from '../kube/label-selector.ts';
import type { KubeObject } from './store/types.ts';
import { bytes, milliCpu } from '../kube/quantity.ts';

/** Usage of the pods a rule covers: a share of each container's request, or an amount per container. */
export interface UsageRule {
  namespace: string;
  selector: LabelSelector;
  /** Percent of the cpu request each container uses. */
  cpuPercent?: number;
  memoryPercent?: number;
  /** Millicores each container uses, whatever it requests (wins over cpuPercent). */
  cpuMillis?: number;
  /** Bytes each container uses (wins over memoryPercent). */
  memoryBytes?: number;
}

/** One container's usage in millicores and bytes. */
export interface ContainerUsage {
  name: string;
  cpu: number;
  memory: number;
}

/**
 * The simulator's metrics-server: pod usage comes from rules a scenario sets ("the pods of
 * Deployment api use 80% CPU"), applied to running pods; pods no rule covers report no metrics,
 * like a pod metrics-server has not scraped yet. The newest matching rule wins. A container
 * cannot use more CPU than its limit: the CFS quota throttles it there (it is never killed for
 * it), so that is what metrics-server measures.
 *
 * kind comes without metrics-server: the metrics.k8s.io API exists once it is installed, or once
 * a scenario sets usage (which is metrics-server measuring something).
 */
export class MetricsServer {
  private readonly rules: UsageRule[] = [];
  private running = false;
  private readonly listeners: Array<() => void> = [];

  /** Calls `listener` whenever usage rules change (what the next scrape would show). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  get installed(): boolean {
    return this.running;
  }

  install(): void {
    this.running = true;
  }

  /** A rule for the same pods as an earlier one keeps what it does not restate (CPU, then memory). */
  setUsage(rule: UsageRule): void {
    const same = this.rules.findIndex((r) => r.namespace === rule.namespace && r.selector.toString() === rule.selector.toString());
    const earlier: Partial<UsageRule> | undefined = same >= 0 ? { ...this.rules.splice(same, 1)[0]! } : undefined;
    // A share and an amount of the same resource replace each other.
    if (earlier && (rule.cpuPercent !== undefined || rule.cpuMillis !== undefined)) {
      delete earlier.cpuPercent;
      delete earlier.cpuMillis;
    }
    if (earlier && (rule.memoryPercent !== undefined || rule.memoryBytes !== undefined)) {
      delete earlier.memoryPercent;
      delete earlier.memoryBytes;
    }
    this.rules.unshift({ ...earlier, ...Object.fromEntries(Object.entries(rule).filter(([, v]) => v !== undefined)) } as UsageRule);
    this.running = true;
    for (const listener of this.listeners) listener();
  }

  /** Per-container usage of a running pod, or undefined without metrics. */
  containerUsage(pod: KubeObject): ContainerUsage[] | undefined {
    if (pod.status?.phase !== 'Running') return undefined;
    const rule = this.rules.find((r) => r.namespace === pod.metadata.namespace && r.selector.matches(pod.metadata.labels));
    if (!rule) return undefined;
    return (pod.spec?.containers ?? []).map((c: any) => {
      const wanted = rule.cpuMillis ?? Math.round((milliCpu(c.resources?.requests?.cpu) * (rule.cpuPercent ?? 0)) / 100);
      const limit = c.resources?.limits?.cpu;
      return {
        name: c.name,
        cpu: limit === undefined ? wanted : Math.min(wanted, milliCpu(limit)),
        memory: rule.memoryBytes ?? Math.round((bytes(c.resources?.requests?.memory) * (rule.memoryPercent ?? 0)) / 100),
      };
    });
  }

  /** A running pod's usage in millicores and bytes, or undefined without metrics. */
  podUsage(pod: KubeObject): { cpu: number; memory: number } | undefined {
    const containers = this.containerUsage(pod);
    if (!containers) return undefined;
    return containers.reduce((sum, c) => ({ cpu: sum.cpu + c.cpu, memory: sum.memory + c.memory }), { cpu: 0, memory: 0 });
  }
}
