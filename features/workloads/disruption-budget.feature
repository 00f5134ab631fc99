@workloads @disruption
Feature: PodDisruptionBudgets and node drains
  Voluntary disruptions go through the Eviction API, which refuses while a PodDisruptionBudget
  allows no more disruption; kubectl drain cordons the node and retries refused evictions.

  Background:
    Given a cluster with 2 worker nodes
    And a Deployment "api" with 3 replicas
    And Deployment "api" is rolled out within 1 minute

  @portable @needs-kubelet
  Scenario: a budget of minAvailable 2 allows one disruption at a time
    When the following manifest is applied:
      """yaml
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: api
      spec:
        minAvailable: 2
        selector:
          matchLabels: {app: api}
      """
    Then PodDisruptionBudget "api" matches within 30s:
      """yaml
      status:
        expectedPods: 3
        currentHealthy: 3
        desiredHealthy: 2
        disruptionsAllowed: 1
        conditions:
          - type: DisruptionAllowed
            status: "True"
            reason: SufficientPods
      """
    When the oldest pod labelled "app=api" is evicted
    Then evicting the oldest pod labelled "app=api" is refused with "Cannot evict pod as it would violate the pod's disruption budget."
    And Deployment "api" has 3 ready replicas within 1 minute
    And PodDisruptionBudget "api" matches within 30s:
      """yaml
      status:
        disruptionsAllowed: 1
      """

  @portable @C002-172
  Scenario: a drain evicts pods to the other node and leaves DaemonSet pods alone
    Given manifest "daemonset-log-collector.yaml" is applied
    And there are 3 Running pods labelled "app=log-collector" within 1 minute
    When node "worker-1" is drained
    Then there are 3 Running pods labelled "app=api" within 1 minute
    And no pod labelled "app=api" runs on node "worker-1"
    And there are 3 Running pods labelled "app=log-collector"

  @portable
  Scenario: a budget that allows no disruption blocks the drain
    Given the following manifest is applied:
      """yaml
      apiVersion: policy/v1
      kind: PodDisruptionBudget
      metadata:
        name: api
      spec:
        maxUnavailable: 0
        selector:
          matchLabels: {app: api}
      """
    Then node "worker-1" cannot be drained within 1 minute
    And there are 3 Running pods labelled "app=api"
