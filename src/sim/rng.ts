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
    return this.chars(length, alphabet).join('');
  }

  /**
   * A version-4 shaped UUID drawn from this stream: 32 hex digits, of which the 13th and 17th
   * give way to the version (4) and variant (a).
   */
  uuid(): string {
    const hex = this.chars(32, '0123456789abcdef');
    hex[12] = '4';
    hex[16] = 'a';
    hex.splice(20, 0, '-');
    hex.splice(16, 0, '-');
    hex.splice(12, 0, '-');
    hex.splice(8, 0, '-');
    return hex.join('');
  }

  /**
   * Joined once rather than appended to one by one: V8 keeps a string grown by `+=` past 12
   * characters as a tree of pieces (32 bytes each), and every object's uid and generated name
   * would keep its tree for as long as the object lives.
   */
  private chars(length: number, alphabet: string): string[] {
    const out = new Array<string>(length);
    for (let i = 0; i < length; i++) out[i] = alphabet[this.int(alphabet.length)]!;
    return out;
  }
}
