/**
 * What the simulator decided without knowing (issue 25): a manifest names an image kubespec has
 * no facts about, a command it cannot interpret, a probe target it cannot see. Rather than
 * silently answering "yes", it writes down what it took to be true, so a report can show which
 * verdicts rest on guesses and `--strict` can refuse them.
 */
export interface Assumption {
  /** The object concerned, as `Pod default/web`. */
  object: string;
  /** The field the guess is about, as `spec.containers[app].image`. */
  field: string;
  /** What was taken to be true: "it runs until stopped and answers every probe". */
  assumed: string;
  /** Why it could not be known: "kubespec has no facts about the image example.com/app:1.0". */
  why: string;
}

/** An assumption before it is tied to an object: what the pure models (container behavior, probes) return. */
export type Guess = Omit<Assumption, 'object'>;

/** The assumptions of one simulated cluster, in the order first made, each once. */
export class AssumptionLog {
  private readonly byKey = new Map<string, Assumption>();

  record(assumption: Assumption): void {
    const key = assumptionKey(assumption);
    if (!this.byKey.has(key)) this.byKey.set(key, assumption);
  }

  /** Records each guess for one object. */
  recordAll(object: string, guesses: readonly Guess[] | undefined): void {
    for (const g of guesses ?? []) this.record({ object, ...g });
  }

  list(): Assumption[] {
    return [...this.byKey.values()];
  }
}

/** What makes two assumptions the same one. */
export function assumptionKey(a: Assumption): string {
  return `${a.object}\u0000${a.field}\u0000${a.assumed}`;
}

/** One line of a report: `Pod default/web spec.containers[app].image: assumed …, because …`. */
export function describeAssumption(a: Assumption): string {
  return `${a.object} ${a.field}: assumed ${a.assumed}, because ${a.why}`;
}
