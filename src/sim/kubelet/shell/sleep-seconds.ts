/** GNU sleep's forms (coreutils sleep.c): 10, 10s, 2m, 1h, 1d, 1.5; undefined for anything else. */
export function sleepSeconds(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(text);
  if (!m) return undefined;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unit;
}
