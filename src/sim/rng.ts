/**
 * The one source of randomness of a simulated cluster: seeded, so the same seed gives the
 * same names, UIDs and tie-breaks. Never use Math.random in src/sim.
 */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    // Mix the seed so that small consecutive seeds give unrelated streams.
    this.state = (seed ^ 0x9e3779b9) >>> 0;
  }

  /** A float in [0, 1): mulberry32, small and good enough for simulation choices. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number { return Math.floor(this.next() * n); }

  /** Characters from `alphabet`; the default is the API server's generateName alphabet. */
  string(length: number, alphabet = 'bcdfghjklmnpqrstvwxz2456789'): string {
    const codes = new Array<number>(length);
    for (let i = 0; i < length; i++) codes[i] = alphabet.charCodeAt(this.int(alphabet.length));
    return flatString(codes);
  }

  /**
   * A version-4 shaped UUID drawn from this stream: 32 hex digits, of which the 13th and 17th
   * give way to the version (4) and variant (a), in groups of 8-4-4-4-12.
   */
  uuid(): string {
    const codes = new Array<number>(36);
    for (let i = 0, at = 0; i < 32; i++) {
      const digit = HEX.charCodeAt(this.int(16));
      if (i === 8 || i === 12 || i === 16 || i === 20) codes[at++] = DASH;
      codes[at++] = i === 12 ? FOUR : i === 16 ? LETTER_A : digit;
    }
    return flatString(codes);
  }
}

const HEX = '0123456789abcdef';
const DASH = 45, FOUR = 52, LETTER_A = 97;

/**
 * One string of these character codes, made at once: V8 keeps a string grown by `+=` past 12
 * characters as a tree of 32-byte pieces, and every object's uid and generated name would keep
 * its tree for as long as the object lives.
 */
function flatString(codes: number[]): string {
  return String.fromCharCode.apply(null, codes);
}
