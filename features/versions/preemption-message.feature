@scheduling @versions
Feature: What the scheduler says when preemption makes room depends on the Kubernetes version
  DefaultPreemption's PostFilter status on success carries no message up to 1.36, so the
  preemptor's FailedScheduling event ends after the reasons; from 1.37 it says where it will place
  the pod and how many victims it preempts ("preemption: found a potential placement for pod on
  node X, preempting N victims"; k8s.io/kubernetes@v1.37.2 pkg/scheduler/framework/preemption/
  preemption.go, CHANGELOG-1.37 #140180; data: scheduler.preemption.successMessage). The tags say
  which versions each expectation holds for; on the others the scenario is not applicable.

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

  @portable @kubernetes-1.37+
  Scenario: from 1.37 the preemptor's FailedScheduling event names the node and the victims
    Then pod "important" has a FailedScheduling event saying "0/1 nodes are available: 1 Insufficient cpu. preemption: found a potential placement for pod on node worker-1, preempting 1 victims"

  @portable @kubernetes-1.36-
  Scenario: up to 1.36 the preemptor's FailedScheduling event ends after the reasons
    Then "kubectl get events --field-selector reason=FailedScheduling,involvedObject.name=important -o custom-columns=MESSAGE:.message" prints:
      """
      MESSAGE
      0/1 nodes are available: 1 Insufficient cpu.
      """
