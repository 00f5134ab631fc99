@nodes @autoscaling
Feature: The Cluster Autoscaler adds nodes for pending pods and removes idle ones
  A node group of kind-sized workers (4 cpu, 16Gi) runs between its min and max size. Pods the
  scheduler cannot place that would fit on a new node of the group trigger a scale-up (the nodes
  join after a 60 s boot); a node whose pods request under half of it, and could move elsewhere,
  is unneeded, and after 10 minutes unneeded it is drained and removed, never below the min.

  Background:
    Given a cluster with 0 worker nodes
    And a cluster autoscaler manages node group "pool" of 1 to 4 nodes

  @sim-only @C001-315
  Scenario: pending pods add nodes up to what they need; when the load goes, the idle nodes go too
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: big}
      spec:
        replicas: 6
        selector: {matchLabels: {app: big}}
        template:
          metadata: {labels: {app: big}}
          spec:
            containers:
              - name: app
                image: nginx:1.27
                resources: {requests: {cpu: 1500m, memory: 1Gi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: huge}
      spec:
        containers:
          - name: app
            image: nginx:1.27
            resources: {requests: {cpu: "8"}}
      """
    Then there are 4 Pending pods labelled "app=big" within 30s
    And "kubectl get events" prints:
      """
      *  Normal  TriggeredScaleUp  *  pod triggered scale-up: [{pool 1->3 (max: 4)}]
      """
    And pod "huge" has a NotTriggerScaleUp event saying "pod didn't trigger scale-up (it wouldn't fit if a new node is added)" within 30s
    And Deployment "big" is rolled out within 3 minutes
    And "kubectl get nodes -l kubespec.io/node-group=pool -o jsonpath={.items[2].metadata.name}" prints "pool-3"
    And "kubectl get nodes -l kubespec.io/node-group=pool -o jsonpath={.items[3].metadata.name}" fails with "index 3, length 3"
    When Deployment "big" is scaled to 1
    And 5 minutes pass
    Then "kubectl get nodes -l kubespec.io/node-group=pool -o jsonpath={.items[2].metadata.name}" prints "pool-3"
    When 10 minutes pass
    Then "kubectl get nodes -l kubespec.io/node-group=pool -o jsonpath={.items[1].metadata.name}" fails with "index 1, length 1"
    And Deployment "big" is rolled out within 1 minute
