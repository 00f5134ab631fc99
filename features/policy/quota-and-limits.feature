@policy
Feature: ResourceQuota and LimitRange
  Admission charges new objects against the namespace's quotas and refuses what would go over;
  LimitRanges fill in default requests and limits and enforce min and max per container
  (reference/api-machinery.md §8).

  Background:
    Given a cluster with 2 worker nodes

  @portable @C001-113 @C001-114 @C001-116
  Scenario: a pod that would exceed the quota is refused, and status shows the use
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: compute}
      spec:
        hard: {requests.cpu: "1", requests.memory: 1Gi, pods: "3"}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: first}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10, resources: {requests: {cpu: 600m, memory: 256Mi}}}
      """
    Then ResourceQuota "compute" matches within 10s:
      """yaml
      status:
        hard: {requests.cpu: "1", requests.memory: 1Gi, pods: "3"}
        used: {requests.cpu: 600m, requests.memory: 256Mi, pods: "1"}
      """
    And the following manifest is rejected as Forbidden with "pods \"second\" is forbidden: exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=600m, limited: requests.cpu=1":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: second}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10, resources: {requests: {cpu: 500m, memory: 128Mi}}}
      """

  @portable @C001-115
  Scenario: a quota on cpu requests needs every pod to state one
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: compute}
      spec:
        hard: {requests.cpu: "2", limits.cpu: "4"}
      """
    # Admission enforces a quota once the quota controller has written its status.
    And ResourceQuota "compute" matches within 30s:
      """yaml
      status:
        hard: {requests.cpu: "2", limits.cpu: "4"}
      """
    Then the following manifest is rejected with "failed quota: compute: must specify limits.cpu for: app; requests.cpu for: app":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: bare}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """

  @portable @C001-117
  Scenario: a node-port quota limits NodePort Services
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: ports}
      spec:
        hard: {services.nodeports: "1"}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: one}
      spec:
        type: NodePort
        ports: [{port: 80}]
      """
    Then the following manifest is rejected with "exceeded quota: ports, requested: services.nodeports=1, used: services.nodeports=1, limited: services.nodeports=1":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: two}
      spec:
        type: NodePort
        ports: [{port: 80}]
      """

  @portable @C001-118
  Scenario: a Deployment over quota exists, but its ReplicaSet cannot create every pod
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ResourceQuota
      metadata: {name: pods}
      spec:
        hard: {pods: "2"}
      """
    When a Deployment "api" with 3 replicas
    Then ReplicaSet pods of Deployment "api" fail with "exceeded quota: pods" within 30s
    And there are 2 Running pods labelled "app=api" within 1 minute
    And Deployment "api" matches:
      """yaml
      status:
        conditions:
          - type: ReplicaFailure
            status: "True"
            reason: FailedCreate
      """

  @portable @C001-119 @C001-122
  Scenario: LimitRange defaults fill in resources for new pods only
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: before}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: LimitRange
      metadata: {name: defaults}
      spec:
        limits:
          - type: Container
            default: {cpu: 500m, memory: 512Mi}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: after}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    Then pod "after" matches:
      """yaml
      spec:
        containers:
          - name: app
            resources:
              limits: {cpu: 500m, memory: 512Mi}
              requests: {cpu: 500m, memory: 512Mi}
      """
    And pod "before" matches:
      """yaml
      spec:
        containers:
          - name: app
            resources: {limits: null, requests: null}
      """

  # The annotation's text is plugin/pkg/admission/limitranger/admission.go's (mergeContainerResources):
  # containers, then init containers; requests before limits; resource names sorted.
  @portable @C001-119
  Scenario: LimitRanger notes on the pod what it filled in
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: LimitRange
      metadata: {name: defaults}
      spec:
        limits:
          - type: Container
            default: {memory: 512Mi, cpu: 500m}
            defaultRequest: {memory: 256Mi, cpu: 100m}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: mixed}
      spec:
        initContainers:
          - {name: setup, image: registry.k8s.io/pause:3.10}
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
          - {name: helper, image: registry.k8s.io/pause:3.10, resources: {requests: {cpu: 50m, memory: 64Mi}}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: stated}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10, resources: {limits: {cpu: 200m, memory: 128Mi}}}
      """
    Then pod "mixed" matches:
      """yaml
      metadata:
        annotations:
          kubernetes.io/limit-ranger: "LimitRanger plugin set: cpu, memory request for container app; cpu, memory limit for container app; cpu, memory limit for container helper; cpu, memory request for init container setup; cpu, memory limit for init container setup"
      spec:
        containers:
          - name: helper
            resources:
              limits: {cpu: 500m, memory: 512Mi}
              requests: {cpu: 50m, memory: 64Mi}
      """
    And pod "stated" matches:
      """yaml
      metadata:
        annotations: null
      """

  @portable @C001-120 @C001-121
  Scenario: LimitRange min and max per container
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: LimitRange
      metadata: {name: bounds}
      spec:
        limits:
          - type: Container
            min: {cpu: 100m, memory: 128Mi}
            max: {cpu: "2", memory: 2Gi}
      """
    Then the following manifest is rejected as Forbidden with "pods \"greedy\" is forbidden: maximum cpu usage per Container is 2, but limit is 3":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: greedy}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10, resources: {limits: {cpu: "3", memory: 1Gi}}}
      """
    And the following manifest is rejected with "minimum memory usage per Container is 128Mi, but request is 64Mi":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: tiny}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10, resources: {requests: {cpu: 200m, memory: 64Mi}, limits: {cpu: 200m, memory: 64Mi}}}
      """
