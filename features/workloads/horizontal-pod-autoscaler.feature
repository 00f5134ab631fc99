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

  @sim-only
  Scenario: usage within the 10% tolerance changes nothing
    When the pods of Deployment "api" use 54% CPU
    And 2 minutes pass
    Then Deployment "api" has 2 ready replicas

  @sim-only
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
