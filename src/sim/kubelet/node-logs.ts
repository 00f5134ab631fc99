import type { KubeObject } from '../store/types.ts';
import { echoedLines } from './container-output.ts';

/**
 * The container log files the kubelet keeps on its node, by path, for pods that mount /var/log
 * (log collectors): `/var/log/pods/<ns>_<pod>_<uid>/<container>/<restartCount>.log` written by
 * the runtime in the CRI format (`<time> stdout F <line>`), and the
 * `/var/log/containers/<pod>_<ns>_<container>-<id>.log` links to it (symlinks on a node; here the
 * same content at both paths). Each line is stamped with the container's start: the simulator
 * knows what a script echoes by now, not the instant of each line.
 */
export function containerLogFiles(podsOnNode: readonly KubeObject[], now: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pod of podsOnNode) {
    const { name, namespace, uid } = pod.metadata;
    const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    for (const status of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
      const run = status.state?.running ?? status.state?.terminated;
      const id = String(status.containerID ?? '').replace(/^\w+:\/\//, '');
      const spec = specs.find((c: any) => c.name === status.name);
      if (!run?.startedAt || !id || !spec) continue;
      const end = run.finishedAt ? Date.parse(run.finishedAt) : now;
      const stamp = new Date(Date.parse(run.startedAt)).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
      const content = echoedLines(spec.command, spec.args, end - Date.parse(run.startedAt)).map((line) => `${stamp} stdout F ${line}\n`).join('');
      out[`/var/log/pods/${namespace}_${name}_${uid}/${status.name}/${status.restartCount ?? 0}.log`] = content;
      out[`/var/log/containers/${name}_${namespace}_${status.name}-${id}.log`] = content;
    }
  }
  return out;
}
