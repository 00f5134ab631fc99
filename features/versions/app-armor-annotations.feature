@security @versions
Feature: Whether a pod's AppArmor profile is copied into the deprecated annotations depends on the Kubernetes version
  Up to 1.33 the API server copies each container's securityContext.appArmorProfile (or the
  pod's) into a container.apparmor.security.beta.kubernetes.io/<container> annotation when the pod
  is created, for nodes older than the field; from 1.34 it no longer does (k8s.io/kubernetes
  v1.32.13 and v1.34.4 pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew; CHANGELOG-1.34
  #131989; data: api.pod.appArmorAnnotationsCopied). An annotation without a field still becomes
  the field, with a deprecation warning, in every release.

  Background:
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: confined}
      spec:
        nodeSelector: {example.com/never: "true"}
        securityContext:
          appArmorProfile: {type: RuntimeDefault}
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """

  @portable @kubernetes-1.34+
  Scenario: from 1.34 the profile stays in the field only
    Then "kubectl get pod confined -o custom-columns=ANNOTATION:.metadata.annotations.container\.apparmor\.security\.beta\.kubernetes\.io/app" prints:
      """
      ANNOTATION
      <none>
      """

  @portable @kubernetes-1.33-
  Scenario: up to 1.33 the profile is copied into the container's annotation
    Then "kubectl get pod confined -o custom-columns=ANNOTATION:.metadata.annotations.container\.apparmor\.security\.beta\.kubernetes\.io/app" prints:
      """
      ANNOTATION
      runtime/default
      """

  @portable
  Scenario: an annotation without a field becomes the field, with a deprecation warning
    Then "kubectl run annotated --image=registry.k8s.io/pause:3.10 --annotations=container.apparmor.security.beta.kubernetes.io/annotated=localhost/k8s-app" warns "metadata.annotations[container.apparmor.security.beta.kubernetes.io/annotated]: deprecated since v1.30; use the \"appArmorProfile\" field instead"
    And pod "annotated" matches:
      """yaml
      spec:
        containers:
          - name: annotated
            securityContext:
              appArmorProfile: {type: Localhost, localhostProfile: k8s-app}
      """
