/**
 * Kubernetes resource quantities ("500m", "1.5Gi", "2e3"), from apimachinery's
 * resource.Quantity grammar. No maintained npm package does this, so it lives here.
 * Values are returned as plain numbers of the base unit (cores, bytes, count).
 */
const binarySuffixes: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};
const decimalSuffixes: Record<string, number> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

const grammar = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

/** The error a bad quantity gets, in the API server's wording. */
export const quantityFormatMessage =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** Parses a quantity; throws with the API server's text for a malformed one. */
export function parseQuantity(text: string | number): number {
  if (typeof text === 'number') return text;
  const m = grammar.exec(text.trim());
  if (!m) throw new Error(`${JSON.stringify(text)}: ${quantityFormatMessage}`);
  const value = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in binarySuffixes) return value * binarySuffixes[suffix]!;
  if (/^[eE]/.test(suffix)) return value * 10 ** Number(suffix.slice(1));
  return value * decimalSuffixes[suffix]!;
}

/** A CPU quantity in millicores, rounded up as the scheduler does. */
export function milliCpu(text: string | number | undefined): number {
  if (text === undefined) return 0;
  return Math.ceil(parseQuantity(text) * 1000 - 1e-9);
}

/** A byte-like quantity (memory, storage) as an integer. */
export function bytes(text: string | number | undefined): number {
  if (text === undefined) return 0;
  return Math.ceil(parseQuantity(text) - 1e-9);
}

/** A CPU amount in millicores as the API prints it: "2", "1500m". */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** A byte amount as the API prints it: the largest binary suffix that divides it, else bytes. */
export function formatBytes(n: number): string {
  for (const [suffix, size] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (n !== 0 && n % size === 0) return `${n / size}${suffix}`;
  }
  for (const [suffix, size] of [['G', 1e9], ['M', 1e6], ['k', 1e3]] as const) {
    if (n !== 0 && n % size === 0) return `${n / size}${suffix}`;
  }
  return String(n);
}
