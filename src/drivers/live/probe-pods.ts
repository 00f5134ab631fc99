import { setTimeout as sleep } from 'node:timers/promises';
import type { KubeObject, Manifest, ObjectRef } from '../driver.ts';
import type { ConnectObservation, DnsObservation, Observed, ProbesUnavailable, TrafficProbes } from '../traffic-probe.ts';
import type { ExecOutput } from './container-exec.ts';
import { chooseProbeSite, type ProbeSite } from './probe-site.ts';
import { parseAgnhostConnect, parseBusyboxNc } from './probe-output.ts';
import { lookupScript, resolverAnswer, resolverCandidates } from './pod-resolver.ts';

/** The label of kubespec's probe pods: the live driver leaves them out of what a scenario sees. */
export const PROBE_LABEL = 'kubespec.io/probe';
export const PROBE_POD = 'kubespec-probe';
const PROBE_CONTAINER = 'probe';

const hasAgnhost = (image: string): boolean => /agnhost/.test(image);
const hasBusybox = (image: string): boolean => /(^|\/)busybox(:|@|$)/.test(image);

/** How long a probe pod may take to run (its image is on the node, or pulled once). */
const START_MS = 90_000;
/** A TCP connection attempt's own limit (agnhost --timeout), and the exec's limit around any command. */
const CONNECT_TIMEOUT_S = 3;
/** Each candidate name's lookup (a resolver's search list has up to four here). */
const LOOKUP_TIMEOUT_S = 5;
const EXEC_MARGIN_MS = 15_000;

/** What the probes need of the live driver. */
export interface ProbeHost {
  namespace(): string;
  list(kind: string): Promise<KubeObject[]>;
  get(ref: ObjectRef): Promise<KubeObject | undefined>;
  apply(manifests: Manifest[]): Promise<KubeObject[]>;
  delete(ref: ObjectRef, request?: { gracePeriodSeconds?: number }): Promise<void>;
  exec(pod: string, container: string, command: string[]): Promise<ExecOutput>;
}

/**
 * One scenario's probe pod (issue 31): agnhost, pinned to a node that runs containers, made on
 * the first probe and deleted at teardown (the namespace's deletion takes it too, on Ctrl-C). It
 * runs in the scenario's namespace, so its resolv.conf is that of the scenario's pods (search
 * `<ns>.svc.cluster.local ...`, ndots 5, as the kubelet writes it). It asks for no resources,
 * tolerates every taint (the scenario's fences are for the scenario's pods) and passes the
 * restricted Pod Security level. A named client pod is used instead where it runs on such a
 * node and has the tool (`agnhost connect`; nslookup in agnhost and busybox images).
 */
export class ProbePods {
  private site?: ProbeSite;
  private started?: Promise<ProbeSite | ProbesUnavailable>;

  constructor(private readonly host: ProbeHost) {}

  /** The probes, once the probe pod runs; or why there are none (no such node, the pod did not start). */
  async probes(): Promise<TrafficProbes | ProbesUnavailable> {
    this.started ??= this.start();
    const site = await this.started;
    // A failed start stays failed for the scenario: trying again would wait out START_MS at every step.
    if ('unavailable' in site) return site;
    if (!(await this.running())) {
      this.started = undefined; // the scenario deleted it (kubectl delete pods --all): made again
      return this.probes();
    }
    return {
      nodesRunningContainers: site.nodesRunningContainers,
      nodesEnforcingNetworkPolicy: site.nodesEnforcingNetworkPolicy,
      lookup: (name, from) => this.lookup(name, from),
      connect: (host, port, from) => this.connect(host, port, from),
      connectFromItself: (host, port, from) => this.connectFromItself(host, port, from),
    };
  }

  /** Deletes the probe pod, without waiting (the namespace goes next). */
  async cleanUp(): Promise<void> {
    this.started = undefined;
    if (this.site) await this.host.delete({ kind: 'Pod', name: PROBE_POD }, { gracePeriodSeconds: 0 }).catch(() => undefined);
    this.site = undefined;
  }

  private async start(): Promise<ProbeSite | ProbesUnavailable> {
    const site = chooseProbeSite(await this.host.list('Node'));
    if ('unavailable' in site) return site;
    this.site = site;
    await this.host.apply([probePodManifest(site)]);
    const deadline = Date.now() + START_MS;
    for (let pod = await this.pod(); ; pod = await this.pod()) {
      if (pod?.status?.phase === 'Running' && pod.status.containerStatuses?.[0]?.ready) return site;
      if (pod?.status?.phase === 'Failed' || Date.now() > deadline) {
        return { unavailable: `the probe pod (${site.image} on ${site.node}) did not start within ${START_MS / 1000}s: ${describePod(pod)}` };
      }
      await sleep(500);
    }
  }

  private pod(): Promise<KubeObject | undefined> {
    return this.host.get({ kind: 'Pod', name: PROBE_POD });
  }

  private async running(): Promise<boolean> {
    const pod = await this.pod();
    return pod?.status?.phase === 'Running' && !pod.metadata.deletionTimestamp;
  }

  /** The name as the pod's resolver looks it up: its resolv.conf's search list and ndots, then nslookup per candidate (pod-resolver.ts). */
  private async lookup(name: string, from?: string): Promise<Observed<DnsObservation>> {
    const { pod, container, said } = await this.origin(from, [(image) => /agnhost|busybox/.test(image)], 'nslookup');
    const resolvConf = await this.exec(pod, container, ['cat', '/etc/resolv.conf']);
    const candidates = resolverCandidates(name, resolvConf.stdout);
    const out = await this.exec(pod, container, ['sh', '-c', lookupScript(candidates, LOOKUP_TIMEOUT_S)], candidates.length * LOOKUP_TIMEOUT_S * 1000);
    return { ...resolverAnswer(`${out.stdout}\n${out.stderr}`), from: said };
  }

