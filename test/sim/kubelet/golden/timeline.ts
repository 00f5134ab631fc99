import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { SimCluster } from '../../../../src/sim/cluster.ts';
import type { KubeObject } from '../../../../src/sim/store/types.ts';
import { seconds } from '../../helpers.ts';

/**
 * A pod's life as text, one line per change the API shows, so a golden file reads like
 * `kubectl get pod -w` plus `kubectl get events -w` merged, and a reviewer can hold it against
 * upstream line by line:
 *
 *   12s  phase Running
 *   12s  cond  Ready=False ContainersNotReady "containers with unready status: [app]"
 *   12s  ctr   app: waiting CrashLoopBackOff "back-off 10s …" restarts=1 last=Error(1)
 *   12s  event Warning BackOff "Back-off restarting failed container app in pod …"
 *
 * Only what changed since the previous write is printed (phase, each condition, each
 * container); the pod's uid is shown as <uid> so a golden does not depend on it.
 */
export class PodTimeline {
  private readonly lines: string[] = [];
  private last = { phase: '', reason: '', deleting: '', conditions: new Map<string, string>(), containers: new Map<string, string>() };
  private uid = '';

  constructor(private readonly cluster: SimCluster, pod: string, namespace = 'default') {
    cluster.store.watch('Pod', (e) => {
      if (e.object.metadata.name !== pod || e.object.metadata.namespace !== namespace) return;
      this.uid ||= e.object.metadata.uid;
      if (e.type === 'DELETED') this.add('gone', 'pod deleted from the API');
      else this.observe(e.object);
    });
    cluster.store.watch('Event', (e) => {
      const ev = e.object;
      if (ev.involvedObject?.kind !== 'Pod' || ev.involvedObject.name !== pod || e.type === 'DELETED') return;
      // A repeat is the same object with a higher count (client-go's correlator); each write is a
      // line, the count is not shown: v1.32 repeats BackOff at each pod sync while backing off
      // (every ~10 s), the simulator once per exit, so only the times the two share are golden.
      this.add('event', `${ev.type} ${ev.reason} ${JSON.stringify(ev.message)}`);
    });
  }

  /** The rendered timeline, one line per change, ending in a newline. */
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }

  private add(kind: string, text: string): void {
    const t = seconds(this.cluster);
    this.lines.push(`${`${Number.isInteger(t) ? t : t.toFixed(3)}s`.padStart(8)}  ${kind.padEnd(5)} ${this.redact(text)}`);
  }

  private redact(text: string): string {
    return this.uid ? text.split(this.uid).join('<uid>') : text;
  }

  private observe(pod: KubeObject): void {
    const status = pod.status ?? {};
    const phase = status.phase ?? '';
    if (phase !== this.last.phase) this.add('phase', phase);
    const reason = status.reason ? `${status.reason} ${JSON.stringify(status.message ?? '')}` : '';
    if (reason !== this.last.reason) this.add('pod', reason ? `reason ${reason}` : 'reason cleared');
    const deleting = pod.metadata.deletionTimestamp ? `deletionTimestamp +${pod.metadata.deletionGracePeriodSeconds}s` : '';
    if (deleting !== this.last.deleting) this.add('pod', deleting);
    const conditions = new Map<string, string>((status.conditions ?? []).map((c: any) => [c.type, renderCondition(c)]));
    for (const [type, text] of conditions) if (this.last.conditions.get(type) !== text) this.add('cond', text);
    const statuses = [...(status.initContainerStatuses ?? []).map((s: any) => ['init ', s]), ...(status.containerStatuses ?? []).map((s: any) => ['', s])];
    const containers = new Map<string, string>(statuses.map(([kind, s]: [string, any]) => [s.name, `${kind}${renderContainer(s)}`]));
    for (const [name, text] of containers) if (this.last.containers.get(name) !== text) this.add('ctr', text);
    this.last = { phase, reason, deleting, conditions, containers };
  }
}

function renderCondition(c: any): string {
  return [`${c.type}=${c.status}`, c.reason, c.message === undefined ? undefined : JSON.stringify(c.message)].filter(Boolean).join(' ');
}

/** name: state [reason "message"] / exit code, ready and started flags, restarts, last termination. */
function renderContainer(s: any): string {
  const st = s.state ?? {};
  const state = st.running ? 'running'
    : st.terminated ? `terminated ${st.terminated.reason}(${st.terminated.exitCode})`
    : st.waiting ? ['waiting', st.waiting.reason, st.waiting.message === undefined ? undefined : JSON.stringify(st.waiting.message)].filter(Boolean).join(' ')
    : 'no state';
  const flags = [s.started ? 'started' : undefined, s.ready ? 'ready' : undefined].filter(Boolean).join(' ');
  const last = s.lastState?.terminated ? ` last=${s.lastState.terminated.reason}(${s.lastState.terminated.exitCode})` : '';
  return `${s.name}: ${state}${flags ? ` [${flags}]` : ''} restarts=${s.restartCount}${last}`;
}

/**
 * Compares a timeline with its golden file: the file's leading `#` lines are the reviewer's
 * header (what upstream says, with sources) and are kept; the rest must equal the timeline.
 * With UPDATE_GOLDEN=1 the body is rewritten instead — only after the new text has been read
 * against upstream, never to make a failing test pass.
 */
export function goldenBody(file: string, actual: string): { expected: string; actual: string } {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = text.split('\n');
  const headerEnd = lines.findIndex((l) => !l.startsWith('#'));
  const header = lines.slice(0, headerEnd < 0 ? lines.length : headerEnd);
  const body = headerEnd < 0 ? '' : lines.slice(headerEnd).join('\n').replace(/^\n+/, '');
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, `${header.length ? `${header.join('\n')}\n\n` : ''}${actual}`);
    return { expected: actual, actual };
  }
  return { expected: body, actual };
}
