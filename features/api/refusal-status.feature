@api
Feature: Refusals in Kubernetes' terms: status reason, code and message
  The API server answers a refused request with a Status whose reason and HTTP code say what kind
  of refusal it is (apimachinery's metav1.StatusReason): Invalid (422) when validation fails,
  Forbidden (403) when admission refuses, Conflict (409) when a write lost a race or another
  manager owns a field, NotFound (404) when there is nothing to change. A scenario can say which.

  @portable
  Scenario: a manifest that fails validation is Invalid, 422
    Then the following manifest is rejected as Invalid with "spec.containers[0].image: Required value":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: no-image}
      spec: {containers: [{name: app}]}
      """
    And the following manifest is rejected with status 422:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: Not_A_Name}
      """

  @portable @policy
  Scenario: a manifest admission refuses is Forbidden, 403
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: pods}
      spec:
        hard: {pods: "1"}
      """
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: first}
      spec: {containers: [{name: app, image: registry.k8s.io/pause:3.10}]}
      """
    Then the following manifest is rejected as Forbidden:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: second}
      spec: {containers: [{name: app, image: registry.k8s.io/pause:3.10}]}
      """
    And the following manifest is rejected with status 403:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: third}
      spec: {containers: [{name: app, image: registry.k8s.io/pause:3.10}]}
      """

  @portable
  Scenario: a patch of an immutable field is Invalid; a patch of nothing is NotFound
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: frozen}
      immutable: true
      data: {level: info}
      """
    Then patching ConfigMap "frozen" with the following is rejected as Invalid with "field is immutable when `immutable` is set":
      """yaml
      data: {level: debug}
      """
    And patching ConfigMap "missing" with the following is rejected as NotFound with "configmaps \"missing\" not found":
      """yaml
      data: {level: debug}
      """

  @portable
  Scenario: applying another manager's field is a Conflict, 409
    Given the following manifest is applied server-side by "platform":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: safe}
      """
    Then applying the following manifest server-side as "app-team" is rejected as Conflict with "Apply failed with 1 conflict":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: fast}
      """
