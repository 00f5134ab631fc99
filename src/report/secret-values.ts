import { REDACTED } from './redact.ts';
import { literalPattern } from '../kube/literal-pattern.ts';

/** Shorter values are not masked: they would blank out ordinary words of a report. */
const MIN_LENGTH = 4;
/** Values shorter than this are masked only as whole words (see maskSecrets). */
const WHOLE_WORD_BELOW = 8;

interface SecretLike {
  kind?: string;
  data?: Record<string, unknown>;
  stringData?: Record<string, unknown>;
}

/**
 * The values a report must not show: every Secret's data (decoded, and as the base64 the API
 * returns) and stringData, longest first so that a value containing another is masked whole.
 */
export function secretValues(objects: readonly SecretLike[]): string[] {
  const values = new Set<string>();
  for (const o of objects) {
    if (o?.kind !== 'Secret') continue;
    for (const v of Object.values(o.stringData ?? {})) if (typeof v === 'string') values.add(v).add(Buffer.from(v).toString('base64'));
    for (const v of Object.values(o.data ?? {})) {
      if (typeof v !== 'string') continue;
      values.add(v).add(Buffer.from(v, 'base64').toString('utf8'));
    }
  }
  return [...values].filter((v) => v.length >= MIN_LENGTH).sort((a, b) => b.length - a.length);
}

/**
 * `text` with every one of `values` replaced by `<redacted>`. A short value (under 8 characters)
 * only where it stands as a value, not inside a longer word: a Secret holding `admin` or `host`
 * must not turn "administrator" or "hostIP" into `<redacted>istrator` and `<redacted>IP`. A
 * longer one everywhere, also glued to a flag (`-phunter22`).
 */
export function maskSecrets(text: string, values: readonly string[]): string {
  let out = text;
  for (const v of values) {
    if (!out.includes(v)) continue;
    const wordLike = v.length < WHOLE_WORD_BELOW;
    const before = wordLike && /^[A-Za-z0-9]/.test(v) ? '(?<![A-Za-z0-9])' : '';
    const after = wordLike && /[A-Za-z0-9]$/.test(v) ? '(?![A-Za-z0-9])' : '';
    out = out.replace(new RegExp(`${before}${literalPattern(v)}${after}`, 'g'), REDACTED);
  }
  return out;
}
