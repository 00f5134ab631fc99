/** A check that did not hold. The name ends in AssertionError so Allure reports "failed", not "broken". */
export class KubespecAssertionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KubespecAssertionError';
  }
}
