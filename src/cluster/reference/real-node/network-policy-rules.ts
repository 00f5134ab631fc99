import { execa } from 'execa';

/**
 * The iptables chains and ipsets kube-router's policy controller makes (v2.1.0,
 * pkg/controllers/netpol/network_policy_controller.go:29-36): its three top-level chains, one
 * chain per local pod and per policy, and the policies' source/destination sets. It leaves them
 * in place when it stops, so REJECT rules would outlive it. Its own --cleanup-config does not
 * help: in v2.1.0 it cleans an empty controller (pkg/cmd/kube-router.go:66-68, whose rule maps
 * are nil), logs "Successfully cleaned", then panics in the service proxy's Cleanup (seen
 * 2026-12-07 in a scratch namespace: KUBE-ROUTER-INPUT, its jump and a KUBE-SRC- set stayed).
 */
const chainPrefixes = ['KUBE-ROUTER-', 'KUBE-POD-FW-', 'KUBE-NWPLCY-'];
const ipsetPrefixes = ['KUBE-SRC-', 'KUBE-DST-'];

const agentChain = (name: string): boolean => chainPrefixes.some((p) => name.startsWith(p));

/**
 * The iptables commands (arguments after `iptables -t filter`) that remove the agent's filter
 * rules from an `iptables-save -t filter` dump: first the jumps into its chains from the built-in
 * and kube-proxy's chains (by their rule text, as -D takes it), then every agent chain is flushed,
 * then deleted (a chain referenced by another cannot go before that one is flushed).
 */
export function agentRuleRemovals(filterDump: string): string[][] {
  const lines = filterDump.split('\n');
  const chains = lines.filter((l) => l.startsWith(':')).map((l) => l.slice(1).split(' ')[0]!).filter(agentChain);
  const jumps = lines.filter((l) => l.startsWith('-A '))
    .map((l) => splitRule(l.slice(3)))
    .filter((words) => !agentChain(words[0]!) && agentChain(words[words.indexOf('-j') + 1] ?? ''))
    .map((words) => ['-D', ...words]);
  return [...jumps, ...chains.map((c) => ['-F', c]), ...chains.map((c) => ['-X', c])];
}

/** The agent's sets in an `ipset list -n` listing. */
export function agentIpsets(names: string): string[] {
  return names.split('\n').map((n) => n.trim()).filter((n) => ipsetPrefixes.some((p) => n.startsWith(p)));
}

/**
 * Removes the agent's rules and sets from a network namespace, once the agent has stopped (it
 * writes them again otherwise). Returns what could not be removed, one line each (empty: clean).
 * Not needed when the namespace itself goes (`ip netns del` takes its rules and sets): for a node
 * that stays up without its agent, and for checks that start one by hand.
 */
export async function removeAgentRules(netnsPath: string): Promise<string[]> {
  const inNode = (command: string, args: string[]) => execa('nsenter', [`--net=${netnsPath}`, command, ...args], { reject: false, all: true });
  const left: string[] = [];
  const dump = await inNode('iptables-save', ['-t', 'filter']);
  if (dump.exitCode !== 0) return [`iptables-save in ${netnsPath}: ${dump.all?.trim()}`];
  for (const args of agentRuleRemovals(dump.stdout)) {
    const r = await inNode('iptables', ['-w', '-t', 'filter', ...args]);
    if (r.exitCode !== 0) left.push(`iptables ${args.join(' ')}: ${r.all?.trim()}`);
  }
  const sets = await inNode('ipset', ['list', '-n']);
  if (sets.exitCode !== 0) return [...left, `ipset list in ${netnsPath}: ${sets.all?.trim()}`];
  for (const name of agentIpsets(sets.stdout)) {
    const r = await inNode('ipset', ['destroy', name]);
    if (r.exitCode !== 0) left.push(`ipset destroy ${name}: ${r.all?.trim()}`);
  }
  return left;
}

/** A saved rule's words, with iptables-save's double-quoted comments kept as one word each. */
function splitRule(rule: string): string[] {
  const words: string[] = [];
  for (const m of rule.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) words.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!);
  return words;
}
