/**
 * Kubernetes resource quantities ("500m", "1.5Gi", "2e3"), from apimachinery's
 * resource.Quantity grammar. No maintained npm package does this, so it lives here.
 * Values are returned as plain numbers of the base unit (cores, bytes, count), or, by
 * canonicalQuantity, as the text the API server stores.
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

/**
 * A quantity as the API server stores it (apimachinery's Quantity.String): parsed exactly,
 * rounded up to nano units, then written in the format its suffix chose: binary (Ki, Mi, …)
 * with the largest power of 1024 that divides it (below 1024, or fractional, it turns decimal),
 * decimal SI (m, k, M, …) or decimal exponent (e3) with the largest power of 1000 that divides
 * it. So "1000m" is stored as "1", "0.5" as "500m", "1024Mi" as "1Gi" and "2000" as "2k".
 * Returns undefined for text that is not a quantity (validation reports it).
 */
export function canonicalQuantity(text: string | number): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/.exec(String(text).trim());
  if (!m || (m[2] === '' && !m[3])) return undefined;
  const [, sign, whole, fraction = '', suffix = ''] = m;
  const digits = BigInt(`${whole}${fraction}` || '0');
  const binary = suffix ? BINARY_POWERS.indexOf(suffix) : -1;
  const exponent = binary >= 0 ? 0 : /^[eE]/.test(suffix) ? Number(suffix.slice(1)) : DECIMAL_EXPONENTS[suffix]!;
  // nano = digits × 1024^binary × 10^(exponent + 9 - fraction.length), rounded up.
  let numerator = digits * 1024n ** BigInt(Math.max(binary, 0));
  let denominator = 1n;
  const shift = exponent + 9 - fraction.length;
  if (shift >= 0) numerator *= 10n ** BigInt(shift);
  else denominator = 10n ** BigInt(-shift);
  const nano = (numerator + denominator - 1n) / denominator;
  if (nano === 0n) return '0';
  const minus = sign === '-' ? '-' : '';
  if (binary >= 0 && nano >= 1024n * NANO && nano % NANO === 0n) return minus + base1024(nano / NANO);
  return minus + base1000(nano, /^[eE]/.test(suffix));
}

const NANO = 1_000_000_000n;
const BINARY_POWERS = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_SUFFIXES: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL_EXPONENTS).map(([s, e]) => [e, s]));

function base1024(n: bigint): string {
  let power = 0;
  while (power < 6 && n % 1024n === 0n) {
    n /= 1024n;
    power++;
  }
  return `${n}${BINARY_POWERS[power]}`;
}

function base1000(nano: bigint, exponentForm: boolean): string {
  let exponent = -9;
  while (exponent < 18 && nano % 1000n === 0n) {
    nano /= 1000n;
    exponent += 3;
  }
  if (exponentForm) return exponent === 0 ? `${nano}` : `${nano}e${exponent}`;
  return `${nano}${DECIMAL_SUFFIXES[exponent]}`;
}
