@security @pod-security
Feature: Pod Security admission
  A namespace labelled pod-security.kubernetes.io/enforce=<level> refuses pods that violate the
  Pod Security Standard at that level, listing every violation (reference/api-machinery.md §9).

  @portable @C001-295
  Scenario: a restricted namespace refuses a privileged pod with every reason
    Given the scenario's namespace enforces pod security "restricted"
    Then the following manifest is rejected with "pods \"root\" is forbidden: violates PodSecurity \"restricted:latest\": privileged (container \"app\" must not set securityContext.privileged=true), allowPrivilegeEscalation != false (container \"app\" must set securityContext.allowPrivilegeEscalation=false), unrestricted capabilities (container \"app\" must set securityContext.capabilities.drop=[\"ALL\"]), runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true), seccompProfile (pod or container \"app\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: root}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            securityContext: {privileged: true}
      """

  @portable
  Scenario: a pod that meets the restricted standard is admitted
    Given the scenario's namespace enforces pod security "restricted"
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: hardened}
      spec:
        securityContext:
          runAsNonRoot: true
          runAsUser: 1000
          seccompProfile: {type: RuntimeDefault}
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
      """
    Then pod "hardened" is Running within 1 minute

  @portable
  Scenario: baseline allows ordinary pods but not host namespaces or hostPath
    Given the scenario's namespace enforces pod security "baseline"
    Then the following manifest is rejected with "violates PodSecurity \"baseline:latest\": host namespaces (hostNetwork=true), hostPath volumes (volume \"root\")":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: hosty}
      spec:
        hostNetwork: true
        volumes:
          - {name: root, hostPath: {path: /}}
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: ordinary}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """
    Then pod "ordinary" is Running within 1 minute

  @portable @C001-295
  Scenario: a Deployment is accepted but its ReplicaSet cannot create the pods
    Given the scenario's namespace enforces pod security "restricted"
    When a Deployment "api" with 2 replicas
    Then ReplicaSet pods of Deployment "api" fail with "violates PodSecurity" within 30s
