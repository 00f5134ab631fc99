@api @versions
Feature: Whether a pod template's metadata shows creationTimestamp null depends on the Kubernetes version
  Nobody stores a pod template, so its metadata.creationTimestamp is zero. Up to 1.33 the API
  server writes a zero creationTimestamp as null (metav1.Time tagged omitempty, which Go's JSON
  encoder never omits for a struct; k8s.io/apimachinery v0.32.13 pkg/apis/meta/v1/types.go); from
  1.34 the field is tagged omitzero and left out (apimachinery v0.34.4 types.go:188; CHANGELOG-1.34
  #130989; data: api.metadata.nullCreationTimestamp). kubectl prints what the server sent.

  Background:
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """

  @portable @kubernetes-1.34+
  Scenario: from 1.34 a template's metadata has no creationTimestamp
    Then "kubectl get deployment web -o jsonpath={.spec.template.metadata}" prints:
      """
      {"labels":{"app":"web"}}
      """

  @portable @kubernetes-1.33-
  Scenario: up to 1.33 a template's metadata says creationTimestamp null
    Then "kubectl get deployment web -o jsonpath={.spec.template.metadata}" prints:
      """
      {"creationTimestamp":null,"labels":{"app":"web"}}
      """
