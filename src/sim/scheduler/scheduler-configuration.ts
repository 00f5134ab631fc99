import { defaultProfile, registry, type Profile } from './registry.ts';

/** Where kube-scheduler's extension points take plugins; multiPoint stands for all of them. */
const EXTENSION_POINTS = ['multiPoint', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve', 'permit', 'preBind', 'bind', 'postBind', 'queueSort'];

/** A configuration the simulator refuses, in the words kube-scheduler's validation uses where it has them. */
export class SchedulerConfigurationError extends Error {}

/**
 * A KubeSchedulerConfiguration (kubescheduler.config.k8s.io/v1) as profiles: each starts from the
 * default plugins, drops the disabled ones (`*` drops them all) and adds the enabled ones with
 * their score weights, at any extension point (the simulator's plugins each sit where upstream's
 * do, so a plugin is on or off as a whole); pluginConfig args are kept for the plugins that read
 * them (PodTopologySpread's defaultConstraints). No profiles means the default one.
 */
export function parseSchedulerConfiguration(config: any): Profile[] {
  if (config?.apiVersion !== 'kubescheduler.config.k8s.io/v1' || config?.kind !== 'KubeSchedulerConfiguration') {
    throw new SchedulerConfigurationError(`a scheduler configuration is apiVersion kubescheduler.config.k8s.io/v1, kind KubeSchedulerConfiguration, not ${config?.apiVersion}/${config?.kind}`);
  }
  const profiles: any[] = config.profiles?.length ? config.profiles : [{}];
  const names = new Set<string>();
  return profiles.map((p, i) => {
    const schedulerName = p.schedulerName ?? defaultProfile.schedulerName;
    if (names.has(schedulerName)) throw new SchedulerConfigurationError(`profiles[${i}].schedulerName: Duplicate value: ${JSON.stringify(schedulerName)}`);
    names.add(schedulerName);
    let plugins = [...defaultProfile.plugins];
    const weights = { ...defaultProfile.weights };
    for (const point of Object.keys(p.plugins ?? {})) {
      if (!EXTENSION_POINTS.includes(point)) throw new SchedulerConfigurationError(`profiles[${i}].plugins: unknown extension point "${point}"`);
      const set = p.plugins[point] ?? {};
      for (const d of set.disabled ?? []) {
        if (d.name === '*') plugins = [];
        else plugins = plugins.filter((name) => name !== d.name);
      }
      for (const e of set.enabled ?? []) {
        if (!registry.has(e.name)) throw new SchedulerConfigurationError(`profiles[${i}].plugins.${point}.enabled: plugin "${e.name}" does not exist (the simulator has ${[...registry.keys()].join(', ')})`);
        if (!plugins.includes(e.name)) plugins.push(e.name);
        if (e.weight !== undefined) weights[e.name] = e.weight;
        else weights[e.name] ??= 1;
      }
    }
    const pluginArgs: Record<string, any> = {};
    for (const c of p.pluginConfig ?? []) pluginArgs[c.name] = c.args ?? {};
    const percentage = p.percentageOfNodesToScore ?? config.percentageOfNodesToScore;
    return { schedulerName, plugins, weights, pluginArgs, ...(percentage !== undefined ? { percentageOfNodesToScore: percentage } : {}) };
  });
}
