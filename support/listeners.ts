import { join } from 'node:path';
import { loadImageBehaviors, packageRoot, podListenerFacts, type Driver, type ImageBehavior, type ListenerLookup } from '../src/step-kit.ts';

let images: ImageBehavior[] | undefined;
/** What scenarios/behaviors/images.yaml says of image servers (read once). */
function imageFacts(): ImageBehavior[] {
  return (images ??= loadImageBehaviors(join(packageRoot, 'scenarios', 'behaviors', 'images.yaml')));
}

/**
 * What the network steps ask of a pod's listeners: the same image facts and behavior annotations
 * the simulator's kubelet reads, on either driver (the steps' verdicts are the model's).
 */
export function listenersFor(): ListenerLookup {
  return podListenerFacts(imageFacts());
}

/** Hands a model verdict's assumptions to the driver, which records them where it can (the simulator). */
export function noteAssumed(driver: Driver, verdict: { assumed?: readonly any[] }): void {
  if (verdict.assumed?.length) driver.assume?.(verdict.assumed);
}