  private async connect(host: string, port: number, from?: string): Promise<Observed<ConnectObservation>> {
    // agnhost's images have it at /agnhost (upstream's and the reference cluster's).
    const { pod, container, said } = await this.origin(from, [hasAgnhost], 'agnhost connect');
    return { ...(await this.agnhostConnect(pod, container, host, port)), from: said };
  }

  /** From the pod itself: agnhost connect where a container has it, else busybox nc; never a stand-in. */
  private async connectFromItself(host: string, port: number, from: string): Promise<Observed<ConnectObservation> | { cannot: string }> {
    const { pod, container, said, tool, standingInFor } = await this.origin(from, [hasAgnhost, hasBusybox], 'agnhost or busybox nc');
    if (standingInFor !== undefined) return { cannot: standingInFor };
    if (tool === 0) return { ...(await this.agnhostConnect(pod, container, host, port)), from: said };
    const out = await this.exec(pod, container, ['nc', '-w', String(CONNECT_TIMEOUT_S), host, String(port)], CONNECT_TIMEOUT_S * 1000);
    return { ...parseBusyboxNc(out.stderr, out.exitCode), from: said };
  }

  private async agnhostConnect(pod: string, container: string, host: string, port: number): Promise<ConnectObservation> {
    const out = await this.exec(pod, container, ['/agnhost', 'connect', `${host}:${port}`, '--timeout', `${CONNECT_TIMEOUT_S}s`]);
    return parseAgnhostConnect(out.stderr, out.exitCode);
  }

  /**
   * The scenario's pod `from` when it runs, on a node that runs containers, a container whose
   * image has one of the tools (the first of `tools` any container has; `tool` its index); else
   * the probe pod, saying why it stood in (`standingInFor`).
   */
  private async origin(from: string | undefined, tools: ReadonlyArray<(image: string) => boolean>, named: string): Promise<{ pod: string; container: string; said: string; tool?: number; standingInFor?: string }> {
    const here = `the probe pod on ${this.site?.node}`;
    if (!from) return { pod: PROBE_POD, container: PROBE_CONTAINER, said: here };
    const standIn = (standingInFor: string, said = `${here}, standing in for ${standingInFor}`) => ({ pod: PROBE_POD, container: PROBE_CONTAINER, said, standingInFor });
    const pod = await this.host.get({ kind: 'Pod', name: from });
    if (!pod) return standIn(`pod "${from}" (not found)`, `${here} (pod "${from}" not found)`);
    if (!this.site?.nodesRunningContainers.includes(pod.spec?.nodeName)) return standIn(`pod "${from}" (on ${pod.spec?.nodeName ?? 'no node'}, which runs no container)`);
    if (pod.status?.phase !== 'Running') return standIn(`pod "${from}" (${pod.status?.phase ?? 'not started'})`);
    const containers: Array<{ name: string; image?: string }> = pod.spec?.containers ?? [];
    for (const [tool, hasTool] of tools.entries()) {
      const container = containers.find((c) => hasTool(c.image ?? ''));
      if (container) return { pod: from, container: container.name, said: `pod "${from}"`, tool };
    }
    return standIn(`pod "${from}" (no container of it has ${named})`);
  }

  /** `takesMs`: how long the command itself may take (its own timeouts); the exec gets a margin on top. */
  private async exec(pod: string, container: string, command: string[], takesMs = 0): Promise<ExecOutput> {
    let timer: NodeJS.Timeout | undefined;
    const limitMs = takesMs + EXEC_MARGIN_MS;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${command.join(' ')} in pod "${pod}" did not end within ${limitMs / 1000}s`)), limitMs);
    });
    try {
      return await Promise.race([this.host.exec(pod, container, command), limit]);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The probe pod: agnhost pausing on the chosen node, placed there directly (no scheduling). */
export function probePodManifest(site: ProbeSite): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: PROBE_POD, labels: { [PROBE_LABEL]: 'true', 'app.kubernetes.io/managed-by': 'kubespec' } },
    spec: {
      nodeName: site.node,
      tolerations: [{ operator: 'Exists' }],
      terminationGracePeriodSeconds: 0,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      securityContext: { runAsNonRoot: true, runAsUser: 65534, runAsGroup: 65534, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [{
        name: PROBE_CONTAINER,
        image: site.image,
        imagePullPolicy: 'IfNotPresent',
        args: ['pause'],
        securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
      }],
    },
  };
}

function describePod(pod: KubeObject | undefined): string {
  if (!pod) return 'it is gone';
  const waiting = pod.status?.containerStatuses?.[0]?.state?.waiting;
  const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
  const why = waiting ? `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}` : terminated ? `exited ${terminated.exitCode} (${terminated.reason ?? ''})` : pod.status?.reason ?? pod.status?.message;
  return `${pod.status?.phase ?? 'Pending'}${why ? `, ${why}` : ''}`;
}

/**
 * Whether an object is kubespec's probe pod, or an event's involvedObject naming it: the live
 * driver leaves it out of lists, the timeline, events and the final state, as it is no part of
 * the scenario (a step counting Running pods must not count it).
 */
export function isProbePod(obj: { kind?: string; name?: string; metadata?: { name?: string; labels?: Record<string, string> } }): boolean {
  if (obj.metadata) return obj.metadata.labels?.[PROBE_LABEL] === 'true';
  return obj.kind === 'Pod' && obj.name === PROBE_POD;
}
