import { parseAllDocuments } from 'yaml';
import { partialMatch } from '../assertions/partial-match.ts';
import { comparableTransitions, defaultNamespaceFixtures, normalizeName, normalizeObject, withoutKubeletOnlyFields } from './normalize.ts';

/**
 * What the two runs of one scenario saw besides its verdict (events, pod lifecycles, final
 * objects), compared after normalising what is legitimately arbitrary (normalize.ts). Each
 * difference is one line; none means the simulator showed what the cluster showed.
 */

/**
 * Reasons only a kubelet reports. KWOK updates pod status without emitting them, so their absence
 * on the reference cluster says nothing about the simulator.
 */
const kubeletReasons = new Set([
  'Pulling', 'Pulled', 'Created', 'Started', 'Killing', 'BackOff', 'Unhealthy', 'Failed', 'ErrImagePull',
  'ImagePullBackOff', 'FailedMount', 'SandboxChanged', 'FailedCreatePodSandBox', 'ProbeWarning', 'NodeReady',
  'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'Starting', 'NodeAllocatableEnforced',
]);

/** Event kinds and reasons seen on one side only (counts and messages vary with timing). */
export function eventDifferences(simText = '', realText = ''): string[] {
  const reasons = (text: string) => new Set(text.split('\n').filter(Boolean).map((line) => {
    const [type, reason, object] = line.split('\t');
    return `${type} ${reason} on ${(object ?? '').split('/')[0]}`;
  }).filter((r) => !kubeletReasons.has(r.split(' ')[1]!)));
  const s = reasons(simText), r = reasons(realText);
  return [
    ...[...s].filter((x) => !r.has(x)).map((x) => `event only on the simulator: ${x}`),
    ...[...r].filter((x) => !s.has(x)).map((x) => `event only on the reference cluster: ${x}`),
  ];
}

/**
 * Each pod's sequence of lifecycle transitions, compared as multisets per normalised name (three
 * `web-<hash>-<random>` pods on each side compare as a group). Timings are not compared.
 */
export function transitionDifferences(simText = '', realText = ''): string[] {
  const sequences = (text: string) => {
    const byPod = new Map<string, string[]>();
    for (const line of text.split('\n')) {
      const m = /^\s*\S+\s+pod (\S+)\s+(\S+)/.exec(line);
      if (!m) continue;
      byPod.set(m[1]!, [...(byPod.get(m[1]!) ?? []), m[2]!]);
    }
    const groups = new Map<string, string[]>();
    for (const [pod, steps] of byPod) groups.set(normalizeName(pod), [...(groups.get(normalizeName(pod)) ?? []), comparableTransitions(steps).join(' → ')]);
    for (const list of groups.values()) list.sort();
    return groups;
  };
  const s = sequences(simText), r = sequences(realText);
  const out: string[] = [];
  for (const pod of [...new Set([...s.keys(), ...r.keys()])].sort()) {
    const a = s.get(pod) ?? [], b = r.get(pod) ?? [];
    if (a.join('|') !== b.join('|')) out.push(`pod ${pod} lifecycle: simulator ${a.join('; ') || '(none)'}, reference ${b.join('; ') || '(none)'}`);
  }
  return out;
}

/**
 * Fields of the scenario's final objects that differ, after normalising run-specific values.
 * Objects whose normalised names collide (three `web-<hash>-<random>` pods) are compared as a
 * group: identical ones pair off first, the rest pair in order.
 */
export function stateDifferences(simYaml = '', realYaml = ''): string[] {
  const objects = (text: string) => {
    const byKey = new Map<string, unknown[]>();
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as { kind?: string; metadata?: { name?: string } } | null;
      if (!o?.kind || !o.metadata?.name || defaultNamespaceFixtures.has(`${o.kind}/${o.metadata.name}`)) continue;
      const key = `${o.kind}/${normalizeName(o.metadata.name)}`;
      byKey.set(key, [...(byKey.get(key) ?? []), normalizeObject(withoutKubeletOnlyFields(o))]);
    }
    return byKey;
  };
  const s = objects(simYaml), r = objects(realYaml);
  const out: string[] = [];
  for (const key of [...new Set([...s.keys(), ...r.keys()])].sort()) {
    const sims = [...(s.get(key) ?? [])], reals = [...(r.get(key) ?? [])];
    if (!reals.length) out.push(`${key} only on the simulator`);
    else if (!sims.length) out.push(`${key} only on the reference cluster`);
    else if (sims.length !== reals.length) out.push(`${key}: ${sims.length} on the simulator, ${reals.length} on the reference cluster`);
    for (let i = sims.length - 1; i >= 0; i--) {
      const twin = reals.findIndex((x) => JSON.stringify(x) === JSON.stringify(sims[i]));
      if (twin >= 0) {
        sims.splice(i, 1);
        reals.splice(twin, 1);
      }
    }
    for (let i = 0; i < Math.min(sims.length, reals.length); i++) {
      for (const m of partialMatch(sims[i], reals[i])) out.push(`${key} ${m.path}: simulator ${show(m.expected)}, reference ${m.missing ? '<missing>' : show(m.actual)}`);
      for (const m of partialMatch(reals[i], sims[i]).filter((x) => x.missing)) out.push(`${key} ${m.path}: simulator <missing>, reference ${show(m.expected)}`);
    }
  }
  return [...new Set(out)];
}

function show(v: unknown): string {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

