@nodes
Feature: Node failure, taints and eviction
  When a kubelet stops posting status, the node lifecycle controller marks the node Unknown after
  50 seconds and taints it unreachable; pods leave after their tolerationSeconds, 300 by default
  (reference/scheduling.md §12). NoExecute taints evict pods that do not tolerate them.

  Background:
    Given a cluster with 3 worker nodes

  @sim-only @C001-003 @C001-039
  Scenario: the pod of a failed node is replaced elsewhere after the 300-second toleration
    Given a Deployment "api" with 3 replicas
    And Deployment "api" is rolled out within 1 minute
    When node "worker-1" fails
    And 1 minute passes
    Then node "worker-1" has condition Ready=Unknown with reason NodeStatusUnknown
    And node "worker-1" matches:
      """yaml
      spec:
        taints:
          - {key: node.kubernetes.io/unreachable, effect: NoSchedule}
          - {key: node.kubernetes.io/unreachable, effect: NoExecute}
      """
    And Deployment "api" matches:
      """yaml
      status: {readyReplicas: 2}
      """
    When 4 minutes pass
    Then Deployment "api" matches:
      """yaml
      status: {readyReplicas: 2}
      """
    And Deployment "api" has 3 ready replicas within 2 minutes
    And no pod labelled "app=api" runs on node "worker-1"

  @sim-only
  Scenario: a recovered node loses its taints and takes pods again
    When node "worker-2" fails
    And 1 minute passes
    And node "worker-2" recovers
    Then node "worker-2" has condition Ready=True with reason KubeletReady
    And node "worker-2" has no taints within 10s

  @portable @C000-206 @C000-204
  Scenario: a NoExecute taint evicts pods that do not tolerate it; NoSchedule does not
    Given a Deployment "api" with 3 replicas
    And Deployment "api" is rolled out within 1 minute
    When node "worker-2" is tainted "maintenance=true:NoSchedule"
    And 1 minute passes
    Then there are 3 Running pods labelled "app=api"
    When node "worker-3" is tainted "critical=true:NoExecute"
    Then no pod labelled "app=api" runs on node "worker-3" within 1 minute
    And Deployment "api" has 3 ready replicas within 1 minute
    And 1 pod labelled "app=api" runs on node "worker-2"
    And 2 pods labelled "app=api" run on node "worker-1"

  @sim-only @C000-212
  Scenario: tolerationSeconds bounds how long a tolerating pod stays
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: patient
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        tolerations:
          - {key: critical, operator: Exists, effect: NoExecute, tolerationSeconds: 3600}
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """
    And pod "patient" is Running within 1 minute
    When node "worker-1" is tainted "critical=true:NoExecute"
    And 59 minutes pass
    Then pod "patient" is Running
    And pod "patient" does not exist within 2 minutes

  @sim-only @C001-112
  Scenario: each node's kubelet renews a Lease in kube-node-lease every 10 seconds, and stops while the node is down
    When 65 seconds pass
    Then Lease "worker-1" in namespace "kube-node-lease" matches:
      """yaml
      metadata:
        ownerReferences: [{apiVersion: v1, kind: Node, name: worker-1}]
      spec:
        holderIdentity: worker-1
        leaseDurationSeconds: 40
        renewTime: "2026-01-01T00:01:00.000000Z"
      """
    When node "worker-1" fails
    And 2 minutes pass
    Then Lease "worker-1" in namespace "kube-node-lease" matches:
      """yaml
      spec: {renewTime: "2026-01-01T00:01:00.000000Z"}
      """
    And Lease "worker-2" in namespace "kube-node-lease" matches:
      """yaml
      spec: {renewTime: "2026-01-01T00:03:00.000000Z"}
      """
    When node "worker-1" recovers
    And 15 seconds pass
    Then Lease "worker-1" in namespace "kube-node-lease" matches:
      """yaml
      spec: {renewTime: "2026-01-01T00:03:15.000000Z"}
      """
