@api @versions
Feature: Which kinds the API server serves depends on the Kubernetes version
  MutatingAdmissionPolicy and its binding went GA in 1.36 and are served in
  admissionregistration.k8s.io/v1 from then on (k8s.io/api@v0.36.3 admissionregistration/v1
  register.go, gate MutatingAdmissionPolicy GA on in 1.36, CHANGELOG-1.36 #136039; data:
  ADDED_KINDS in src/kube/kubernetes-versions/served-apis.ts). Before, the API server does not know
  the kind in v1. The simulator stores such a policy but applies no mutation.

  @portable @kubernetes-1.36+
  Scenario: from 1.36 a MutatingAdmissionPolicy in admissionregistration.k8s.io/v1 is accepted
    When the following manifest is applied:
      """yaml
      apiVersion: admissionregistration.k8s.io/v1
      kind: MutatingAdmissionPolicy
      metadata: {name: label-configmaps}
      spec:
        matchConstraints:
          resourceRules:
            - apiGroups: [""]
              apiVersions: [v1]
              operations: [CREATE]
              resources: [configmaps]
        failurePolicy: Fail
        reinvocationPolicy: Never
        mutations:
          - patchType: ApplyConfiguration
            applyConfiguration:
              expression: 'Object{metadata: Object.metadata{labels: {"mutated": "true"}}}'
      """
    Then "kubectl get mutatingadmissionpolicies -o name" prints:
      """
      mutatingadmissionpolicy.admissionregistration.k8s.io/label-configmaps
      """

  @portable @kubernetes-1.35-
  Scenario: up to 1.35 admissionregistration.k8s.io/v1 has no MutatingAdmissionPolicy
    Then the following manifest is rejected with "no matches for kind \"MutatingAdmissionPolicy\" in version \"admissionregistration.k8s.io/v1\"":
      """yaml
      apiVersion: admissionregistration.k8s.io/v1
      kind: MutatingAdmissionPolicy
      metadata: {name: label-configmaps}
      spec:
        matchConstraints:
          resourceRules:
            - apiGroups: [""]
              apiVersions: [v1]
              operations: [CREATE]
              resources: [configmaps]
        failurePolicy: Fail
        reinvocationPolicy: Never
        mutations:
          - patchType: ApplyConfiguration
            applyConfiguration:
              expression: 'Object{metadata: Object.metadata{labels: {"mutated": "true"}}}'
      """
