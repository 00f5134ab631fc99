@security @pod-security
Feature: Pod Security admission
  A namespace labelled pod-security.kubernetes.io/enforce=<level> refuses pods that violate the
  Pod Security Standard at that level, listing every violation (reference/api-machinery.md §9).

  @portable @C001-291
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

  @portable @C001-293 @C001-288
  Scenario: a pod that meets the restricted standard is admitted; pod-level settings cover every container
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
              capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}
          - name: helper
            image: registry.k8s.io/pause:3.10
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
      """
    Then pod "hardened" is Running within 1 minute

  @portable @C001-236 @C001-290
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

  @portable @C001-292
  Scenario: runAsUser 1000 alone does not satisfy restricted: runAsNonRoot must be set
    Given the scenario's namespace enforces pod security "restricted"
    Then the following manifest is rejected with "violates PodSecurity \"restricted:latest\": runAsNonRoot != true (pod or container \"app\" must set securityContext.runAsNonRoot=true)":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: security-pod}
      spec:
        securityContext:
          runAsUser: 1000
          runAsGroup: 3000
          fsGroup: 2000
          seccompProfile: {type: RuntimeDefault}
        containers:
          - name: app
            image: busybox:1.36
            command: [sh, -c, "sleep 3600"]
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
      """

  @portable @C001-284
  Scenario: a container's securityContext overrides the pod's for that container
    Given the scenario's namespace enforces pod security "restricted"
    Then the following manifest is rejected with "runAsNonRoot != true (container \"legacy\" must not set securityContext.runAsNonRoot=false)":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: mixed}
      spec:
        securityContext:
          runAsNonRoot: true
          seccompProfile: {type: RuntimeDefault}
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
          - name: legacy
            image: registry.k8s.io/pause:3.10
            securityContext:
              runAsNonRoot: false
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
      """

  @portable @C001-290
  Scenario: the privileged level allows everything, the baseline level refuses a privileged container
    Given the scenario's namespace enforces pod security "privileged"
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: anything-goes}
      spec:
        hostNetwork: true
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            securityContext: {privileged: true}
      """
    Then pod "anything-goes" is Running within 1 minute
    Given the scenario's namespace enforces pod security "baseline"
    Then the following manifest is rejected with "violates PodSecurity \"baseline:latest\": privileged (container \"app\" must not set securityContext.privileged=true)":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: privileged}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            securityContext: {privileged: true}
      """

  @portable @C001-296
  Scenario: enforcing a level on a namespace leaves its running pods alone
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: old-root}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            securityContext: {privileged: true}
      """
    And pod "old-root" is Running within 1 minute
    When the scenario's namespace enforces pod security "restricted"
    And 1 minute passes
    Then pod "old-root" is Running

  @portable @C001-289
  Scenario: PodSecurityPolicy is gone since v1.25
    Then the following manifest is rejected with "no matches for kind \"PodSecurityPolicy\" in version \"policy/v1beta1\"":
      """yaml
      apiVersion: policy/v1beta1
      kind: PodSecurityPolicy
      metadata: {name: restricted}
      spec:
        privileged: false
        seLinux: {rule: RunAsAny}
        runAsUser: {rule: MustRunAsNonRoot}
        supplementalGroups: {rule: RunAsAny}
        fsGroup: {rule: RunAsAny}
      """

  @portable @needs-kubelet @C004-127
  Scenario: the kubelet holds runAsNonRoot to the user a container will really run as
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: as-1000}
      spec:
        securityContext: {runAsNonRoot: true, runAsUser: 1000}
        containers: [{name: app, image: busybox:1.36, command: ["sleep", "3600"]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: image-root}
      spec:
        securityContext: {runAsNonRoot: true}
        containers: [{name: web, image: nginx:1.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: says-root}
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            securityContext: {runAsUser: 0}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: pause-user}
      spec:
        securityContext: {runAsNonRoot: true}
        containers: [{name: pause, image: registry.k8s.io/pause:3.10}]
      """
    Then pod "as-1000" is Running within 1 minute
    And pod "pause-user" is Running within 1 minute
    And pod "image-root" has a Failed event saying "container has runAsNonRoot and image will run as root" within 1 minute
    # The kubelet records the event inside the pod's sync; its status manager posts the waiting
    # reason afterwards, on its own (status_manager.go syncBatch), so a reader may see the event first.
    And pod "image-root" matches within 30 seconds:
      """yaml
      status:
        containerStatuses:
          - name: web
            state:
              waiting: {reason: CreateContainerConfigError}
      """
    And pod "says-root" has a Failed event saying "container's runAsUser breaks non-root policy" within 1 minute

  @portable @C001-294
  Scenario: the warn level admits a violating pod and says what it would violate
    Given the scenario's namespace warns about pod security "baseline"
    Then "kubectl run web --image=registry.k8s.io/pause:3.10 --privileged" warns "would violate PodSecurity \"baseline:latest\": privileged (container \"web\" must not set securityContext.privileged=true)"
    And pod "web" exists
    And "kubectl run quiet --image=registry.k8s.io/pause:3.10" gives no warning

  @portable @C001-295
  Scenario: an enforce level warns about a Deployment's pod template at once; its ReplicaSet is refused later
    Given the scenario's namespace enforces pod security "restricted"
    Then "kubectl create deployment api --image=registry.k8s.io/pause:3.10" warns "would violate PodSecurity \"restricted:latest\": allowPrivilegeEscalation != false (container \"pause\" must set securityContext.allowPrivilegeEscalation=false)"
    And ReplicaSet pods of Deployment "api" fail with "violates PodSecurity \"restricted:latest\"" within 30s

  @portable @C001-296
  Scenario: raising the enforce level names the pods already there that it would refuse
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: root-a}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10, securityContext: {privileged: true}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: root-b}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10, securityContext: {privileged: true}}]
      """
    Then "kubectl label namespace ${namespace} pod-security.kubernetes.io/enforce=baseline" warns "existing pods in namespace \"${namespace}\" violate the new PodSecurity enforce level \"baseline:latest\""
    And "kubectl label namespace ${namespace} pod-security.kubernetes.io/enforce=restricted --overwrite" warns "root-a (and 1 other pod): privileged, allowPrivilegeEscalation != false, unrestricted capabilities, runAsNonRoot != true, seccompProfile"
    And pod "root-a" exists
