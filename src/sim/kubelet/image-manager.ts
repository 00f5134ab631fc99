import type { Clock, Millis } from '../clock.ts';
import type { EventRecorder } from '../events.ts';
import type { Guess } from '../../kube/assumptions.ts';
import type { KubeObject } from '../store/types.ts';
import { pullFailure, pullGuesses, type ImageBehavior } from './container-behavior.ts';
import { invalidImageName, normalizedImage } from './image-reference.ts';
import type { ContainerRuntime } from './pod-runtime.ts';
import { timings } from './timings.ts';

/** What the image manager asks of the kubelet it serves. */
export interface ImageManagerHost {
  /** Records guesses about a container (an image's tag kubespec does not know) against its pod. */
  assume(pod: KubeObject, container: any, init: boolean, guesses: Guess[]): void;
  /** Whether this pod is still the one the kubelet runs (a pull's late Pulled event is dropped otherwise). */
  current(pod: KubeObject): boolean;
}

/**
 * The kubelet's image manager (pkg/kubelet/images/image_manager.go): before each container
 * starts it makes sure the image is on the node. It remembers per node which images are there or
 * being pulled, so a second pod waits for the pull under way and a later one finds the image
 * present; an invalid reference or a failed pull (images.yaml `pullError`, `notFoundTags`) leaves
 * the container waiting with the kubelet's reasons and backoff (reference/kubelet.md §10).
 */
export class ImageManager {
  /** Per node, each image pulled or being pulled, and when it is (or was) there. */
  private readonly imagesOnNode = new Map<string, Map<string, Millis>>();

  constructor(
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    private readonly images: readonly ImageBehavior[],
    private readonly host: ImageManagerHost,
  ) {}

  /**
   * EnsureImageExists: when the container's image is on the node (pulled now, already there, or
   * when a pull under way ends), or undefined when the reference is invalid or the pull failed
   * (retried after the backoff the container carries).
   */
  ensureImage(pod: KubeObject, c: ContainerRuntime, now: Millis): Millis | undefined {
    if (c.pulled) return now;
    const invalid = invalidImageName(c.image);
    if (invalid !== undefined) return this.invalidImage(pod, c, invalid);
    const failure = pullFailure(c.image, this.images);
    if (failure !== undefined) return this.pullFailed(pod, c, now, failure);
    c.pulled = true;
    c.retryPullAt = undefined;
    const spec = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].find((x: any) => x.name === c.name);
    this.host.assume(pod, spec ?? c, c.init, pullGuesses(c.image, this.images));
    const node = pod.spec.nodeName as string;
    const present = this.imagesOnNode.get(node) ?? new Map<string, Millis>();
    this.imagesOnNode.set(node, present);
    // The runtime knows an image by its normalised name: `nginx:1.27` is `docker.io/library/nginx:1.27`.
    const imageKey = normalizedImage(c.image)?.pulled ?? c.image;
    const pulledAt = present.get(imageKey);
    if (spec?.imagePullPolicy !== 'Always' && pulledAt !== undefined && pulledAt <= now) {
      this.event(pod, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      return now;
    }
    // A pull of the same image already under way is waited for, not started again.
    const ready = pulledAt !== undefined && pulledAt > now && spec?.imagePullPolicy !== 'Always' ? pulledAt : now + timings.imagePull;
    present.set(imageKey, ready);
    this.event(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    const took = (ready - now) / 1000;
    this.clock.at(ready, () => {
      if (!this.host.current(pod)) return;
      this.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took}s (${took}s including waiting). Image size: 0 bytes.`);
    });
    return ready;
  }

  /**
   * A reference the kubelet cannot parse (images/image_manager.go EnsureImageExists): an
   * InspectFailed event with the parser's text, `Error: InvalidImageName` (kuberuntime_container.go
   * startContainer), and the container waits in InvalidImageName; no pull, no backoff: every sync
   * refuses it again.
   */
  private invalidImage(pod: KubeObject, c: ContainerRuntime, message: string): undefined {
    if (c.waitingMessage !== message) {
      this.event(pod, 'Warning', 'InspectFailed', message);
      this.event(pod, 'Warning', 'Failed', 'Error: InvalidImageName');
    }
    c.waitingReason = 'InvalidImageName';
    c.waitingMessage = message;
    return undefined;
  }

  /** ErrImagePull now, ImagePullBackOff from the next sync, another try after the backoff (kubelet.md §10). */
  private pullFailed(pod: KubeObject, c: ContainerRuntime, now: Millis, error: string): undefined {
    this.event(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    this.event(pod, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${error}`);
    this.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.waitingReason = 'ErrImagePull';
    c.waitingMessage = error;
    c.pullBackoff = c.pullBackoff === undefined ? timings.backoffInitial : Math.min(c.pullBackoff * 2, timings.backoffMax);
    c.retryPullAt = now + c.pullBackoff;
    c.backOffShownAt = now + 1_000;
    return undefined;
  }

  /** The sync after ErrImagePull: the container waits in ImagePullBackOff until its retry. */
  showBackOff(pod: KubeObject, c: ContainerRuntime): void {
    c.backOffShownAt = undefined;
    c.waitingReason = 'ImagePullBackOff';
    c.waitingMessage = `Back-off pulling image "${c.image}"`;
    this.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${c.image}"`);
    this.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff');
  }

  private event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.record('kubelet', pod, type, reason, message);
  }
}
