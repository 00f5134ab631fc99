import { After, Before, BeforeStep, setDefaultTimeout, Status } from '@cucumber/cucumber';
import { stringify } from 'yaml';
import { ASSUMPTIONS_ATTACHMENT, assumptionKey, assumptionsText, MODEL_JUDGED_ATTACHMENT, TRAFFIC_PROBES_ATTACHMENT, NOT_APPLICABLE_ATTACHMENT, notApplicable, redact, registeredStepSpecs, stepPlace, StrictAssumptionError, supportCodeSettings, timelineSvg, timelineText, versionNotApplicable } from '../src/step-kit.ts';
import type { KubespecWorld } from './world.ts';

// On the simulator a step takes milliseconds and 5s means a bug; on a real cluster a step that
// waits "within 5 minutes" really takes that long, so its own deadline is the one that counts.
setDefaultTimeout(supportCodeSettings().profile === 'live' ? 20 * 60_000 : 5_000);

Before(async function (this: KubespecWorld, { pickle }) {
  // A step that needs what this driver cannot do makes the scenario not applicable here: said
  // before it starts, rather than found half-way (drivers/capabilities.ts).
  // A scenario tagged for other Kubernetes versions (@kubernetes-1.37+) is not applicable either.
  const version = this.parameters.kubernetesVersion;
  const reason = (version ? versionNotApplicable(pickle.tags.map((t) => t.name), version, this.parameters.kubernetesGitVersion ?? version) : undefined)
    ?? notApplicable(registeredStepSpecs(), pickle.steps.map((s) => s.text), this.driver);
  if (reason) {
    this.notApplicable = reason;
    this.attach(reason, { mediaType: 'text/plain', fileName: NOT_APPLICABLE_ATTACHMENT });
    return 'skipped';
  }
  await this.driver.setup({ name: pickle.name, uri: pickle.uri, seed: this.seed });
  return undefined;
});

BeforeStep(function (this: KubespecWorld, { gherkinDocument, pickle, pickleStep }) {
  this.place = stepPlace(gherkinDocument, pickleStep.astNodeIds[0]!);
  this.nextStep = pickle.steps[pickle.steps.findIndex((s) => s.id === pickleStep.id) + 1]?.text;
  if (pickleStep.type === 'Action') this.actionStartedAt = this.driver.elapsed();
});

/** How long a fidelity run lets a scenario's objects come to rest, in the driver's time. */
const SETTLE_MAX_MS = 30_000;

/** The report's attachments (DESIGN.md "Reports"), then the driver's cleanup, which runs even if attaching fails. */
After(async function (this: KubespecWorld, { result }) {
  if (this.notApplicable) return;
  try {
    if (this.applied.length > 0) {
      this.attach(this.applied.map((m) => stringify(redact(m as any))).join('---\n'), { mediaType: 'text/yaml', fileName: 'applied manifests.yaml' });
    }
    // The fidelity run compares the states both clusters settle into (driver.ts `settle`).
    if (this.parameters.settle) await this.driver.settle?.(SETTLE_MAX_MS);
    const timeline = this.driver.timeline();
    this.attach(timelineText(timeline), { mediaType: 'text/plain', fileName: 'timeline.txt' });
    if (timeline.length > 0) this.attach(timelineSvg(timeline, this.driver.elapsed()), { mediaType: 'image/svg+xml', fileName: 'timeline.svg' });
    const events = await this.driver.events();
    this.attach(events.map((e) => `${e.type}\t${e.reason}\t${e.involvedObject.kind}/${e.involvedObject.name}\t${e.message}${e.count > 1 ? ` (x${e.count})` : ''}`).join('\n') + '\n', { mediaType: 'text/plain', fileName: 'events.txt' });
    const state = await this.driver.snapshot();
    this.attach(state.map((o) => stringify(redact(o))).join('---\n'), { mediaType: 'text/yaml', fileName: 'final state.yaml' });
    if (result?.status === Status.FAILED && result.message) {
      this.attach(result.message, { mediaType: 'text/plain', fileName: 'failure.txt' });
    }
    if (this.trafficProbed.size > 0) this.attach([...this.trafficProbed].map((s) => `${s}\n`).join(''), { mediaType: 'text/plain', fileName: TRAFFIC_PROBES_ATTACHMENT });
    if (this.modelJudged.size > 0) this.attach([...this.modelJudged].map((s) => `${s}\n`).join(''), { mediaType: 'text/plain', fileName: MODEL_JUDGED_ATTACHMENT });
    const assumptions = this.driver.assumptions?.() ?? [];
    if (assumptions.length > 0) {
      this.attach(assumptionsText(assumptions), { mediaType: 'text/plain', fileName: ASSUMPTIONS_ATTACHMENT });
      const unchecked = assumptions.filter((a) => !this.acknowledgedAssumptions.has(assumptionKey(a)));
      if (this.parameters.strict && result?.status === Status.PASSED && unchecked.length > 0) throw new StrictAssumptionError(unchecked);
    }
  } finally {
    await this.driver.teardown();
  }
});
