@workloads @daemonset
Feature: DaemonSets run one pod per eligible node
  A node is eligible when it passes the pod's node selection and every NoSchedule/NoExecute taint
  is tolerated, counting the tolerations the controller adds itself (reference/workloads.md §4).

  @portable @C000-144 @C001-156 @C000-149 @C001-158 @C000-151 @C004-100 @C002-167 @C002-169
  Scenario: one pod on every worker, none on the tainted control plane
    Given a cluster with 3 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            containers:
              - name: agent
                image: registry.k8s.io/pause:3.10
      """
    Then there are 3 Running pods labelled "app=agent" within 1 minute
    And DaemonSet "agent" matches:
      """yaml
      status:
        desiredNumberScheduled: 3
        currentNumberScheduled: 3
        numberReady: 3
        numberMisscheduled: 0
      """

  @portable @C000-233 @C000-237 @C000-148
  Scenario: tolerating the control-plane taint puts a pod there too
    Given a cluster with 3 worker nodes
    When manifest "daemonset-log-collector.yaml" is applied
    Then there are 4 Running pods labelled "app=log-collector" within 1 minute

  @sim-only @C000-145 @C000-146 @C001-160 @C004-103
  Scenario: a node selector limits the DaemonSet; labelling a node adds a pod, unlabelling removes it
    Given a cluster with nodes:
      | name     | labels          |
      | worker-1 | monitoring=true |
      | worker-2 |                 |
      | worker-3 | monitoring=true |
    When manifest "daemonset-node-exporter.yaml" is applied
    Then there are 2 Running pods labelled "app=node-exporter" within 1 minute
    When node "worker-2" is labelled "monitoring=true"
    Then there are 3 Running pods labelled "app=node-exporter" within 1 minute
    When node "worker-1" is labelled "monitoring-"
    Then there are 2 Running pods labelled "app=node-exporter" within 1 minute

  @sim-only @C000-147 @C001-157 @C004-101 @C004-102 @C002-171
  Scenario: a node that joins gets a pod; a node that leaves takes its pod along
    Given a cluster with 2 worker nodes
    And manifest "daemonset-log-collector.yaml" is applied
    And there are 3 Running pods labelled "app=log-collector" within 1 minute
    When node "worker-3" joins the cluster
    Then there are 4 Running pods labelled "app=log-collector" within 1 minute
    When node "worker-1" leaves the cluster
    Then there are 3 Running pods labelled "app=log-collector" within 1 minute

  @portable @C000-150 @C001-159
  Scenario: the controller adds the standard tolerations to its pods
    Given a cluster with 1 worker node
    When manifest "daemonset-node-exporter.yaml" is applied
    And node "worker-1" is labelled "monitoring=true"
    Then there are 1 Running pods labelled "app=node-exporter" within 1 minute
    And the oldest pod labelled "app=node-exporter" matches:
      """yaml
      spec:
        tolerations:
          - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute}
          - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute}
          - {key: node.kubernetes.io/disk-pressure, operator: Exists, effect: NoSchedule}
          - {key: node.kubernetes.io/memory-pressure, operator: Exists, effect: NoSchedule}
          - {key: node.kubernetes.io/pid-pressure, operator: Exists, effect: NoSchedule}
          - {key: node.kubernetes.io/unschedulable, operator: Exists, effect: NoSchedule}
      """

  @portable @C000-158
  Scenario: a template change replaces one node's pod at a time
    Given a cluster with 3 worker nodes
    And manifest "daemonset-log-collector.yaml" is applied
    And there are 4 Running pods labelled "app=log-collector" within 1 minute
    When DaemonSet "log-collector" is updated to image "fluent/fluent-bit:3.3"
    Then DaemonSet "log-collector" matches within 3 minutes:
      """yaml
      status:
        updatedNumberScheduled: 4
        numberAvailable: 4
      """
    And at most 1 pod labelled "app=log-collector" was unready at the same time
    And at most 1 pod labelled "app=log-collector" was terminating at the same time
