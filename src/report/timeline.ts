import type { TimelineEntry } from '../drivers/driver.ts';
import { formatDuration } from '../kube/duration.ts';

/** The timeline as aligned text, one transition per line: deterministic, diff-friendly. */
export function timelineText(entries: TimelineEntry[]): string {
  if (entries.length === 0) return '(no pod transitions)\n';
  const width = Math.max(...entries.map((e) => formatDuration(e.at).length));
  const nameWidth = Math.max(...entries.map((e) => e.name.length));
  return entries
    .map((e) => `${formatDuration(e.at).padStart(width)}  ${e.kind.toLowerCase()} ${e.name.padEnd(nameWidth)}  ${e.transition}${e.detail ? ` (${e.detail})` : ''}`)
    .join('\n') + '\n';
}

const colors: Record<string, string> = {
  pending: '#c9d6e3',
  running: '#8fc98f',
  ready: '#2e9e4f',
  terminating: '#e8a23a',
  finished: '#9aa5b1',
};

/**
 * A Gantt-style SVG of pod lifecycles: one row per pod, coloured by state (pending, running,
 * ready, terminating, finished) from creation to deletion or the end of the scenario.
 */
export function timelineSvg(entries: TimelineEntry[], end: number): string {
  const pods = [...new Set(entries.map((e) => e.name))];
  const rowHeight = 22, left = 140, width = 640, top = 24;
  const span = Math.max(end, 1);
  const x = (t: number) => left + (t / span) * width;
  const rows = pods.map((name, i) => {
    const y = top + i * rowHeight;
    const events = entries.filter((e) => e.name === name);
    const segments: string[] = [];
    let state = 'pending';
    let since = events[0]?.at ?? 0;
    const close = (t: number) => {
      if (t > since || t === since) segments.push(`<rect x="${x(since).toFixed(1)}" y="${y}" width="${Math.max(1, x(t) - x(since)).toFixed(1)}" height="${rowHeight - 6}" fill="${colors[state]}"><title>${name} ${state} ${formatDuration(since)}–${formatDuration(t)}</title></rect>`);
    };
    let gone = false;
    for (const e of events) {
      const next = nextState(state, e.transition);
      if (e.transition === 'deleted') {
        close(e.at);
        gone = true;
        break;
      }
      if (next !== state) {
        close(e.at);
        state = next;
        since = e.at;
      }
    }
    if (!gone) close(end);
    return `<text x="4" y="${y + 12}" font-size="12">${name}</text>${segments.join('')}`;
  });
  const height = top + pods.length * rowHeight + 10;
  const axis = `<text x="${left}" y="14" font-size="11">0s</text><text x="${left + width - 40}" y="14" font-size="11">${formatDuration(end)}</text>`;
  const legend = Object.entries(colors).map(([s, c], i) => `<rect x="${left + i * 110}" y="${height - 4}" width="10" height="10" fill="${c}"/><text x="${left + i * 110 + 14}" y="${height + 5}" font-size="11">${s}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 20}" height="${height + 16}" font-family="sans-serif">${axis}${rows.join('')}${legend}</svg>\n`;
}

function nextState(state: string, transition: string): string {
  switch (transition) {
    case 'running': return state === 'terminating' ? state : 'running';
    case 'ready': return state === 'terminating' ? state : 'ready';
    case 'not-ready': return state === 'terminating' ? state : 'running';
    case 'terminating': return 'terminating';
    case 'succeeded':
    case 'failed': return 'finished';
    default: return state;
  }
}
