@examples @manifests @kustomize @portable
Feature: A kustomize overlay as a scenario's input
  Teams ship a base and an overlay per environment (scenarios/kustomize/webapp). The step renders
  the overlay with kubectl's built-in kustomize, as `kubectl apply -k` does, and applies what it
  renders; its path is relative to this file. Copy the feature and point it at your overlay.

  Scenario: the staging overlay renders its own names, replicas and image
    Then the kustomization "../../scenarios/kustomize/webapp/overlays/staging" renders:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: staging-web
        labels: {environment: staging}
      spec:
        replicas: 3
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27
                envFrom:
                  - configMapRef: {name: staging-web-settings-47668c6k28}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: staging-web-settings-47668c6k28}
      data: {LOG_LEVEL: debug}
      """

  Scenario: the staging overlay rolls out
    Given a cluster with 2 worker nodes
    When the kustomization "../../scenarios/kustomize/webapp/overlays/staging" is applied
    Then Deployment "staging-web" is rolled out within 2 minutes
    And Deployment "staging-web" has 3 ready replicas
    And ConfigMap "staging-web-settings-47668c6k28" matches:
      """yaml
      data: {LOG_LEVEL: debug}
      """
