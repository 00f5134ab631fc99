import type { ConnectObservation, DnsObservation } from '../traffic-probe.ts';

/**
 * What `nslookup -type=a <name>` printed, as an answer. Two nslookups are read: busybox's (the
 * reference cluster's agnhost and busybox images) and bind's (upstream agnhost ships bind-tools).
 * Both print the server first (`Server:` and an `Address:` with `#53` or `:53`), then per answer a
 * `Name:` line followed by `Address:` lines, a CNAME as `<name>\tcanonical name = <target>`, and a
 * failure as `** server can't find <name>: NXDOMAIN` (busybox also `*** Can't find <name>: No
 * answer` for a name with no A record). No server at all: `;; connection timed out; no servers
 * could be reached`, or nothing but the exit status of `timeout`.
 */
export function parseNslookup(stdout: string, stderr = '', exitCode = 0): DnsObservation {
  const text = `${stdout}\n${stderr}`;
  const lines = text.split('\n').map((l) => l.trim());
  const addresses: string[] = [];
  let name: string | undefined;
  let cname: { name: string; target: string } | undefined;
  let rcode: string | undefined;
  for (const line of lines) {
    const named = /^Name:\s*(\S+?)\.?$/.exec(line);
    if (named) name = named[1];
    // An answer's address follows its Name: line; the server's own Address: line comes before any.
    const address = /^Address(?:\s+\d+)?:\s*([0-9.]+)$/.exec(line);
    if (address && name) addresses.push(address[1]!);
    const alias = /^(\S+?)\.?\s+canonical name = (\S+?)\.?$/.exec(line);
    if (alias) cname ??= { name: alias[1]!, target: alias[2]! };
    const failed = /server can't find \S+?: (\S+)$/.exec(line) ?? /^\*\*\* Can't find \S+?: (.+)$/.exec(line);
    if (failed) rcode = failed[1] === 'No answer' ? 'NODATA' : failed[1];
  }
  if (cname) return { answer: 'CNAME', name: cname.name, target: cname.target, addresses };
  if (addresses.length) return { answer: 'A', name: name!, addresses };
  if (/no servers could be reached|timed out/i.test(text) || exitCode === 124 || exitCode === 143 || exitCode === 137) {
    return { answer: 'no-server', text: firstLines(text) || `nslookup ended with ${exitCode} (timed out)` };
  }
  if (rcode) return { answer: 'none', rcode };
  return { answer: 'no-server', text: firstLines(text) || `nslookup printed nothing and exited ${exitCode}` };
}

/**
 * What `agnhost connect <host:port> --timeout <t>` ended with: exit 0 is a connection; otherwise
 * its stderr starts with the class (connect.go: UNKNOWN, TIMEOUT, DNS, REFUSED, OTHER).
 */
export function parseAgnhostConnect(stderr: string, exitCode: number): ConnectObservation {
  if (exitCode === 0) return { connected: true };
  const text = stderr.trim();
  const failure = /^(REFUSED|TIMEOUT|DNS|OTHER|UNKNOWN)\b/.exec(text)?.[1] as Exclude<ConnectObservation, { connected: true }>['failure'] | undefined;
  // `timeout` killed it (a connect that hung past its own limit) or the class is missing: OTHER, with the text.
  return { connected: false, failure: failure ?? (exitCode === 124 || exitCode === 143 ? 'TIMEOUT' : 'OTHER'), text: text || `exit ${exitCode}` };
}

function firstLines(text: string): string {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3).join(' / ');
}

/**
 * What busybox `nc -w <t> <host> <port>` ended with (stdin closed: it connects, and leaves when
 * the input ends): exit 0 is a connection; otherwise its message, e.g. `nc: can't connect to remote
 * host (10.0.0.1): Connection refused`, or `nc: timed out`.
 */
export function parseBusyboxNc(stderr: string, exitCode: number): ConnectObservation {
  if (exitCode === 0) return { connected: true };
  const text = stderr.trim() || `exit ${exitCode}`;
  const failure = /refused/i.test(text) ? 'REFUSED' : /timed out/i.test(text) || exitCode === 124 || exitCode === 143 ? 'TIMEOUT' : /bad address|unknown host/i.test(text) ? 'DNS' : 'OTHER';
  return { connected: false, failure, text };
}
