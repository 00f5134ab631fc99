/** A check that did not hold. The name ends in AssertionError so Allure reports "failed", not "broken". */
export class KubespecAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubespecAssertionError';
    // The user's mistake, not ours: the message is the whole story, a stack trace is noise.
    this.stack = `${this.name}: ${this.message}`;
  }
}
