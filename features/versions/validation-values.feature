@workloads @versions
Feature: How a validation error prints a bad value that is a list, a map or an int-or-string
  Up to 1.33 the API server printed such a value with Go's %#v (`map[string]string{"app":"api"}`,
  `intstr.IntOrString{Type:0, IntVal:0, StrVal:""}`, `[]string{"10.0.0.1"}`); from 1.34 it prints
  JSON (`{"app":"api"}`, `0`, `["10.0.0.1"]`). Source: field.Error.ErrorBody in
  k8s.io/apimachinery@v0.32.13 and @v0.34.4 pkg/util/validation/field/errors.go (data:
  api.validation.nonScalarBadValue). A requested clusterIP outside the service range is also
  refused in other words from 1.33, when the ServiceCIDR allocator took over (data:
  api.service.clusterIPOutOfRange).

  @portable @kubernetes-1.33-
  Scenario: up to 1.33 a selector mismatch prints the template labels in Go syntax
    Then the following manifest is rejected with "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"api\"}: `selector` does not match template `labels`":
      """yaml
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: mismatch}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      """

  @portable @kubernetes-1.34+
  Scenario: from 1.34 a selector mismatch prints the template labels as JSON
    Then the following manifest is rejected with "spec.template.metadata.labels: Invalid value: {\"app\":\"api\"}: `selector` does not match template `labels`":
      """yaml
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: mismatch}
      spec:
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: api}}
          spec:
            containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      """

  @portable @kubernetes-1.33-
  Scenario: up to 1.33 a rolling update that cannot move prints maxUnavailable as a Go struct
    Then the following manifest is rejected with "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: may not be 0 when `maxSurge` is 0":
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

  @portable @kubernetes-1.34+
  Scenario: from 1.34 a rolling update that cannot move prints maxUnavailable as its number
    Then the following manifest is rejected with "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0":
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

  # The service range is the simulator's (kind's 10.96.0.0/12); a real cluster may have another.
  @sim-only @kubernetes-1.32
  Scenario: on 1.32 a clusterIP outside the service range is not in the valid range
    Then the following manifest is rejected with "spec.clusterIPs: Invalid value: []string{\"10.0.0.1\"}: failed to allocate IP 10.0.0.1: the provided IP (10.0.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: outside}
      spec:
        clusterIP: 10.0.0.1
        ports: [{port: 80}]
      """

  @sim-only @kubernetes-1.34+
  Scenario: from 1.34 a clusterIP outside every ServiceCIDR does not match the current range
    Then the following manifest is rejected with "spec.clusterIPs: Invalid value: [\"10.0.0.1\"]: failed to allocate IP 10.0.0.1: the provided network does not match the current range":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: outside}
      spec:
        clusterIP: 10.0.0.1
        ports: [{port: 80}]
      """
