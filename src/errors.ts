/**
 * Errors that are the user's to fix (bad YAML, a missing file, a bad flag). The CLI prints
 * their message alone, without a stack trace, and exits with 2.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
    // The user's mistake, not ours: the message is the whole story, a stack trace is noise.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Where in a feature file something came from, for messages that point at it. */
export interface SourcePlace {
  uri: string;
  line: number;
}

export function placeText(place: SourcePlace | undefined): string {
  return place ? `${place.uri}:${place.line}` : 'unknown place';
}
