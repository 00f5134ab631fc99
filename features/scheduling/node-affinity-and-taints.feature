@scheduling
Feature: Node selection, affinity and taints
  Where a pod may land: nodeSelector and required node affinity filter, preferred affinity scores,
  NoSchedule taints keep non-tolerating pods away, PreferNoSchedule only discourages
  (reference/scheduling.md §4, §6, §7).

  Background:
    Given a cluster with nodes:
      | name   | role          | labels                                               | taints                   |
      | cp     | control-plane |                                                      |                          |
      | worker-1 |               | gpu=true,gpu-type=nvidia-a100                        |                          |
      | worker-2 |               | gpu=true,gpu-type=nvidia-v100                        | special=true:PreferNoSchedule |
      | worker-3 |               | disk=ssd                                             | dedicated=gpu:NoSchedule |

  @portable @C000-186 @C000-187 @C000-189 @C000-190 @C001-036
  Scenario: required affinity filters, preferred affinity picks the heavier match
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: trainer
      spec:
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions:
                    - {key: gpu, operator: In, values: ["true"]}
                    - {key: kubernetes.io/arch, operator: In, values: [amd64]}
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                preference:
                  matchExpressions: [{key: gpu-type, operator: In, values: [nvidia-a100]}]
              - weight: 50
                preference:
                  matchExpressions: [{key: gpu-type, operator: In, values: [nvidia-v100]}]
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      """
    Then pod "trainer" runs on node "worker-1" within 30s

  @portable @C000-188 @kubernetes-1.33-
  Scenario: no node matches the required affinity: Pending with the scheduler's reasons, each taint named up to 1.33
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: tpu
      spec:
        nodeSelector: {accelerator: tpu}
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      """
    Then pod "tpu" has condition PodScheduled=False with reason Unschedulable within 30s
    # Filters stop at the first failing plugin, and TaintToleration runs before NodeAffinity,
    # so the tainted nodes report their taint.
    And pod "tpu" has a FailedScheduling event saying "0/4 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling."
    And pod "tpu" is Pending

  # From 1.34 the TaintToleration reason no longer names the taint, so both tainted nodes count
  # as one reason (taint_toleration.go).
  @portable @C000-188 @kubernetes-1.34+
  Scenario: no node matches the required affinity: Pending with the scheduler's reasons, taints counted together from 1.34
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: tpu
      spec:
        nodeSelector: {accelerator: tpu}
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      """
    Then pod "tpu" has condition PodScheduled=False with reason Unschedulable within 30s
    # Filters stop at the first failing plugin, and TaintToleration runs before NodeAffinity,
    # so the tainted nodes report the taint reason.
    # On 1.34-1.36 DynamicResources' "no new claims to deallocate, " comes between the two parts.
    And pod "tpu" has a FailedScheduling event saying "0/4 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 2 node(s) had untolerated taint(s)."
    And pod "tpu" has a FailedScheduling event saying "preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling."
    And pod "tpu" is Pending

  @portable @C000-203 @C000-209 @C001-034
  Scenario: a NoSchedule taint admits only pods with a matching toleration, and does not attract them
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: gpu-job
      spec:
        nodeSelector: {disk: ssd}
        tolerations:
          - {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: plain
      spec:
        nodeSelector: {disk: ssd}
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      """
    Then pod "gpu-job" runs on node "worker-3" within 30s
    # "{dedicated: gpu}" follows up to 1.33; from 1.34 the reason is "taint(s)", counted with the control plane's.
    And pod "plain" has a FailedScheduling event saying "node(s) had untolerated taint" within 30s

  @portable @C000-205
  Scenario: PreferNoSchedule steers pods away while another node fits, but not beyond
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: avoider
      spec:
        nodeSelector: {gpu: "true"}
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: v100-only
      spec:
        nodeSelector: {gpu-type: nvidia-v100}
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      """
    Then pod "avoider" runs on node "worker-1" within 30s
    And pod "v100-only" runs on node "worker-2" within 30s

  @portable @C000-193
  Scenario: an extended resource schedules only where it is advertised
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: cuda
      spec:
        containers:
          - name: main
            image: registry.k8s.io/pause:3.10
            resources:
              limits: {nvidia.com/gpu: 1}
              requests: {nvidia.com/gpu: 1}
      """
    Then pod "cuda" has a FailedScheduling event saying "Insufficient nvidia.com/gpu" within 30s

  @sim-only @C000-192 @C001-033
  Scenario: removing a label after scheduling does not evict the pod (IgnoredDuringExecution)
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: trainer
      spec:
        nodeSelector: {gpu-type: nvidia-a100}
        containers:
          - {name: main, image: registry.k8s.io/pause:3.10}
      """
    And pod "trainer" is Running within 1 minute
    When node "worker-1" is labelled "gpu-type-"
    And 5 minutes pass
    Then pod "trainer" is Running
    And pod "trainer" runs on node "worker-1"

  @portable @C000-210 @C000-211 @C000-215 @C000-207
  Scenario: Exists tolerations match any value; NoExecute without tolerationSeconds stays; every pod gets the default ones
    Given node "worker-1" is tainted "special=anything:NoSchedule"
    Then the following manifest is rejected with "spec.tolerations[0].operator: Invalid value: \"x\": value must be empty when `operator` is 'Exists'":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: confused}
      spec:
        tolerations: [{key: special, operator: Exists, value: x, effect: NoSchedule}]
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: tolerant}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        tolerations:
          - {key: special, operator: Exists, effect: NoSchedule}
          - {key: critical, operator: Exists, effect: NoExecute}
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    Then pod "tolerant" is Running within 1 minute
    And pod "tolerant" matches:
      """yaml
      spec:
        tolerations:
          - {key: special, operator: Exists, effect: NoSchedule}
          - {key: critical, operator: Exists, effect: NoExecute}
          - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
          - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
      """
    When node "worker-1" is untainted "special:NoSchedule-"
    Then node "worker-1" has no taints

  @portable @C000-194
  Scenario: an extended resource cannot be overcommitted: its request equals its limit
    Then the following manifest is rejected with "spec.containers[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: gpu-half}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            resources:
              requests: {example.com/gpu: "1"}
              limits: {example.com/gpu: "2"}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: gpu-limit}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            resources:
              limits: {example.com/gpu: "1"}
      """
    Then pod "gpu-limit" matches:
      """yaml
      spec:
        containers:
          - name: app
            resources:
              requests: {example.com/gpu: "1"}
      """

  @portable @C000-152
  Scenario: a hostPort is the node's: a second pod asking for it goes to another node or waits
    Given node "worker-2" is cordoned
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: exporter-a}
      spec:
        containers:
          - {name: exporter, image: registry.k8s.io/pause:3.10, ports: [{containerPort: 9100, hostPort: 9100}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: exporter-b}
      spec:
        containers:
          - {name: exporter, image: registry.k8s.io/pause:3.10, ports: [{containerPort: 9100, hostPort: 9100}]}
      """
    Then pod "exporter-a" is Running within 1 minute
    And pod "exporter-b" has a FailedScheduling event saying "didn't have free ports for the requested pod ports" within 1 minute
    When node "worker-2" is uncordoned
    Then pod "exporter-b" runs on node "worker-2" within 5 minutes

  @sim-only @C000-213
  Scenario: a NoExecute toleration without tolerationSeconds stays for good
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: tolerant}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        tolerations:
          - {key: critical, operator: Exists, effect: NoExecute}
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    And pod "tolerant" is Running within 1 minute
    When node "worker-1" is tainted "critical=true:NoExecute"
    And 2 hours pass
    Then pod "tolerant" is Running


  @portable @C001-031 @C001-032 @C000-191
  Scenario: nodeSelector and required affinity must both hold; a preference nobody meets changes nothing
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: both}
      spec:
        nodeSelector: {gpu: "true"}
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-2, worker-3]}]
        tolerations: [{key: dedicated, operator: Exists}]
        containers: [{name: main, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: neither}
      spec:
        nodeSelector: {disk: ssd}
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{key: gpu, operator: In, values: ["true"]}]
        tolerations: [{key: dedicated, operator: Exists}]
        containers: [{name: main, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: hopeful}
      spec:
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-1, worker-3]}]
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                preference:
                  matchExpressions: [{key: gpu-type, operator: In, values: [google-tpu]}]
        containers: [{name: main, image: registry.k8s.io/pause:3.10}]
      """
    Then pod "both" runs on node "worker-2" within 30s
    And pod "hopeful" runs on node "worker-1" within 30s
    And pod "neither" has a FailedScheduling event saying "didn't match Pod's node affinity/selector" within 30s
    And pod "neither" is Pending

  @portable @C000-208 @C002-028
  Scenario: nodes carry built-in labels; a taint with the same key and effect needs --overwrite
    Then Node "worker-1" matches:
      """yaml
      metadata:
        labels: {kubernetes.io/os: linux, kubernetes.io/arch: amd64}
      """
    When "kubectl label node worker-1 team=ml" is run
    Then Node "worker-1" matches:
      """yaml
      metadata:
        labels: {team: ml, gpu: "true"}
      """
    When "kubectl taint nodes worker-1 maintenance=soon:NoSchedule" is run
    Then "kubectl taint nodes worker-1 maintenance=now:NoSchedule" fails with "with same effect(s) and --overwrite is false"
    When "kubectl taint nodes worker-1 maintenance=now:NoSchedule --overwrite" is run
    Then Node "worker-1" matches:
      """yaml
      spec:
        taints: [{key: maintenance, value: now, effect: NoSchedule}]
      """
