import type { Millis } from '../clock.ts';
import type { KubeObject } from '../store/types.ts';
import { timings } from './timings.ts';
import type { PodRuntime } from './pod-runtime.ts';

/** What containerd reports for a container whose task vanished with the machine. */
const LOST_EXIT_CODE = 255;
const LOST_REASON = 'Unknown';

/**
 * A node lost power at `down` and booted at `up`: the pod's containers died with it, and the
 * kubelet finds its sandbox gone. With restartPolicy Never it leaves the dead containers as they
 * are (the pod fails); otherwise it makes a new sandbox (new pod IP) and runs the pod again from
 * the start, init containers included, each restart counted.
 */
export function reboot(pod: KubeObject, rt: PodRuntime, down: Millis, up: Millis, podIP: string): void {
  for (const c of rt.containers) {
    if (c.state !== 'running') continue;
    c.state = 'terminated';
    c.finishedAt = down;
    c.exitCode = LOST_EXIT_CODE;
    c.terminatedReason = LOST_REASON;
    c.startAt = undefined;
    c.probes = undefined;
  }
  // The kubelet came up anew: no sync of the pod is busy killing a container.
  rt.probeKillsBusyUntil = undefined;
  if ((pod.spec.restartPolicy ?? 'Always') === 'Never') return;
  rt.sandboxReadyAt = up + timings.sandbox;
  rt.podIP = podIP;
  for (const c of rt.containers) {
    if (c.state === 'terminated') {
      c.last = { startedAt: c.startedAt!, finishedAt: c.finishedAt!, exitCode: c.exitCode!, reason: c.terminatedReason! };
      c.restartCount++;
    }
    c.state = 'waiting';
    c.waitingReason = pod.spec.initContainers?.length ? 'PodInitializing' : 'ContainerCreating';
    c.waitingMessage = undefined;
    c.startAt = undefined;
    c.finishedAt = undefined;
    c.exitCode = undefined;
    c.backoff = undefined;
  }
}
