@workloads
Feature: Who owns which pods
  Controllers find their pods by label selector alone and mark them with ownerReferences: a
  Deployment owns one ReplicaSet per template (named with its pod-template-hash), which owns
  its pods; a ReplicaSet adopts matching orphans. The API server holds every selector to its
  template's labels (pkg/controller/replicaset, pkg/apis/apps/validation).

  Background:
    Given a cluster with 2 worker nodes

  @portable @C002-139 @C004-020
  Scenario: Deployment, ReplicaSet and pods are chained by ownerReferences and the template hash
    When a Deployment "web" with 2 replicas
    Then Deployment "web" is rolled out within 1 minute
    And "kubectl get replicasets -l app=web -o jsonpath={.items[*].metadata.ownerReferences[0].name}" prints "web"
    And "kubectl get pods -l app=web -o jsonpath={.items[*].metadata.ownerReferences[0].kind}" prints "ReplicaSet ReplicaSet"
    And "kubectl get pods -l app=web,pod-template-hash -o name" prints a line matching "pod/web-[a-z0-9]+-[a-z0-9]{5}"
    And "kubectl get replicasets -l app=web -o jsonpath={.items[0].spec.selector.matchLabels}" prints a line matching "\{\"app\":\"web\",\"pod-template-hash\":\"[a-z0-9]+\"\}"

  @portable @C003-003 @C001-129
  Scenario: a ReplicaSet adopts the orphans its whole selector matches, and counts them
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: stray-staging
        labels: {app: web, version: v1, environment: staging}
      spec:
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: stray-dev
        labels: {app: web, version: v1, environment: dev}
      spec:
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      """
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: web}
      spec:
        replicas: 3
        selector:
          matchLabels: {app: web, version: v1}
          matchExpressions:
            - {key: environment, operator: In, values: [production, staging]}
        template:
          metadata:
            labels: {app: web, version: v1, environment: production}
          spec:
            containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      """
    Then ReplicaSet "web" has 3 ready replicas within 1 minute
    And there are 3 Running pods labelled "app=web,environment in (production,staging)"
    And "kubectl get pod stray-staging -o jsonpath={.metadata.ownerReferences[0].name}" prints "web"
    And Pod "stray-dev" is not owned by anything

  @portable @C002-133 @C002-168
  Scenario: a selector must match its template's labels; the object's own labels play no part
    # How the bad labels are printed depends on the version: features/versions/validation-values.feature.
    Then the following manifest is rejected with "`selector` does not match template `labels`":
      """yaml
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: mismatch}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web, tier: frontend}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      """
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: nginx
        labels: {app: nginx}
      spec:
        selector: {matchLabels: {name: nginx}}
        template:
          metadata: {labels: {name: nginx}}
          spec:
            containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.27}]
      """
    Then there are 2 Running pods labelled "name=nginx" within 1 minute
    And there are 0 Running pods labelled "app=nginx"

  @portable @C001-038 @C002-003 @C001-043 @C002-002
  Scenario: controllers in kube-controller-manager keep correcting the difference between desired and observed
    When a Deployment "web" with 3 replicas
    And the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: agent}
      spec:
        selector: {matchLabels: {app: agent}}
        template:
          metadata: {labels: {app: agent}}
          spec:
            containers: [{name: agent, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: once}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers: [{name: c, image: busybox:1.36, command: ["sh", "-c", "sleep 2"]}]
      """
    Then there are 3 Running pods labelled "app=web" within 1 minute
    And Deployment "web" matches within 1 minute:
      """yaml
      status: {replicas: 3, readyReplicas: 3}
      """
    When the oldest pod labelled "app=web" is deleted
    Then there are 3 Running pods labelled "app=web" within 1 minute
    And Job "once" completes within 1 minute
    And "kubectl get events -o jsonpath={.items[*].source.component}" prints a line matching ".*\bdeployment-controller\b.*"
    And "kubectl get events -o jsonpath={.items[*].source.component}" prints a line matching ".*\breplicaset-controller\b.*"
    And "kubectl get events -o jsonpath={.items[*].source.component}" prints a line matching ".*\bdaemonset-controller\b.*"
    And "kubectl get events -o jsonpath={.items[*].source.component}" prints a line matching ".*\bjob-controller\b.*"
    And "kubectl get deployment web -o jsonpath={.metadata.uid}" prints a line matching "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
