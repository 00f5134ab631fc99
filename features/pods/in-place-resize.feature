@pods @resources @versions
Feature: In-place pod resize through the resize subresource
  From 1.33 (InPlacePodVerticalScaling on; GA in 1.35) a running pod's containers change their cpu
  and memory without a new pod: `kubectl patch pod … --subresource resize`. The API server takes
  only the containers' resources and resizePolicy from the request and refuses a change of QoS
  class (ValidatePodResize, k8s.io/kubernetes@v1.37.2 pkg/apis/core/validation/validation.go); the
  kubelet allocates the new resources if they fit the node now (PodResizeInProgress until the
  runtime applied them), else reports PodResizePending Deferred and tries again when room appears
  (pkg/kubelet/allocation/allocation_manager.go). A resize beyond what the node can ever allocate
  is Infeasible on 1.35; from 1.36 the PodResizeValidator admission plugin refuses it. On 1.32 the
  subresource is not served. The reference cluster's KWOK nodes do not actuate resizes, so the
  kubelet's side needs a kubelet.

  Background:
    Given a cluster with nodes:
      | name     | cpu | memory |
      | worker-1 | 2   | 4Gi    |
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            resources:
              requests: {cpu: 500m, memory: 128Mi}
              limits: {cpu: 500m, memory: 128Mi}
      """
    And pod "web" is Running within 1 minute

  @portable @needs-kubelet @kubernetes-1.35+
  Scenario: a resize that fits the node is applied in place, without a restart
    When "kubectl patch pod web --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"800m\"},\"limits\":{\"cpu\":\"800m\"}}}]}}" is run
    Then pod "web" matches within 30s:
      """yaml
      metadata:
        generation: 2
      spec:
        containers:
          - name: app
            resources:
              requests: {cpu: 800m, memory: 128Mi}
              limits: {cpu: 800m, memory: 128Mi}
      status:
        observedGeneration: 2
        qosClass: Guaranteed
        containerStatuses:
          - name: app
            restartCount: 0
            allocatedResources: {cpu: 800m, memory: 128Mi}
            resources:
              requests: {cpu: 800m, memory: 128Mi}
              limits: {cpu: 800m, memory: 128Mi}
      """
    And pod "web" has a ResizeCompleted event saying "Pod resize completed: {\"containers\":[{\"name\":\"app\",\"resources\":{\"limits\":{\"cpu\":\"800m\",\"memory\":\"128Mi\"},\"requests\":{\"cpu\":\"800m\",\"memory\":\"128Mi\"}}}],\"generation\":2}"
    And "kubectl get pod web -o jsonpath={.status.containerStatuses[0].resources.limits.cpu}" prints:
      """
      800m
      """

  @portable @needs-kubelet @kubernetes-1.35+
  Scenario: a container whose resizePolicy says RestartContainer is restarted for a memory resize
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: cache
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            resizePolicy:
              - {resourceName: cpu, restartPolicy: NotRequired}
              - {resourceName: memory, restartPolicy: RestartContainer}
            resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {cpu: 200m, memory: 256Mi}
      """
    And pod "cache" is Running within 1 minute
    When "kubectl patch pod cache --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"memory\":\"256Mi\"},\"limits\":{\"memory\":\"512Mi\"}}}]}}" is run
    Then pod "cache" matches within 30s:
      """yaml
      status:
        containerStatuses:
          - name: app
            restartCount: 1
            state:
              running: {}
            resources:
              requests: {cpu: 100m, memory: 256Mi}
              limits: {cpu: 200m, memory: 512Mi}
      """
    And pod "cache" has a Killing event saying "Container app resize requires restart"

  @portable @needs-kubelet @kubernetes-1.35+
  Scenario: a resize that does not fit now is deferred, and applied once another pod leaves room
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: batch
      spec:
        containers:
          - name: main
            image: registry.k8s.io/pause:3.10
            resources:
              requests: {cpu: "1", memory: 128Mi}
      """
    And pod "batch" is Running within 1 minute
    When "kubectl patch pod web --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"1500m\"},\"limits\":{\"cpu\":\"1500m\"}}}]}}" is run
    Then pod "web" has condition PodResizePending=True with reason Deferred within 30s
    And pod "web" matches:
      """yaml
      status:
        conditions:
          - type: PodResizePending
            reason: Deferred
            message: "Node didn't have enough resource: cpu, requested: 1500, used: 1000, capacity: 2000"
        containerStatuses:
          - name: app
            resources:
              limits: {cpu: 500m}
      """
    When pod "batch" is deleted
    Then pod "web" matches within 1 minute:
      """yaml
      status:
        containerStatuses:
          - name: app
            resources:
              limits: {cpu: 1500m}
      """
    And pod "web" has a ResizeDeferred event saying "Pod resize Deferred"

  @portable @kubernetes-1.35+
  Scenario: a resize may not change the pod's QoS class
    Then "kubectl patch pod web --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"limits\":{\"cpu\":\"1\"}}}]}}" fails with "Pod QOS Class may not change as a result of resizing"

  @portable @kubernetes-1.35+
  Scenario: only cpu and memory are resizable
    Then "kubectl patch pod web --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"ephemeral-storage\":\"1Gi\"}}}]}}" fails with "only cpu and memory resources are mutable"

  @portable @needs-kubelet @kubernetes-1.35
  Scenario: on 1.35 a resize beyond the node's allocatable is accepted and left Infeasible by the kubelet
    When "kubectl patch pod web --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"8\"},\"limits\":{\"cpu\":\"8\"}}}]}}" is run
    Then pod "web" has condition PodResizePending=True with reason Infeasible within 30s
    And pod "web" has a ResizeInfeasible event saying "Node didn't have enough capacity: cpu, requested: 8000, capacity: 2000"

  @portable @kubernetes-1.36+
  Scenario: from 1.36 a resize beyond the node's allocatable is refused by admission
    Then "kubectl patch pod web --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"8\"},\"limits\":{\"cpu\":\"8\"}}}]}}" fails with "pods \"web\" is forbidden: node didn't have enough allocatable resources: cpu, requested: 8000, allocatable: 2000"

  @portable @kubernetes-1.32
  Scenario: on 1.32 the resize subresource is not served
    Then "kubectl patch pod web --subresource resize --patch {\"spec\":{\"containers\":[{\"name\":\"app\",\"resources\":{\"requests\":{\"cpu\":\"800m\"},\"limits\":{\"cpu\":\"800m\"}}}]}}" fails with "the server could not find the requested resource"
