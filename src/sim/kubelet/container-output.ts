/**
 * What `kubectl logs` shows for a simulated container: the lines its shell script echoes by the
 * given time since the container started. The simulator models processes by their command
 * (sim/kubelet/container-behavior.ts); output is modelled only for `echo` as the command and
 * in `sh -c` scripts, including endless `while true; do echo ...; sleep N; done` loops. Other containers print
 * nothing, which is what a silent server looks like.
 */
export function echoedLines(command: readonly string[] | undefined, args: readonly string[] | undefined, runningForMs: number): string[] {
  const argv = [...(command ?? []), ...(args ?? [])];
  if (/(^|\/)echo$/.test(argv[0] ?? '')) return [argv.slice(1).join(' ')];
  const shell = argv.findIndex((a) => a === '-c');
  if (shell < 0 || !/(^|\/)(ba)?sh$/.test(argv[0] ?? '')) return [];
  const script = argv[shell + 1] ?? '';
  const out: string[] = [];
  const state = { t: 0, limit: runningForMs / 1000 };
  runStatements(split(script), state, out);
  return out;
}

const LOOP = /^while\s+(true|:)\s*;?\s*do\s+(.*?)\s*;?\s*done$/s;

function split(script: string): string[] {
  const loop = /while\s+(true|:)\s*;?\s*do\s+.*?done/s.exec(script);
  if (loop) {
    const before = script.slice(0, loop.index);
    const after = script.slice(loop.index + loop[0].length);
    return [...split(before), loop[0].trim(), ...split(after)];
  }
  return script.split(/;|&&|\n/).map((s) => s.trim()).filter(Boolean);
}

function runStatements(statements: string[], state: { t: number; limit: number }, out: string[]): boolean {
  for (const stmt of statements) {
    if (state.t > state.limit || out.length > 10_000) return false;
    const loop = LOOP.exec(stmt);
    if (loop) {
      const body = split(loop[2]!);
      if (!body.some((s) => s.startsWith('sleep'))) return false;
      while (runStatements(body, state, out));
      return false;
    }
    if (stmt === 'echo' || stmt.startsWith('echo ')) out.push(unquote(stmt.slice(4).trim()));
    const sleep = /^sleep\s+(\d+(?:\.\d+)?)([smhd]?)$/.exec(stmt);
    if (sleep) state.t += Number(sleep[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[sleep[2] as ''] ?? 1);
    if (/^exit\b/.test(stmt)) return false;
  }
  return state.t <= state.limit;
}

function unquote(text: string): string {
  const m = /^(['"])(.*)\1$/s.exec(text);
  return m ? m[2]! : text;
}
