@nodes
Feature: Node-pressure eviction
  Below the hard threshold memory.available<100Mi the kubelet reports MemoryPressure (the node is
  tainted memory-pressure:NoSchedule) and evicts one pod per pass: first those using more than
  they requested (BestEffort before all), then by lower priority, then by the most usage above
  the request. An evicted pod is Failed with reason Evicted; its controller replaces it
  (reference/kubelet.md §8). Below nodefs.available<10% it is DiskPressure, ranked the same way
  by ephemeral-storage, and a node under DiskPressure admits no new pod. Memory use comes from
  `uses 300Mi after 10s` behaviors, disk use from `writes 95Gi after 20s`.

  @sim-only @C001-095 @C004-018
  Scenario: the BestEffort pod goes first, the Burstable pod within its request stays, the ReplicaSet replaces its pod
    Given a cluster with nodes:
      | name     | role | cpu | memory |
      | worker-1 |      | 4   | 1Gi    |
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: steady
        annotations: {kubespec.io/behavior.app: "run forever, uses 200Mi after 5s"}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            resources: {requests: {memory: 256Mi}, limits: {memory: 512Mi}}
      ---
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: greedy}
      spec:
        replicas: 1
        selector: {matchLabels: {app: greedy}}
        template:
          metadata:
            labels: {app: greedy}
            annotations: {kubespec.io/behavior.app: "run forever, uses 800Mi after 30s"}
          spec:
            containers:
              - {name: app, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then there are 2 Running pods within 1 minute
    When 30 seconds pass
    Then there are 1 Failed pods labelled "app=greedy" within 30s
    And the oldest pod labelled "app=greedy" matches:
      """yaml
      status:
        phase: Failed
        reason: Evicted
        conditions:
          - {type: DisruptionTarget, status: "True", reason: TerminationByKubelet}
      """
    And pod "steady" is Running
    And Node "worker-1" matches:
      """yaml
      status:
        conditions:
          - {type: MemoryPressure, status: "True", reason: KubeletHasInsufficientMemory}
      spec:
        taints: [{key: node.kubernetes.io/memory-pressure, effect: NoSchedule}]
      """
    And "kubectl get pods -l app=greedy -o jsonpath={.items[*].status.message}" prints a line matching "The node was low on resource: memory\. Threshold quantity: 100Mi, available: [0-9]+Ki\. Container app was using [0-9]+Ki, request is 0, has larger consumption of memory\."
    # The replacement waits out the pressure taint (the condition stays 5 minutes), then runs.
    And there are 1 Pending pods labelled "app=greedy"
    And there are 1 Running pods labelled "app=greedy" within 10 minutes
    And node "worker-1" has no taints

  @sim-only
  Scenario: filling the node's disk past nodefs.available<10% reports DiskPressure, evicts the writer and refuses new pods
    Given a cluster with 1 worker node
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: logger
        annotations: {kubespec.io/behavior.app: "run forever, writes 95Gi after 20s"}
      spec:
        nodeName: worker-1
        containers:
          - {name: app, image: busybox:1.36, resources: {requests: {ephemeral-storage: 1Gi}}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: quiet}
      spec:
        nodeName: worker-1
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then pod "logger" is Failed within 1 minute
    And pod "logger" matches:
      """yaml
      status:
        reason: Evicted
        message: "The node was low on resource: ephemeral-storage. Threshold quantity: 10Gi, available: 5Gi. Container app was using 95Gi, request is 1Gi, has larger consumption of ephemeral-storage. "
      """
    And pod "quiet" is Running
    And Node "worker-1" matches:
      """yaml
      status:
        conditions:
          - {type: DiskPressure, status: "True", reason: KubeletHasDiskPressure, message: kubelet has disk pressure}
      spec:
        taints: [{key: node.kubernetes.io/disk-pressure, effect: NoSchedule}]
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: latecomer}
      spec:
        nodeName: worker-1
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27, resources: {requests: {memory: 64Mi}}}
      """
    Then pod "latecomer" is Failed within 30s
    And "kubectl get pod latecomer -o jsonpath={.status.message}" prints "The node had condition: [DiskPressure]. "
    And Node "worker-1" matches within 10 minutes:
      """yaml
      status:
        conditions:
          - {type: DiskPressure, status: "False", reason: KubeletHasNoDiskPressure}
      """
