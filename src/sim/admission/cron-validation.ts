/**
 * Whether a CronJob schedule parses as kube-controller-manager's cron library (robfig/cron v3,
 * ParseStandard) parses it, with that library's error texts: five fields or a descriptor,
 * each field a comma list of `*`, `n`, `a-b`, with an optional `/step`, inside the field's
 * bounds (day of week is 0-6: 7 is refused), month and weekday names allowed.
 * Returns undefined for a good schedule.
 */
export function cronScheduleProblem(schedule: string): string | undefined {
  if (schedule.length === 0) return 'empty spec string';
  const spec = schedule.replace(/^(CRON_)?TZ=\S+\s*/, '');
  if (spec.startsWith('@')) return descriptorProblem(spec);
  const fields = spec.split(/\s+/).filter(Boolean);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`;
  for (const [i, field] of fields.entries()) {
    for (const expr of field.split(',')) {
      const problem = rangeProblem(expr, BOUNDS[i]!);
      if (problem) return problem;
    }
  }
  return undefined;
}

interface Bounds { min: number; max: number; names?: string[] }

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const BOUNDS: Bounds[] = [{ min: 0, max: 59 }, { min: 0, max: 23 }, { min: 1, max: 31 }, { min: 1, max: 12, names: MONTHS }, { min: 0, max: 6, names: DAYS }];
const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function descriptorProblem(spec: string): string | undefined {
  if (DESCRIPTORS.has(spec)) return undefined;
  if (spec.startsWith('@every ')) return /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(spec.slice(7)) ? undefined : `failed to parse duration ${spec}: time: invalid duration "${spec.slice(7)}"`;
  return `unrecognized descriptor: ${spec}`;
}

function rangeProblem(expr: string, b: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  let start: number | string;
  let end: number | string;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    [start, end] = [b.min, b.max];
  } else {
    start = intOrName(lowAndHigh[0]!, b.names);
    if (typeof start === 'string') return start;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = intOrName(lowAndHigh[1]!, b.names);
    else return `too many hyphens: ${expr}`;
    if (typeof end === 'string') return end;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const parsed = parseNonNegative(rangeAndStep[1]!);
    if (typeof parsed === 'string') return parsed;
    step = parsed;
    if (lowAndHigh.length === 1 && lowAndHigh[0] !== '*' && lowAndHigh[0] !== '?') end = b.max;
  } else if (rangeAndStep.length > 2) {
    return `too many slashes: ${expr}`;
  }
  if (start < b.min) return `beginning of range (${start}) below minimum (${b.min}): ${expr}`;
  if (end > b.max) return `end of range (${end}) above maximum (${b.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

function intOrName(text: string, names?: string[]): number | string {
  const index = names?.indexOf(text.toLowerCase()) ?? -1;
  if (index >= 0) return names === MONTHS ? index + 1 : index;
  return parseNonNegative(text);
}

/** strconv.Atoi's acceptance and wording, then robfig's refusal of negatives. */
function parseNonNegative(text: string): number | string {
  if (!/^[+-]?\d+$/.test(text)) return `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
  const n = Number(text);
  return n < 0 ? `negative number (${n}) not allowed: ${text}` : n;
}
