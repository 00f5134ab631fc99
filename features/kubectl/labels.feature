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
