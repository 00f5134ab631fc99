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
