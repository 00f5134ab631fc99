@workloads @daemonset
Feature: DaemonSets run one pod per eligible node
  A node is eligible when it passes the pod's node selection and every NoSchedule/NoExecute taint
  is tolerated, counting the tolerations the controller adds itself (reference/workloads.md §4).

  @portable @C000-144 @C001-156 @C000-149 @C001-158 @C004-100 @C002-167 @C002-169
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
    And DaemonSet "agent" matches within 30s:
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

  @portable @C000-150 @C001-159 @C004-110
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

  @sim-only @C000-156 @C000-160 @C000-153
  Scenario: the log-collection exercise: host network and /var/log from the node, configuration from a ConfigMap
    Given a cluster with 2 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: fluent-bit-config}
      data:
        fluent-bit.conf: |
          [INPUT]
              Name tail
              Path /var/log/containers/*.log
      ---
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: log-collector}
      spec:
        selector:
          matchLabels: {app: log-collector}
        template:
          metadata:
            labels: {app: log-collector}
          spec:
            hostNetwork: true
            hostPID: true
            tolerations:
              - {key: node-role.kubernetes.io/control-plane, operator: Exists, effect: NoSchedule}
            containers:
              - name: collector
                image: fluent/fluent-bit:3.2
                resources:
                  requests: {cpu: 100m, memory: 50Mi}
                  limits: {cpu: 200m, memory: 100Mi}
                volumeMounts:
                  - {name: varlog, mountPath: /var/log, readOnly: true}
                  - {name: config, mountPath: /fluent-bit/etc/}
            volumes:
              - name: varlog
                hostPath: {path: /var/log}
              - name: config
                configMap: {name: fluent-bit-config}
      """
    Then there are 3 Running pods labelled "app=log-collector" within 1 minute
    And "kubectl get daemonset log-collector" prints:
      """
      NAME            DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
      log-collector   3         3         3       3            3           <none>          *
      """
    And "kubectl get pods -l app=log-collector -o wide" prints:
      """
      *   1/1   Running   0   *   172.18.0.4   worker-1   <none>   <none>
      """
    And the oldest pod labelled "app=log-collector" matches:
      """yaml
      status: {qosClass: Burstable}
      """

  @portable @C004-104
  Scenario: pods naming a ServiceAccount that does not exist cannot be created
    Given a cluster with 2 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: log-collector}
      spec:
        selector:
          matchLabels: {app: log-collector}
        template:
          metadata:
            labels: {app: log-collector}
          spec:
            serviceAccountName: log-collector
            containers: [{name: collector, image: fluent/fluent-bit:3.2}]
      """
    Then DaemonSet "log-collector" has a FailedCreate event saying "serviceaccount \"log-collector\" not found" within 1 minute
    And there are 0 Running pods labelled "app=log-collector"
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: log-collector}
      """
    Then there are 2 Running pods labelled "app=log-collector" within 2 minutes
