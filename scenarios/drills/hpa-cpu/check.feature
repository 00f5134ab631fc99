Feature: Autoscale on CPU

  Scenario: the autoscaler targets the api Deployment
    Then HorizontalPodAutoscaler "api" matches:
      """yaml
      spec:
        scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: api}
      """

  Scenario: it keeps 2 to 8 replicas at 60% CPU
    Then HorizontalPodAutoscaler "api" matches:
      """yaml
      spec:
        minReplicas: 2
        maxReplicas: 8
        metrics:
          - type: Resource
            resource:
              name: cpu
              target: {type: Utilization, averageUtilization: 60}
      """
