@scheduling
Feature: Pods fit nodes by their requests
  The scheduler compares a pod's requests with what each node has left of its allocatable
  resources. A pod that fits nowhere stays Pending, unbound, until the cluster changes (a node
  joins, a pod leaves); then it is tried again (reference/scheduling.md).

  @sim-only @C001-004 @C001-017 @C001-019 @C000-069
  Scenario: a pod that fits no node waits, unbound, and lands on a node that joins
    Given a cluster with nodes:
      | name     | role | cpu | memory |
      | worker-1 |      | 2   | 4Gi    |
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: first}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27, resources: {requests: {cpu: 1500m}}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: second}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27, resources: {requests: {cpu: 1500m}}}
      """
    Then pod "first" is Running within 1 minute
    And pod "second" has a FailedScheduling event saying "0/1 nodes are available: 1 Insufficient cpu." within 30s
    And pod "second" is Pending
    And Pod "second" has no field ".spec.nodeName"
    When node "worker-2" joins the cluster
    Then pod "second" runs on node "worker-2" within 1 minute
    And pod "second" is Running within 1 minute

  @sim-only @C003-066 @C003-070
  Scenario: the scheduler fits the larger of the biggest init container and the sum of the app containers
    Given a cluster with nodes:
      | name   | role | cpu | memory |
      | small  |      | 1   | 500Mi  |
      | large  |      | 1   | 600Mi  |
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: init-heavy}
      spec:
        initContainers:
          - name: warm-cache
            image: busybox:1.36
            command: [sh, -c, "sleep 2"]
            resources: {requests: {cpu: 500m, memory: 256Mi}}
          - name: load-data
            image: busybox:1.36
            command: [sh, -c, "sleep 2"]
            resources: {requests: {cpu: 200m, memory: 512Mi}}
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            resources: {requests: {cpu: "1", memory: 128Mi}}
      """
    Then pod "init-heavy" runs on node "large" within 1 minute
    And pod "init-heavy" is Running within 1 minute
