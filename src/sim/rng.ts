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
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }

  /** A version-4 shaped UUID drawn from this stream. */
  uuid(): string {
    const hex = this.string(32, '0123456789abcdef');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  }
}
