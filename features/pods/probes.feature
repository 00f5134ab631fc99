@pods @probes
Feature: Startup, liveness and readiness probes
  Probes run at start + initialDelaySeconds + k × periodSeconds; failureThreshold consecutive
  failures make a container unready (readiness) or get it killed and restarted (liveness,
  startup); readiness and liveness wait for the startup probe (reference/kubelet.md §4). What the
  application answers comes from the `kubespec.io/behavior.<container>` annotation.

  Background:
    Given a cluster with 1 worker node

  @sim-only @C003-054 @C003-057 @C003-050
  Scenario: readiness follows the probe grid
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        annotations:
          kubespec.io/behavior.web: "run forever, ready after 12s, unhealthy after 40s"
      spec:
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
            readinessProbe:
              httpGet: {path: /ready, port: 80}
              initialDelaySeconds: 5
              periodSeconds: 5
      """
    Then pod "web" is Running within 1 minute
    And pod "web" has condition Ready=False with reason ContainersNotReady
    And pod "web" is ready within 30s
    And pod "web" has condition Ready=False with reason ContainersNotReady within 1 minute
    And pod "web" matches:
      """yaml
      status:
        containerStatuses:
          - name: web
            ready: false
            restartCount: 0
      """

  @sim-only @C003-043 @C003-055 @C003-048 @C002-058 @C001-009
  Scenario: a failing liveness probe restarts the container after three failures
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: liveness
        annotations:
          kubespec.io/behavior.app: "run forever, unhealthy after 25s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/busybox:1.36
            args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 25; rm -f /tmp/healthy; sleep 600"]
            livenessProbe:
              exec: {command: [cat, /tmp/healthy]}
      """
    Then pod "liveness" has a Killing event saying "Container app failed liveness probe, will be restarted" within 2 minutes
    And pod "liveness" matches within 10s:
      """yaml
      status:
        containerStatuses:
          - name: app
            restartCount: 1
      """

  @sim-only @C003-041 @C003-051 @C001-087
  Scenario: a startup probe holds back the liveness probe of a slow starter
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow-start-app
        annotations:
          kubespec.io/behavior.app: "run forever, starts after 200s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            startupProbe:
              httpGet: {path: /healthz, port: 80}
              failureThreshold: 30
              periodSeconds: 10
            livenessProbe:
              httpGet: {path: /healthz, port: 80}
      """
    And 4 minutes pass
    Then pod "slow-start-app" is ready
    And pod "slow-start-app" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, started: true, restartCount: 0}
      """

  @sim-only @C003-042
  Scenario: a startup probe that never passes gets the container restarted
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: never-starts
        annotations:
          kubespec.io/behavior.app: "run forever, starts after 10m"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            startupProbe:
              httpGet: {path: /healthz, port: 80}
              failureThreshold: 3
              periodSeconds: 10
      """
    Then pod "never-starts" has a Killing event saying "Container app failed startup probe, will be restarted" within 1 minute

  @portable @C003-065
  Scenario: a plain init container may not have probes
    Then the following manifest is rejected with "spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: bad-init
      spec:
        initContainers:
          - name: setup
            image: registry.k8s.io/busybox:1.36
            readinessProbe: {exec: {command: ["true"]}}
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
      """

  @sim-only @C003-044 @C002-060 @C002-061
  Scenario: readiness decides whether a pod is a Service endpoint; failing it never restarts the container
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {app: web}
        annotations:
          kubespec.io/behavior.web: "run forever, ready after 20s, unhealthy after 60s"
      spec:
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
            ports: [{containerPort: 80}]
            readinessProbe:
              httpGet: {path: /ready, port: 80}
              periodSeconds: 5
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      """
    Then pod "web" is Running within 1 minute
    And service "web" has 0 ready endpoints
    And service "web" has 1 ready endpoint within 30s
    And service "web" has 0 ready endpoints within 1 minute
    And pod "web" is Running
    And pod "web" matches:
      """yaml
      status:
        containerStatuses:
          - {name: web, ready: false, restartCount: 0}
      """
