@workloads @deployment
Feature: Deployment rollouts
  A Deployment runs its pods through ReplicaSets named after the pod template's hash. A template
  change starts a new ReplicaSet and moves pods over within maxSurge and maxUnavailable
  (reference/workloads.md §2).

  Background:
    Given a cluster with 3 worker nodes

  @portable @C001-006
  Scenario: a Deployment creates one ReplicaSet, which creates the pods
    Given a Deployment "api" with 3 replicas
    Then Deployment "api" is rolled out within 2 minutes
    And there are 3 Running pods labelled "app=api"
    And Deployment "api" is at revision 1
    And Deployment "api" matches:
      """yaml
      status:
        replicas: 3
        updatedReplicas: 3
        availableReplicas: 3
        conditions:
          - type: Available
            status: "True"
            reason: MinimumReplicasAvailable
          - type: Progressing
            status: "True"
            reason: NewReplicaSetAvailable
      """

  @portable @C001-132 @C001-134 @C001-010 @C002-140 @C002-149 @C004-021 @C004-027
  Scenario: an image change rolls out with the default 25% surge, never below the replica count
    Given a Deployment "api" with 3 replicas
    And Deployment "api" is rolled out within 2 minutes
    When Deployment "api" is updated to image "nginx:1.27"
    Then Deployment "api" rolls out within 3 minutes with at most 4 pods and at least 3 available
    And Deployment "api" is at revision 2
    And there are 3 Running pods labelled "app=api"

  @portable @C001-133 @C002-142 @C002-148
  Scenario: scaling alone makes no new revision
    Given a Deployment "api" with 2 replicas
    And Deployment "api" is rolled out within 2 minutes
    When Deployment "api" is scaled to 5
    Then Deployment "api" is rolled out within 2 minutes
    And Deployment "api" is at revision 1
    And there are 5 Running pods labelled "app=api"

  @portable @C001-139 @C002-144 @C002-146 @C004-022
  Scenario: rolling back restores the previous template as a new revision
    Given a Deployment "api" with 2 replicas
    And Deployment "api" is rolled out within 2 minutes
    And Deployment "api" is updated to image "nginx:1.27"
    And Deployment "api" is rolled out within 2 minutes
    When Deployment "api" is rolled back
    Then Deployment "api" is rolled out within 2 minutes
    And Deployment "api" is at revision 3
    And Deployment "api" matches:
      """yaml
      spec:
        template:
          spec:
            containers:
              - name: app
                image: registry.k8s.io/nginx-slim:0.27
      """

  @portable @needs-kubelet @C001-143 @C001-010 @C002-152 @C004-023
  Scenario: a rollout stuck on an image that cannot be pulled reports ProgressDeadlineExceeded and is not rolled back
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: api
      spec:
        replicas: 2
        progressDeadlineSeconds: 60
        selector:
          matchLabels: {app: api}
        template:
          metadata:
            labels: {app: api}
          spec:
            containers:
              - name: app
                image: registry.k8s.io/nginx-slim:0.27
      """
    And Deployment "api" is rolled out within 2 minutes
    When Deployment "api" is updated to image "registry.k8s.io/nginx-slim:does-not-exist"
    Then Deployment "api" has condition Progressing=False with reason ProgressDeadlineExceeded within 3 minutes
    And there are 2 Running pods labelled "app=api"
    And Deployment "api" is at revision 2

  @portable @C002-150 @C001-137
  Scenario: Recreate stops every old pod before the first new one is created
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: batchy}
      spec:
        replicas: 2
        strategy: {type: Recreate}
        selector:
          matchLabels: {app: batchy}
        template:
          metadata:
            labels: {app: batchy}
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.26}]
      """
    And Deployment "batchy" is rolled out within 2 minutes
    When Deployment "batchy" is updated to image "registry.k8s.io/nginx-slim:0.27"
    Then Deployment "batchy" rolls out within 3 minutes with at most 2 pods and at least 0 available
    And Deployment "batchy" is at revision 2

  @portable @C002-151 @C001-136
  Scenario: a strategy that contradicts itself or cannot move is refused
    Then the following manifest is rejected with "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'":
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: confused}
      spec:
        strategy:
          type: Recreate
          rollingUpdate: {maxSurge: 1}
        selector:
          matchLabels: {app: confused}
        template:
          metadata:
            labels: {app: confused}
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """
    # How the bad value is printed depends on the version: features/versions/validation-values.feature.
    And the following manifest is rejected with "may not be 0 when `maxSurge` is 0":
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: frozen}
      spec:
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 0, maxUnavailable: 0}
        selector:
          matchLabels: {app: frozen}
        template:
          metadata:
            labels: {app: frozen}
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """


  @portable @needs-kubelet @C004-024 @C004-026
  Scenario: maxSurge 2 and maxUnavailable 1 over 5 replicas: never more than 7 pods, never fewer than 4 available
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: nginx-deployment}
      spec:
        replicas: 5
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 2, maxUnavailable: 1}
        selector:
          matchLabels: {app: nginx}
        template:
          metadata:
            labels: {app: nginx}
          spec:
            containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.26
                readinessProbe:
                  httpGet: {path: /, port: 80}
                  initialDelaySeconds: 5
                  periodSeconds: 5
      """
    And Deployment "nginx-deployment" is rolled out within 2 minutes
    When Deployment "nginx-deployment" is updated to image "registry.k8s.io/nginx-slim:0.27"
    Then Deployment "nginx-deployment" rolls out within 3 minutes with at most 7 pods and at least 4 available
    And there are 5 Running pods labelled "app=nginx"
    And Deployment "nginx-deployment" has a ScalingReplicaSet event saying "from 0 to 2"
    And Deployment "nginx-deployment" has a ScalingReplicaSet event saying "from 5 to 4"
    And "kubectl get replicasets -l app=nginx -o jsonpath={.items[*].status.replicas}" prints a line matching "5 0|0 5"

  @portable @needs-kubelet @C001-135 @C001-317
  Scenario: maxSurge 1 and maxUnavailable 1 over 3 replicas keep between 2 and 4 pods
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: myapp}
      spec:
        replicas: 3
        strategy:
          rollingUpdate: {maxSurge: 1, maxUnavailable: 1}
        selector:
          matchLabels: {app: myapp}
        template:
          metadata:
            labels: {app: myapp}
          spec:
            containers:
              - name: app
                image: registry.k8s.io/nginx-slim:0.26
                readinessProbe:
                  httpGet: {path: /, port: 80}
                  periodSeconds: 5
      """
    And Deployment "myapp" is rolled out within 2 minutes
    Then Deployment "myapp" matches:
      """yaml
      spec:
        strategy: {type: RollingUpdate}
      """
    When Deployment "myapp" is updated to image "registry.k8s.io/nginx-slim:0.27"
    Then Deployment "myapp" rolls out within 3 minutes with at most 4 pods and at least 2 available

  @portable @C000-139 @C001-007 @C001-320
  Scenario: an apps/v1 Deployment needs a selector
    Then the following manifest is rejected with "spec.selector: Required value":
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: myapp-blue}
      spec:
        replicas: 3
        template:
          metadata:
            labels: {app: myapp, version: blue}
          spec:
            containers: [{name: myapp, image: "myapp:blue"}]
      """
