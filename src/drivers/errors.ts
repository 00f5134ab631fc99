/** A driver cannot do this (for example failing a node of a shared live cluster). */
export class UnsupportedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedError';
  }
}

/** A wait that ran out of time. Named as an assertion so reports show "failed", not "broken". */
export class WaitTimeoutAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WaitTimeoutAssertionError';
    this.stack = `${this.name}: ${message}`;
  }
}
