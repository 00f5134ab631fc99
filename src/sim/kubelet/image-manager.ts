import type { Guess } from '../../kube/assumptions.ts';
import type { Millis } from '../clock.ts';
import { containerSpec } from '../pod-status.ts';
import type { KubeObject } from '../store/types.ts';
import { pullFailure, pullGuesses, type ImageBehavior } from './container-behavior.ts';
import { invalidImageName, normalizedImage } from './image-reference.ts';
import type { ContainerRuntime } from './pod-runtime.ts';
import type { Facts, StageContext } from './stage-conditions.ts';

/**
 * The kubelet's image manager (pkg/kubelet/images/image_manager.go EnsureImageExists): before
 * each container starts it makes sure the image is on the node. It remembers per node which
 * images are there or being pulled (by the runtime's normalised name), so a second pod waits for
 * the pull under way and a later one finds the image present. What the kubelet then says and
 * does (Pulling/Pulled, ErrImagePull and ImagePullBackOff with their backoff, InvalidImageName;
 * reference/kubelet.md §10) is the image stages of pod-stages.ts: this class gives them their
 * facts (`facts`) and the steps they call by name (`markPulled`, `pull`).
 */
export class ImageManager {
  private readonly imagesOnNode = new Map<string, Map<string, Millis>>();

  constructor(
    private readonly images: readonly ImageBehavior[],
    private readonly assume: (pod: KubeObject, container: any, init: boolean, value: { guesses?: Guess[] }) => void,
  ) {}

  /** What the image manager finds for a container that has no start time yet. */
  facts(pod: KubeObject, c: ContainerRuntime): Facts {
    if (c.pulled) return {};
    const invalidImage = invalidImageName(c.image);
    if (invalidImage !== undefined) return { invalidImage };
    const pullError = pullFailure(c.image, this.images);
    if (pullError !== undefined) return { pullError };
    return { alwaysPull: containerSpec(pod, c.name)?.imagePullPolicy === 'Always', imageThereAt: this.present(pod).get(imageKey(c.image)) };
  }

  /** The container has its image (or will once the pull is done); what the pull took on trust is recorded. */
  markPulled({ pod, c }: StageContext): void {
    c!.pulled = true;
    c!.retryPullAt = undefined;
    this.assume(pod, containerSpec(pod, c!.name) ?? c, c!.init, { guesses: pullGuesses(c!.image, this.images) });
  }

  /**
   * A pull starts now and takes `took`; a pull of the same image already under way is waited
   * for, not started again. Sets the facts the Pulled event and the start read.
   */
  pull(x: StageContext, took: Millis): void {
    const present = this.present(x.pod);
    const key = imageKey(x.c!.image);
    const pulledAt = present.get(key);
    const ready = pulledAt !== undefined && pulledAt > x.now && !x.facts.alwaysPull ? pulledAt : x.now + took;
    present.set(key, ready);
    x.facts.pulledAt = ready;
    x.facts.took = (ready - x.now) / 1000;
  }

  private present(pod: KubeObject): Map<string, Millis> {
    const node = pod.spec.nodeName as string;
    const present = this.imagesOnNode.get(node) ?? new Map<string, Millis>();
    this.imagesOnNode.set(node, present);
    return present;
  }
}

/** The runtime knows an image by its normalised name: `nginx:1.27` is `docker.io/library/nginx:1.27`. */
function imageKey(image: string): string {
  return normalizedImage(image)?.pulled ?? image;
}
