@kubectl
Feature: Labels with kubectl
  The real kubectl against the scenario's cluster: label, list by selector, show labels as
  columns. kubectl's own rules (such as --overwrite) are kubectl's.

  Background:
    Given a cluster with 1 worker node

  @portable @C002-019 @C002-020 @C003-007 @C002-024 @C002-025 @C003-006
  Scenario: labelling a pod, overwriting a value, removing a key
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {app: web, env: prod}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    And pod "web" is Running within 1 minute
    When "kubectl label pod web tier=frontend" is run
    Then "kubectl label pod web env=staging" fails with "'env' already has a value (prod), and --overwrite is false"
    When "kubectl label pod web env=staging --overwrite" is run
    Then "kubectl get pods -L app,env" prints:
      """
      NAME   READY   STATUS    RESTARTS   AGE   APP   ENV
      web    1/1     Running   0          *     web   staging
      """
    And "kubectl get pods --show-labels" prints:
      """
      NAME   READY   STATUS    RESTARTS   AGE   LABELS
      web    1/1     Running   0          *     app=web,env=staging,tier=frontend
      """
    When "kubectl label pod web tier-" is run
    Then pod "web" matches:
      """yaml
      metadata:
        labels: {app: web, env: staging}
      """

  @portable @C002-026 @C002-021 @C002-027
  Scenario: listing by label selector: a key with a value, or just the key
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: a
        labels: {foo: bar, tier: web}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: b
        labels: {foo: baz}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: c
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    And there are 3 Running pods within 1 minute
    Then "kubectl get pods -l foo=bar -o name" prints:
      """
      pod/a
      """
    And "kubectl get pods -l foo -o name" prints:
      """
      pod/a
      pod/b
      """
    And "kubectl get pods -l !foo -o name" prints:
      """
      pod/c
      """
    And "kubectl get pods -l foo,tier=web -o name" prints:
      """
      pod/a
      """

  @portable @C002-023 @C001-059 @C001-064
  Scenario: kubectl run makes a bare pod labelled run=<name>
    When "kubectl run nginx-pod --image=nginx:1.27 --restart=Never" is run
    Then pod "nginx-pod" is Running within 1 minute
    And pod "nginx-pod" matches:
      """yaml
      metadata:
        labels: {run: nginx-pod}
      spec:
        restartPolicy: Never
        containers:
          - {name: nginx-pod, image: "nginx:1.27"}
      """
    And Pod "nginx-pod" is not owned by anything
    And there are no Deployments

  @portable @C002-022
  Scenario: kubectl refuses a label value that is not a valid label
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    Then "kubectl label pod web env=-bad-" fails with "a valid label must be an empty string or consist of alphanumeric characters"
