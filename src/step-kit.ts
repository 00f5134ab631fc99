/**
 * What steps and support code use: the step vocabulary's building blocks, drivers, assertions,
 * parsing, reports and the network models, but nothing of the commands in src/api/ (which load
 * the steps, so importing them from a step would close a cycle). src/index.ts re-exports all of
 * it for teams' own steps.
 */
export { defineSteps, registeredStepSpecs } from './define-steps.ts';
export { arityOf, patternsOf, withinPattern, type StepCall, type StepSpec } from './step-catalog.ts';
export { stepPlace, type StepPlace } from './gherkin/step-place.ts';
export { parameterTypes, type ParameterTypeSpec } from './step-parameters.ts';

export { assumptionKey, describeAssumption, type Assumption } from './kube/assumptions.ts';
export type { Driver, KubeObject, Manifest, ObjectRef, NodeDefinition, ScenarioInfo, TimelineEntry, Transition, ConnectObservation, DnsObservation, Observed, ProbesUnavailable, TrafficProbes } from './drivers/driver.ts';
export { UnsupportedError, WaitTimeoutAssertionError } from './drivers/driver.ts';
export { kindsFootprint, kubectlFootprint, type Footprint } from './drivers/live/cluster-footprint.ts';
export { allCapabilities, capabilities, requireCapability, type Capability } from './drivers/capabilities.ts';
export { withCapability } from './drivers/use-capability.ts';
export { notApplicable } from './step-needs.ts';
export { versionNotApplicable } from './kubernetes-version-choice.ts';
export { parseKubernetesVersion, defaultKubernetesVersion, type KubernetesVersion } from './kube/kubernetes-versions.ts';
export { driverContract, runDriverContract, type ContractCase } from './drivers/contract/driver-contract.ts';
export { createDriver, type ProfileName } from './drivers/create-driver.ts';
export { loadDriverModule, type DriverFactory, type DriverFactoryOptions } from './drivers/custom-driver.ts';
export { packageRoot } from './package-root.ts';
export { supportCodeSettings, type SupportCodeSettings } from './environment.ts';

export { check, pass, fail, type Verdict } from './assertions/check.ts';
export { partialMatch, describeMismatches, type Mismatch } from './assertions/partial-match.ts';
export { orderVerdict, observedOrder, assertOrder, type Milestone } from './assertions/ordering.ts';
export { KubespecAssertionError } from './assertions/errors.ts';
export { overcommittedNodes, spreadCounts } from './assertions/placement.ts';
export { checkStatusCode, describeRefusal, expectRefusal, parseStatusReason, statusReasons, type ExpectedRefusal } from './assertions/refusal.ts';
export { boundWords, countBound, type BoundWord, type CountBound } from './assertions/count-bound.ts';
export { holdsThroughout } from './assertions/over-time.ts';
export { missingLineMatching, missingPrintedLine, missingWholeLine } from './assertions/printed-lines.ts';
export { fieldAt, managersOf } from './assertions/field-managers.ts';
export { stateIntervals, peakOverlap, describePeak, type PodState } from './assertions/timeline-invariants.ts';

export { parseDuration, formatDuration, durationPattern, DurationError } from './kube/duration.ts';
export { knownKindNames, canonicalKindName } from './parse/kinds.ts';
export { labelPatch } from './parse/labels.ts';
export { parseNodeTable, parseLabels, parseTaint } from './parse/node-table.ts';
export { parseManifests, parseYamlDocuments, findManifestFile, loadManifestFile, type YamlOrigin } from './manifests/load-manifests.ts';
export { fieldLine, refusedFields } from './manifests/field-lines.ts';
export { renderKustomization } from './manifests/kustomization.ts';
export { statefulSetManifest, deploymentManifest, DEFAULT_IMAGE } from './manifests/defaults.ts';
export { loadTopology } from './manifests/topologies.ts';
export { setImage, rollBack, setPaused, rolloutDone } from './operations/rollout.ts';
export { drain, setCordoned } from './operations/drain.ts';
export { updateFromFresh } from './operations/update-from-fresh.ts';
export { releaseCommand, HELM_DEFAULT_TIMEOUT_MS, type HelmAction, type HelmPlaces, type ReleaseRequest } from './operations/helm-release.ts';
export { compareHistory, HELM_RELEASE_STATUSES, releaseHistory, releaseStatus, type ReleaseRevision, type ReleaseStatus } from './operations/helm-queries.ts';
export { oldestPodName } from './operations/select-pods.ts';
export { ownedBy, parseOwnedSelection, resolveOwned, selectOwned, type OwnedSelection, type Selected } from './operations/select-owned.ts';
export { ownerVariantOf, type OwnerVariant } from './operations/owner-variants.ts';
export { UserError } from './errors.ts';
export { NETWORK_PLUGINS, type NetworkPluginName } from './kube/network-plugin.ts';
export { addOnDefinitions } from './sim/index.ts';

export { redact, REDACTED } from './report/redact.ts';
export { ASSUMPTIONS_ATTACHMENT, assumptionsText, assumptionSummary, StrictAssumptionError } from './report/assumption-report.ts';
export { MODEL_JUDGED_ATTACHMENT } from './report/model-judged.ts';
export { TRAFFIC_PROBES_ATTACHMENT } from './report/traffic-probes.ts';
export { NOT_APPLICABLE_ATTACHMENT } from './report/not-applicable-report.ts';
export { timelineText, timelineSvg } from './report/timeline.ts';

export { readClusterView, type ClusterView } from './network/cluster-view.ts';
export { reachLocalhost } from './network/localhost.ts';
export type { ListenerLookup, PortListener } from './network/listeners.ts';
export { podListenerFacts } from './sim/kubelet/listeners.ts';
export { inCidr } from './network/network-policy.ts';
export { loadImageBehaviors } from './drivers/sim/image-behaviors.ts';
export type { ImageBehavior } from './sim/kubelet/container-behavior.ts';
export { reachNodePort, reachService, reachPod, type Reachability, type ServiceConnection, type ServiceTarget } from './network/reachability.ts';
export { dnsReachable, resolve as resolveDns, type DnsAnswer } from './network/dns.ts';
export { routeRequest, type Route } from './network/ingress-routing.ts';
export { routeMeshRequest, type MeshRoute, type MeshView } from './network/mesh-routing.ts';
export { ingressNginxAnswer, type IngressAnswer, type IngressRequest } from './network/ingress-nginx.ts';
export { bytes as parseBytes, milliCpu as parseMilliCpu } from './kube/quantity.ts';
export { LabelSelector } from './kube/label-selector.ts';
export { evaluateConnection } from './network/network-policy.ts';
export { canI, parseResource, serviceAccountSubject } from './security/can-i.ts';
export { authorize, type Subject, type Decision } from './security/rbac.ts';
