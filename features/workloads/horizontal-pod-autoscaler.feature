@workloads @autoscaling
Feature: HorizontalPodAutoscaler
  Every 15 seconds the HPA compares the pods' CPU usage with the target share of their requests
  and resizes the workload: desired = ceil(replicas × usage / target), nothing within 10% of the
  target, scale-down only after 5 minutes of lower recommendations. Usage is injected, so these
  scenarios need the simulator's metrics-server.

  Background:
    Given a cluster with 3 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 2
        selector:
          matchLabels: {app: api}
        template:
          metadata:
            labels: {app: api}
          spec:
            containers:
              - name: api
                image: registry.k8s.io/nginx-slim:0.27
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
      ---
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata:
        name: api
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        minReplicas: 2
        maxReplicas: 10
        metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 50}
      """
    And Deployment "api" is rolled out within 1 minute

  @sim-only @C001-302
  Scenario: twice the target doubles the replicas
    When the pods of Deployment "api" use 100% CPU
    Then Deployment "api" has 4 ready replicas within 1 minute
    And HorizontalPodAutoscaler "api" matches:
      """yaml
      status:
        desiredReplicas: 4
        conditions:
          - type: AbleToScale
            status: "True"
          - type: ScalingActive
            status: "True"
            reason: ValidMetricFound
      """

  @sim-only @C001-306
  Scenario: usage within the 10% tolerance changes nothing
    When the pods of Deployment "api" use 54% CPU
    And 2 minutes pass
    Then Deployment "api" has 2 ready replicas

  @sim-only @C001-307
  Scenario: scale-down waits for the 5-minute stabilization window
    Given the pods of Deployment "api" use 100% CPU
    And Deployment "api" has 4 ready replicas within 1 minute
    When the pods of Deployment "api" use 10% CPU
    And 4 minutes pass
    Then Deployment "api" has 4 ready replicas
    And Deployment "api" has 2 ready replicas within 3 minutes

  @sim-only @C001-302
  Scenario: the replicas never exceed maxReplicas
    When the pods of Deployment "api" use 1000% CPU
    Then Deployment "api" has 10 ready replicas within 3 minutes
    And HorizontalPodAutoscaler "api" has condition ScalingLimited=True with reason TooManyReplicas

  @sim-only @C001-303
  Scenario: at a 70% target, 140% usage takes 2 replicas to 4
    When HorizontalPodAutoscaler "api" is patched with:
      """yaml
      spec:
        metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 70}
      """
    And the pods of Deployment "api" use 140% CPU
    Then HorizontalPodAutoscaler "api" has a SuccessfulRescale event saying "New size: 4; reason: cpu resource utilization (percentage of request) above target" within 30 seconds

  @sim-only @C001-304
  Scenario: with several metrics the largest proposal wins (memory's 5 over cpu's 3, held to 4 by the 2× step)
    When HorizontalPodAutoscaler "api" is patched with:
      """yaml
      spec:
        metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 70}
          - type: Resource
            resource:
              name: memory
              target: {type: Utilization, averageUtilization: 80}
      """
    And the pods of Deployment "api" use 80% CPU
    And the pods of Deployment "api" use 200% memory
    Then HorizontalPodAutoscaler "api" has a SuccessfulRescale event saying "New size: 4; reason: memory resource utilization (percentage of request) above target" within 30 seconds

  @sim-only @C001-308
  Scenario: a Percent 50 scale-down policy removes at most half the pods a minute
    Given HorizontalPodAutoscaler "api" is patched with:
      """yaml
      spec:
        behavior:
          scaleDown:
            stabilizationWindowSeconds: 0
            policies: [{type: Percent, value: 50, periodSeconds: 60}]
      """
    And the pods of Deployment "api" use 1000% CPU
    And Deployment "api" has 10 ready replicas within 3 minutes
    And 2 minutes pass
    When the pods of Deployment "api" use 1% CPU
    Then HorizontalPodAutoscaler "api" has a SuccessfulRescale event saying "New size: 5; reason: All metrics below target" within 20 seconds
    And 50 seconds pass
    And Deployment "api" matches:
      """yaml
      spec: {replicas: 5}
      """
    And HorizontalPodAutoscaler "api" has a SuccessfulRescale event saying "New size: 2; reason: All metrics below target" within 30 seconds

  @sim-only @C001-309
  Scenario: a Percent 100 scale-up policy per 30 seconds at most doubles the pods each time
    Given HorizontalPodAutoscaler "api" is patched with:
      """yaml
      spec:
        behavior:
          scaleUp:
            stabilizationWindowSeconds: 0
            policies: [{type: Percent, value: 100, periodSeconds: 30}]
      """
    When the pods of Deployment "api" use 1000% CPU
    Then Deployment "api" has 4 ready replicas within 20 seconds
    And Deployment "api" matches:
      """yaml
      spec: {replicas: 4}
      """
    And Deployment "api" has 8 ready replicas within 40 seconds
    And Deployment "api" has 10 ready replicas within 40 seconds

  @sim-only @C001-310
  Scenario: the HPA owns the replica count: a manual scale below the minimum is undone at the next sync
    When "kubectl scale deployment api --replicas=1" is run
    Then Deployment "api" has 2 ready replicas within 1 minute
    And Deployment "api" matches:
      """yaml
      spec: {replicas: 2}
      """

  @sim-only @C001-311
  Scenario: kubectl get hpa shows the target against the usage, and the bounds
    When the pods of Deployment "api" use 100% CPU
    And Deployment "api" has 4 ready replicas within 1 minute
    Then "kubectl get hpa api" prints:
      """
      NAME   REFERENCE        TARGETS         MINPODS   MAXPODS   REPLICAS   AGE
      api    Deployment/api   cpu: 100%/50%   2         10        *          *
      """

  @portable @C001-312 @kubernetes-1.36-
  Scenario: minReplicas must be at least 1 and not above maxReplicas
    Then the following manifest is rejected with "spec.minReplicas: Invalid value: 0: must be greater than or equal to 1":
      """yaml
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: zero}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        minReplicas: 0
        maxReplicas: 3
      """
    And the following manifest is rejected with "spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`":
      """yaml
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: inverted}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        minReplicas: 5
        maxReplicas: 2
      """

  # 1.37 (HPAScaleToZero) takes minReplicas 0 when an Object or External metric can bring it back.
  @portable @C001-312 @kubernetes-1.37
  Scenario: minReplicas 0 needs an Object or External metric, and may not be above maxReplicas
    Then the following manifest is rejected with "spec.metrics: Forbidden: must specify at least one Object or External metric to support scaling to zero replicas":
      """yaml
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: zero}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        minReplicas: 0
        maxReplicas: 3
      """
    And the following manifest is rejected with "spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`":
      """yaml
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: inverted}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
        minReplicas: 5
        maxReplicas: 2
      """

  @sim-only @C001-305
  Scenario: pods without a cpu request give the HPA no utilization to act on
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: unrequested}
      spec:
        replicas: 2
        selector:
          matchLabels: {app: unrequested}
        template:
          metadata:
            labels: {app: unrequested}
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """
    And Deployment "unrequested" is rolled out within 1 minute
    And the following manifest is applied:
      """yaml
      apiVersion: autoscaling/v2
      kind: HorizontalPodAutoscaler
      metadata: {name: unrequested}
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: unrequested}
        minReplicas: 2
        maxReplicas: 10
        metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 50}
      """
    When the pods of Deployment "unrequested" use 500% CPU
    Then HorizontalPodAutoscaler "unrequested" has condition ScalingActive=False with reason FailedGetResourceMetric within 1 minute
    And Deployment "unrequested" has 2 ready replicas
