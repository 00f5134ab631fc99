@scheduling @priority
Feature: Priority and preemption
  A pending pod of higher priority evicts lower-priority pods from a node where that makes room
  (reference/scheduling.md §11). PriorityClass admission sets spec.priority.

  Background:
    Given a cluster with nodes:
      | name     | cpu |
      | worker-1 | 2   |
    And the following manifest is applied:
      """yaml
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high
      value: 1000
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: low
      spec:
        containers:
          - name: main
            image: registry.k8s.io/pause:3.10
            resources: {requests: {cpu: 1500m}}
      """
    And pod "low" is Running within 1 minute

  @portable
  Scenario: a high-priority pod preempts the low-priority one
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: important
      spec:
        priorityClassName: high
        containers:
          - name: main
            image: registry.k8s.io/pause:3.10
            resources: {requests: {cpu: 1}}
      """
    Then pod "important" is Running within 2 minutes
    And pod "low" does not exist
    And pod "low" was preempted
    And pod "important" matches:
      """yaml
      spec:
        priority: 1000
        preemptionPolicy: PreemptLowerPriority
      """

  @portable
  Scenario: preemptionPolicy Never waits instead
    When the following manifest is applied:
      """yaml
      apiVersion: scheduling.k8s.io/v1
      kind: PriorityClass
      metadata:
        name: high-polite
      value: 1000
      preemptionPolicy: Never
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: polite
      spec:
        priorityClassName: high-polite
        containers:
          - name: main
            image: registry.k8s.io/pause:3.10
            resources: {requests: {cpu: 1}}
      """
    # On 1.34-1.36 DynamicResources' "no new claims to deallocate, " comes between the two parts.
    Then pod "polite" has a FailedScheduling event saying "0/1 nodes are available: 1 Insufficient cpu." within 30s
    And pod "polite" has a FailedScheduling event saying "preemption: not eligible due to preemptionPolicy=Never."
    And pod "low" is Running

  @portable
  Scenario: an unknown PriorityClass is refused at admission
    Then the following manifest is rejected as Forbidden with "no PriorityClass with name urgent was found":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: odd
      spec:
        priorityClassName: urgent
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      """
