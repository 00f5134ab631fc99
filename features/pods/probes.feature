@pods @probes
Feature: Startup, liveness and readiness probes
  Probes run at start + initialDelaySeconds + k × periodSeconds; failureThreshold consecutive
  failures make a container unready (readiness) or get it killed and restarted (liveness,
  startup); readiness and liveness wait for the startup probe (reference/kubelet.md §4). What the
  application answers comes from the `kubespec.io/behavior.<container>` annotation, or from what
  the probe points at: the ports and paths an image's server has, the files a script touches.

  Background:
    Given a cluster with 1 worker node

  @sim-only
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

  @sim-only @C003-043 @C003-055 @C002-058 @C001-009 @C000-070
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

  @sim-only @C003-058 @C001-085 @C001-086 @C000-071
  Scenario: a pod whose exec readiness probe fails for a while leaves the endpoints and comes back, never restarted
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {app: web}
        annotations:
          kubespec.io/behavior.web: "run forever, unhealthy after 30s, healthy again after 90s"
      spec:
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
            readinessProbe:
              exec: {command: [cat, /tmp/ready]}
              periodSeconds: 5
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      """
    Then service "web" has 1 ready endpoint within 30s
    When 45 seconds pass
    Then service "web" has 0 ready endpoints
    And pod "web" has condition Ready=False with reason ContainersNotReady
    And pod "web" has a Unhealthy event saying "Readiness probe failed"
    When 1 minute passes
    Then service "web" has 1 ready endpoint
    And pod "web" is ready
    And pod "web" matches:
      """yaml
      status:
        containerStatuses:
          - {name: web, ready: true, restartCount: 0}
      """

  @sim-only @C001-083 @C001-084
  Scenario: liveness waits out initialDelaySeconds, then three failures restart the container, not the pod
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: app
        annotations:
          kubespec.io/behavior.app: "run forever, unhealthy after 0s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            livenessProbe:
              httpGet: {path: /healthz, port: 8080}
              initialDelaySeconds: 15
              periodSeconds: 20
      """
    Then pod "app" is Running within 30s
    When 50 seconds pass
    Then pod "app" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 0}
      """
    And pod "app" has a Killing event saying "Container app failed liveness probe, will be restarted" within 20s
    And pod "app" matches within 20s:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 1}
      """

  @sim-only @C003-052
  Scenario: without a startup probe, a slow starter is killed by liveness unless initialDelaySeconds covers its start
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: impatient
        annotations:
          kubespec.io/behavior.app: "run forever, unhealthy after 0s, healthy again after 60s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            livenessProbe:
              httpGet: {path: /healthz, port: 80}
              periodSeconds: 10
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: patient
        annotations:
          kubespec.io/behavior.app: "run forever, unhealthy after 0s, healthy again after 60s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            livenessProbe:
              httpGet: {path: /healthz, port: 80}
              initialDelaySeconds: 70
              periodSeconds: 10
      """
    When 5 minutes pass
    Then pod "impatient" has a Killing event saying "Container app failed liveness probe, will be restarted"
    And pod "patient" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, ready: true, restartCount: 0}
      """

  @sim-only @C001-088 @C003-060
  Scenario: a startup probe of 30 × 10s gives the app five minutes; readiness and liveness wait for it
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: production-app
        annotations:
          kubespec.io/behavior.app: "run forever, starts after 250s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            startupProbe:
              httpGet: {path: /healthz, port: 8080}
              failureThreshold: 30
              periodSeconds: 10
            livenessProbe:
              httpGet: {path: /healthz, port: 8080}
              periodSeconds: 15
              timeoutSeconds: 3
            readinessProbe:
              httpGet: {path: /ready, port: 8080}
              periodSeconds: 5
              timeoutSeconds: 2
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: too-slow
        annotations:
          kubespec.io/behavior.app: "run forever, starts after 400s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            startupProbe:
              httpGet: {path: /healthz, port: 8080}
              failureThreshold: 30
              periodSeconds: 10
      """
    When 4 minutes pass
    Then pod "production-app" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, started: false, ready: false, restartCount: 0}
      """
    When 1 minute passes
    Then pod "production-app" is ready
    And pod "too-slow" has a Killing event saying "Container app failed startup probe, will be restarted"
    And pod "production-app" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, started: true, ready: true, restartCount: 0}
      """

  @portable @needs-kubelet @C002-057 @C003-045 @C002-059
  Scenario: nginx answers 404 for a path it does not have: that liveness probe restarts it in a loop, "/" keeps it ready
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: nginx-live}
      spec:
        containers:
          - name: nginx
            image: nginx:1.27
            livenessProbe:
              httpGet: {path: /live, port: 80}
              periodSeconds: 5
            readinessProbe:
              httpGet: {path: /, port: 80}
              periodSeconds: 5
      """
    Then pod "nginx-live" is ready within 1 minute
    And pod "nginx-live" has a Killing event saying "Container nginx failed liveness probe, will be restarted" within 1 minute
    And pod "nginx-live" matches within 2 minutes:
      """yaml
      status:
        containerStatuses:
          - {name: nginx, restartCount: 2}
      """

  @portable @needs-kubelet @C003-046 @C003-056
  Scenario: a tcpSocket probe passes where something listens and fails where nothing does
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: db}
      spec:
        containers:
          - name: mysql
            image: mysql:8.0
            env: [{name: MYSQL_ALLOW_EMPTY_PASSWORD, value: "yes"}]
            livenessProbe:
              tcpSocket: {port: 3306}
              periodSeconds: 10
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: not-a-db}
      spec:
        containers:
          - name: mysql
            image: busybox:1.36
            command: ["sleep", "3600"]
            livenessProbe:
              tcpSocket: {port: 3306}
              periodSeconds: 10
      """
    When 2 minutes pass
    Then pod "db" matches:
      """yaml
      status:
        containerStatuses:
          - {name: mysql, restartCount: 0}
      """
    And pod "not-a-db" has a Killing event saying "Container mysql failed liveness probe, will be restarted"

  @portable @needs-kubelet @C003-047
  Scenario: an exec probe passes while the file it reads exists (the liveness example of the Kubernetes docs)
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: liveness-exec}
      spec:
        containers:
          - name: liveness
            image: busybox:1.36
            args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
            livenessProbe:
              exec: {command: [cat, /tmp/healthy]}
              initialDelaySeconds: 5
              periodSeconds: 5
      """
    Then pod "liveness-exec" is Running within 30s
    When 30 seconds pass
    Then pod "liveness-exec" matches:
      """yaml
      status:
        containerStatuses:
          - {name: liveness, restartCount: 0}
      """
    And pod "liveness-exec" matches within 1 minute:
      """yaml
      status:
        containerStatuses:
          - {name: liveness, restartCount: 1}
      """

  @sim-only @C004-126 @C002-063
  Scenario: readiness only gates traffic while liveness restarts; a slow starter is kept out of the Service until ready
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: webapp
        labels: {app: webapp}
        annotations:
          kubespec.io/behavior.app: "run forever, ready after 40s, unhealthy after 200s"
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            livenessProbe:
              httpGet: {path: /health, port: 80}
              initialDelaySeconds: 30
              periodSeconds: 10
            readinessProbe:
              httpGet: {path: /ready, port: 80}
              initialDelaySeconds: 5
              periodSeconds: 5
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: webapp}
      spec:
        selector: {app: webapp}
        ports: [{port: 80}]
      """
    And 30 seconds pass
    Then pod "webapp" is Running
    And service "webapp" has 0 ready endpoints
    When 15 seconds pass
    Then pod "webapp" is ready
    And service "webapp" has 1 ready endpoint
    When 3 minutes pass
    Then pod "webapp" has a Killing event saying "Container app failed liveness probe, will be restarted"
    And pod "webapp" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 1}
      """

  @sim-only @C003-059
  Scenario: a Service stops sending connections to a pod while its readiness probe fails, and resumes after
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: flaky
        labels: {app: shop}
        annotations: {kubespec.io/behavior.web: "run forever, unhealthy after 30s, healthy again after 90s"}
      spec:
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
            readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: steady, labels: {app: shop}}
      spec:
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
            readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 5}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: client}
      spec:
        containers: [{name: curl, image: curlimages/curl:8.11.1, command: ["sleep", "infinity"]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop}
      spec:
        selector: {app: shop}
        ports: [{port: 80}]
      """
    Then connections from pod "client" to service "shop" on port 80 reach 2 different pods within 20s
    When 45 seconds pass
    Then connections from pod "client" to service "shop" on port 80 reach 1 different pod
    When 1 minute passes
    Then connections from pod "client" to service "shop" on port 80 reach 2 different pods

  @portable @needs-kubelet @C002-062
  Scenario: an exec readiness probe passes once the file it checks is there, and fails again when it goes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: ready-file}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            readinessProbe:
              exec: {command: ["cat", "/tmp/ready"]}
              periodSeconds: 5
      """
    Then pod "ready-file" is Running within 1 minute
    When 20 seconds pass
    Then pod "ready-file" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, ready: false}
      """
    When "kubectl exec ready-file -- touch /tmp/ready" is run
    Then pod "ready-file" is ready within 30s
    When "kubectl exec ready-file -- rm /tmp/ready" is run
    Then pod "ready-file" matches within 30s:
      """yaml
      status:
        containerStatuses:
          - {name: app, ready: false}
      """

  @portable @needs-kubelet @C003-049
  Scenario: an exec probe that outlasts timeoutSeconds fails; one that answers in time passes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: slow-probe}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            livenessProbe:
              exec: {command: ["sleep", "3"]}
              timeoutSeconds: 1
              periodSeconds: 5
          - name: patient
            image: busybox:1.36
            command: ["sleep", "3600"]
            readinessProbe:
              exec: {command: ["sleep", "1"]}
              timeoutSeconds: 3
              periodSeconds: 5
      """
    Then pod "slow-probe" has a Unhealthy event saying "Liveness probe failed: command timed out: \"sleep 3\" timed out after 1s" within 1 minute
    And pod "slow-probe" matches within 2 minutes:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 1}
          - {name: patient, ready: true, restartCount: 0}
      """

  @portable @needs-kubelet
  Scenario: a liveness kill gives a process that ignores SIGTERM the grace period (the probe's own when it has one)
    # Both probes fail at once, but the kubelet stops one container of a pod at a time: SyncPod
    # kills ContainersToKill one after another, each killContainer waiting for StopContainer (the
    # whole grace period for a process that ignores SIGTERM), and the pod worker runs one sync of
    # a pod at a time, so the other failure waits for it (K@1.37.2 kuberuntime_manager.go:1619-1629,
    # kuberuntime_container.go:864-929, pod_workers.go:1245-1248; the same at K@1.32.5
    # kuberuntime_manager.go:1154-1164). Which goes first is Go map order, random: the v1.37.2
    # real node killed stubborn first, the simulator takes spec order. Either way stubborn gets the
    # pod's 60 s and hasty its probe's 5 s from its own Killing (setTerminationGracePeriod,
    # kuberuntime_container.go:1423-1441), both gone about 65 s after the failures: 30 s after
    # them stubborn still runs, 75 s after them both were killed (hasty with 60 s would not be).
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: slow-to-die}
      spec:
        terminationGracePeriodSeconds: 60
        containers:
          - name: stubborn
            image: busybox:1.36
            command: ["sleep", "3600"]
            livenessProbe:
              exec: {command: [cat, /tmp/healthy]}
              periodSeconds: 5
              failureThreshold: 1
          - name: hasty
            image: busybox:1.36
            command: ["sleep", "3600"]
            livenessProbe:
              exec: {command: [cat, /tmp/healthy]}
              periodSeconds: 5
              failureThreshold: 1
              terminationGracePeriodSeconds: 5
      """
    Then pod "slow-to-die" has a Unhealthy event saying "Liveness probe failed" within 1 minute
    When 30 seconds pass
    Then pod "slow-to-die" matches:
      """yaml
      status:
        containerStatuses:
          - name: hasty
          - name: stubborn
            restartCount: 0
      """
    And pod "slow-to-die" matches within 45 seconds:
      """yaml
      status:
        containerStatuses:
          - name: hasty
            lastState:
              terminated: {exitCode: 137, reason: Error}
          - name: stubborn
            lastState:
              terminated: {exitCode: 137, reason: Error}
      """
    And pod "slow-to-die" has a Killing event saying "Container stubborn failed liveness probe, will be restarted"
    And pod "slow-to-die" has a Killing event saying "Container hasty failed liveness probe, will be restarted"

  @portable @needs-kubelet @C003-045
  Scenario: an HTTP liveness probe on a path nginx does not serve fails with its status code
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: nginx-healthz}
      spec:
        containers:
          - name: nginx
            image: nginx:1.27
            livenessProbe:
              httpGet: {path: /healthz, port: 80}
              periodSeconds: 5
      """
    Then pod "nginx-healthz" has a Unhealthy event saying "Liveness probe failed: HTTP probe failed with statuscode: 404" within 1 minute
    And pod "nginx-healthz" has a Killing event saying "Container nginx failed liveness probe, will be restarted" within 1 minute
    And pod "nginx-healthz" matches within 1 minute:
      """yaml
      status:
        containerStatuses:
          - {name: nginx, restartCount: 1}
      """

  @portable @needs-kubelet @C003-046
  Scenario: a tcpSocket readiness probe on a port nginx does not listen on is refused, and the pod stays unready
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: nginx-8081}
      spec:
        containers:
          - name: nginx
            image: nginx:1.27
            ports: [{containerPort: 8081}]
            readinessProbe:
              tcpSocket: {port: 8081}
              periodSeconds: 5
      """
    Then pod "nginx-8081" is Running within 1 minute
    And pod "nginx-8081" has a Unhealthy event saying "Readiness probe failed: dial tcp <pod IP>:8081: connect: connection refused" within 1 minute
    When 1 minute passes
    Then pod "nginx-8081" has condition Ready=False with reason ContainersNotReady

  @sim-only
  Scenario: a probe against a program kubespec does not know passes, and the simulator says it assumed so
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
          - name: app
            image: example.com/app:1.0
            readinessProbe:
              httpGet: {path: /ready, port: 8080}
      """
    Then pod "app" is ready within 1 minute
    And the simulator assumed "spec.containers[app].readinessProbe" of pod "app"
    And the simulator assumed "spec.containers[app].image" of pod "app"
