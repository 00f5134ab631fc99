import { KubespecAssertionError } from './errors.ts';

/**
 * Runs an action that must be refused by the API, and checks the refusal's message contains
 * `expected`. `what` names the action in the failure message ("the manifest", "the eviction").
 */
export async function expectRefusal(what: string, expected: string, action: () => Promise<unknown>): Promise<void> {
  let error: Error | undefined;
  try {
    await action();
  } catch (e) {
    error = e as Error;
  }
  if (!error) throw new KubespecAssertionError(`${what} was accepted; expected it to be refused with "${expected}"`);
  if (!error.message.includes(expected)) throw new KubespecAssertionError(`${what} was refused with "${error.message}", which does not contain "${expected}"`);
}
