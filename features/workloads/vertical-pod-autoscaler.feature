@workloads @autoscaling
Feature: The Vertical Pod Autoscaler recommends requests from usage and applies them by mode
  The recommender turns measured usage into a target per container (usage × 1.15 here); Off
  only records it, Initial applies it to pods as they are created, Recreate (and Auto) also has
  the updater evict running pods whose requests are off the target, so their replacements get it.

  Background:
    Given a cluster with 2 worker nodes
    And the Vertical Pod Autoscaler is installed
    And the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: watched}
      spec:
        replicas: 2
        selector: {matchLabels: {app: watched}}
        template:
          metadata: {labels: {app: watched}}
          spec:
            containers:
              - {name: app, image: nginx:1.27, resources: {requests: {cpu: 100m, memory: 128Mi}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: fresh}
      spec:
        replicas: 2
        selector: {matchLabels: {app: fresh}}
        template:
          metadata: {labels: {app: fresh}}
          spec:
            containers:
              - {name: app, image: nginx:1.27, resources: {requests: {cpu: 100m, memory: 128Mi}}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: resized}
      spec:
        replicas: 2
        selector: {matchLabels: {app: resized}}
        template:
          metadata: {labels: {app: resized}}
          spec:
            containers:
              - {name: app, image: nginx:1.27, resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: 200m, memory: 256Mi}}}
      ---
      apiVersion: autoscaling.k8s.io/v1
      kind: VerticalPodAutoscaler
      metadata: {name: watched}
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: watched}
        updatePolicy: {updateMode: "Off"}
      ---
      apiVersion: autoscaling.k8s.io/v1
      kind: VerticalPodAutoscaler
      metadata: {name: fresh}
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: fresh}
        updatePolicy: {updateMode: Initial}
      ---
      apiVersion: autoscaling.k8s.io/v1
      kind: VerticalPodAutoscaler
      metadata: {name: resized}
      spec:
        targetRef: {apiVersion: apps/v1, kind: Deployment, name: resized}
        updatePolicy: {updateMode: Recreate}
        resourcePolicy:
          containerPolicies:
            - {containerName: app, maxAllowed: {cpu: 300m}}
      """
    And Deployment "watched" is rolled out within 1 minute
    And Deployment "fresh" is rolled out within 1 minute
    And Deployment "resized" is rolled out within 1 minute

  @sim-only @C001-314
  Scenario: Off records, Initial sets requests of new pods, Recreate evicts pods to apply them
    When the pods of Deployment "watched" use "400m" CPU
    And the pods of Deployment "watched" use "384Mi" memory
    And the pods of Deployment "fresh" use "400m" CPU
    And the pods of Deployment "fresh" use "384Mi" memory
    And the pods of Deployment "resized" use "400m" CPU
    And the pods of Deployment "resized" use "384Mi" memory
    And 1 minute passes
    Then VerticalPodAutoscaler "watched" matches:
      """yaml
      status:
        conditions: [{type: RecommendationProvided, status: "True"}]
        recommendation:
          containerRecommendations:
            - {containerName: app, target: {cpu: 460m, memory: 442Mi}}
      """
    And VerticalPodAutoscaler "resized" matches:
      """yaml
      status:
        recommendation:
          containerRecommendations:
            - {containerName: app, target: {cpu: 230m, memory: 442Mi}, uncappedTarget: {cpu: 230m}}
      """
    When 5 minutes pass
    Then "kubectl get pods -l app=watched -o jsonpath={.items[*].spec.containers[0].resources.requests.cpu}" prints "100m 100m"
    And "kubectl get pods -l app=fresh -o jsonpath={.items[*].spec.containers[0].resources.requests.cpu}" prints "100m 100m"
    And "kubectl get pods -l app=resized -o jsonpath={.items[*].spec.containers[0].resources.requests.cpu}" prints "300m 300m"
    And "kubectl get pods -l app=resized -o jsonpath={.items[*].spec.containers[0].resources.limits.cpu}" prints "600m 600m"
    And VerticalPodAutoscaler "resized" matches:
      """yaml
      status:
        recommendation:
          containerRecommendations:
            - {containerName: app, target: {cpu: 300m, memory: 442Mi}, uncappedTarget: {cpu: 460m}}
      """
    And "kubectl get pods -l app=resized -o jsonpath={.items[0].metadata.annotations.vpaUpdates}" prints "Pod resources updated by resized: container 0: cpu request, memory request"
    And "kubectl get events" prints:
      """
      *  Normal  EvictedByVPA  *  Pod was evicted by VPA Updater to apply resource recommendation.
      """
    When Deployment "fresh" is scaled to 3
    Then Deployment "fresh" is rolled out within 1 minute
    And "kubectl get pods -l app=fresh -o jsonpath={.items[*].spec.containers[0].resources.requests.memory}" prints a line matching "(128Mi )*442Mi( 128Mi)*"
