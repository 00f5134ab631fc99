import type { DnsObservation } from '../traffic-probe.ts';
import { parseNslookup } from './probe-output.ts';

/**
 * What a pod's resolver does with a name, from its /etc/resolv.conf: the fully qualified names
 * it asks for, in order (glibc's and musl's res_search): a name ending in a dot as it is; a name
 * with at least `ndots` dots as it is first, then under each search domain; any other name under
 * each search domain first, then as it is. `nslookup` cannot be left to do this: busybox's
 * applies the search list only to a name without a dot (so `web-0.web` would go straight to
 * CoreDNS's upstream), which no application in the pod sees.
 */
export function resolverCandidates(name: string, resolvConf: string): string[] {
  if (name.endsWith('.')) return [name];
  let search: string[] = [];
  let ndots = 1;
  for (const line of resolvConf.split('\n')) {
    const [key, ...values] = line.trim().split(/\s+/);
    if (key === 'search' || key === 'domain') search = values;
    if (key === 'options') {
      const option = values.find((v) => v.startsWith('ndots:'));
      if (option) ndots = Math.min(15, Number(option.slice('ndots:'.length)) || 0);
    }
  }
  const under = search.map((domain) => `${name}.${domain.replace(/\.$/, '')}.`);
  const dots = name.split('.').length - 1;
  return dots >= ndots ? [`${name}.`, ...under] : [...under, `${name}.`];
}

/** The separator a lookup script prints before each candidate's nslookup, with the name. */
export const CANDIDATE_MARK = '=== kubespec lookup';

/**
 * A shell script that looks each candidate up with `nslookup -type=a` (absolute, so nslookup adds
 * nothing) and prints each one's output and exit status after a mark, in one exec.
 */
export function lookupScript(candidates: readonly string[], timeoutSeconds: number): string {
  return candidates.map((c) => `echo '${CANDIDATE_MARK} ${c}'; timeout ${timeoutSeconds} nslookup -type=a '${c}' 2>&1; echo "exit=$?"`).join('; ');
}

/**
 * The answer the pod's resolver gets from the script's output: the first candidate that has an
 * address (or a CNAME); NXDOMAIN and no-data go on to the next, as do server failures (glibc
 * remembers them: the name then fails with the server's error rather than NXDOMAIN); no server
 * answering at all ends the search.
 */
export function resolverAnswer(output: string): DnsObservation {
  let failure: DnsObservation | undefined;
  let nxdomain: DnsObservation | undefined;
  for (const section of output.split(CANDIDATE_MARK).slice(1)) {
    const exit = /\nexit=(\d+)\s*$/.exec(section);
    const answer = parseNslookup(section.replace(/\nexit=\d+\s*$/, '').split('\n').slice(1).join('\n'), '', exit ? Number(exit[1]) : 0);
    if (answer.answer === 'A' || answer.answer === 'CNAME' || answer.answer === 'no-server') return answer;
    if (answer.rcode === 'NXDOMAIN' || answer.rcode === 'NODATA') nxdomain ??= answer;
    else failure ??= answer;
  }
  return failure ?? nxdomain ?? { answer: 'no-server', text: 'nothing was looked up' };
}
