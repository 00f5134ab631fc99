import { literalPattern } from '../../kube/literal-pattern.ts';

/**
 * The namespace a scenario's objects live in when it names none: `default`, where the simulator
 * runs every scenario. A live run gives each scenario a namespace of its own (`ks-<slug>-<hex>`),
 * and Kubernetes writes that name into event texts ("Back-off restarting failed container app in
 * pod crasher_ks-…(uid)": the kubelet's pod full name, kubecontainer.GetPodFullName, is
 * `<name>_<namespace>`; "Successfully assigned ks-…/web to worker-1"). Those texts are shown with
 * the scenario's namespace, so a step asserting an event's words sees what the scenario wrote,
 * whichever driver ran it. The run's namespace is random and appears nowhere else in a text.
 */
export const SCENARIO_NAMESPACE = 'default';

export function withScenarioNamespace(text: string, runNamespace: string): string {
  if (!runNamespace || runNamespace === SCENARIO_NAMESPACE) return text;
  return text.replace(new RegExp(`(?<![A-Za-z0-9.-])${literalPattern(runNamespace)}(?![A-Za-z0-9-])`, 'g'), SCENARIO_NAMESPACE);
}
