@pods
Feature: Container lifecycle
  How the kubelet runs containers: restart policies, CrashLoopBackOff timing, init containers in
  order, native sidecars, OOM kills and graceful termination (reference/kubelet.md). What a
  container does comes from its command (sleep, exit, sh -c) or the behavior annotation.

  Background:
    Given a cluster with 1 worker node

  @portable @needs-kubelet @C003-026 @C003-029
  Scenario: restartPolicy Always restarts a container that exits 0
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: always
      spec:
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 5; exit 0"]}
      """
    Then pod "always" matches within 1 minute:
      """yaml
      spec: {restartPolicy: Always}
      status:
        phase: Running
        containerStatuses:
          - name: app
            restartCount: 2
            lastState:
              terminated: {exitCode: 0, reason: Completed}
      """

  @portable @needs-kubelet @C003-027 @C003-035 @C002-036 @C002-038
  Scenario: restartPolicy OnFailure restarts only a failing container
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: on-failure-ok
      spec:
        restartPolicy: OnFailure
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 2; exit 0"]}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: on-failure-bad
      spec:
        restartPolicy: OnFailure
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 2; exit 1"]}
      """
    Then pod "on-failure-ok" is Succeeded within 1 minute
    And pod "on-failure-bad" matches within 1 minute:
      """yaml
      status:
        phase: Running
        containerStatuses:
          - name: app
            lastState:
              terminated: {exitCode: 1, reason: Error}
      """

  @portable @needs-kubelet @C003-028 @C002-038 @C001-069 @C001-070
  Scenario: restartPolicy Never: the pod ends Succeeded or Failed
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: never-ok
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, command: ["true"]}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: never-bad
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, command: ["false"]}
      """
    Then pod "never-ok" is Succeeded within 1 minute
    And pod "never-bad" is Failed within 1 minute

  @sim-only @C003-031 @C001-001 @kubernetes-1.34-
  Scenario: CrashLoopBackOff: first restart at once, then 10s, 20s, 40s ... up to 5 minutes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: crasher
      spec:
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "exit 1"]}
      """
    # Starts at 3s (sandbox and pull), then restarts at +0, +10, +20, +40, +80: the fifth restart
    # is at 153s and the sixth waits 160s more, until 313s.
    And 5 minutes pass
    Then pod "crasher" matches:
      """yaml
      status:
        containerStatuses:
          - name: app
            restartCount: 5
            state:
              waiting: {reason: CrashLoopBackOff}
      """
    And pod "crasher" has a BackOff event saying "Back-off restarting failed container app in pod crasher_default"

  @sim-only @C003-031 @C001-001 @kubernetes-1.35+
  Scenario: CrashLoopBackOff: first restart at once, then 10s, 20s, 40s ... up to 5 minutes, the run that ended shown in between
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: crasher
      spec:
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "exit 1"]}
      """
    # Starts at 3s (sandbox and pull), then restarts at +0, +10, +20, +40, +80: the fifth restart
    # is at 153s and the sixth waits 160s more, until 313s. From 1.35 the kubelet's next sync is at
    # the back-off's end, so the status keeps the fifth run's exit until then.
    And 5 minutes pass
    Then pod "crasher" matches:
      """yaml
      status:
        containerStatuses:
          - name: app
            restartCount: 5
            state:
              terminated: {exitCode: 1, reason: Error}
      """
    And pod "crasher" has a BackOff event saying "Back-off restarting failed container app in pod crasher_default"

  @sim-only @C003-032
  Scenario: a container that ran more than 10 minutes before failing restarts at once: its back-off was reset
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: steady-crasher}
      spec:
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 660; exit 1"]}
      """
    # Starts at 3s; exits at 663s and restarts at once (the first restart always does); exits again
    # at 1323s, 11 minutes after the back-off was last set, so it restarts at once again instead of
    # waiting 10s.
    And 23 minutes pass
    Then pod "steady-crasher" matches:
      """yaml
      status:
        containerStatuses:
          - name: app
            restartCount: 2
            lastState: {terminated: {exitCode: 1, finishedAt: "2026-01-01T00:22:03Z"}}
            state: {running: {startedAt: "2026-01-01T00:22:03Z"}}
      """

  @portable @needs-kubelet @C002-071
  Scenario: init containers run one by one before the app containers start together
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: ordered
      spec:
        initContainers:
          - {name: wait-db, image: busybox:1.36, command: ["sh", "-c", "sleep 4"]}
          - {name: migrate, image: busybox:1.36, command: ["sh", "-c", "sleep 6"]}
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
          - {name: metrics, image: registry.k8s.io/pause:3.10}
      """
    Then pod "ordered" matches within 5s:
      """yaml
      status:
        phase: Pending
        conditions:
          - type: Initialized
            status: "False"
            message: "containers with incomplete status: [wait-db migrate]"
      """
    And pod "ordered" is Running within 1 minute
    And pod "ordered" matches:
      """yaml
      status:
        initContainerStatuses:
          - {name: wait-db, state: {terminated: {exitCode: 0, reason: Completed}}}
          - {name: migrate, state: {terminated: {exitCode: 0, reason: Completed}}}
      """

  @portable @C003-086
  Scenario: a native sidecar runs beside the main container and does not keep a Job's pod alive
    When the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: with-sidecar
      spec:
        template:
          spec:
            restartPolicy: Never
            initContainers:
              - {name: log-shipper, image: busybox:1.36, restartPolicy: Always, command: ["sh", "-c", "while true; do sleep 1; done"]}
            containers:
              - {name: main, image: busybox:1.36, command: ["sh", "-c", "sleep 10"]}
      """
    Then Job "with-sidecar" completes within 2 minutes

  @sim-only @C003-036
  Scenario: a container that outgrows its memory limit is OOMKilled with exit code 137
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: hungry
        annotations:
          kubespec.io/behavior.app: "run forever, uses 300Mi after 10s"
      spec:
        restartPolicy: Never
        containers:
          - name: app
            image: polinux/stress:1.0.4
            resources:
              limits: {memory: 200Mi}
      """
    Then pod "hungry" is Failed within 1 minute
    And pod "hungry" matches:
      """yaml
      status:
        containerStatuses:
          - name: app
            state:
              terminated: {exitCode: 137, reason: OOMKilled}
      """

  @portable @needs-kubelet
  Scenario: a shell that ignores SIGTERM takes the whole grace period to stop
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: stubborn
      spec:
        terminationGracePeriodSeconds: 20
        containers:
          - {name: app, image: busybox:1.36, command: ["sleep", "3600"]}
      """
    And pod "stubborn" is Running within 1 minute
    When pod "stubborn" is deleted
    And 15 seconds pass
    Then pod "stubborn" exists
    And pod "stubborn" does not exist within 10s

  @portable @C003-038 @C003-039 @C003-040
  Scenario: who owns a pod decides which restart policies it may have
    Then the following manifest is rejected with "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"":
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: batchy}
      spec:
        selector: {matchLabels: {app: batchy}}
        template:
          metadata: {labels: {app: batchy}}
          spec:
            restartPolicy: OnFailure
            containers: [{name: app, image: busybox:1.36}]
      """
    And the following manifest is rejected with "spec.template.spec.restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"":
      """yaml
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: once}
      spec:
        selector: {matchLabels: {app: once}}
        template:
          metadata: {labels: {app: once}}
          spec:
            restartPolicy: Never
            containers: [{name: app, image: busybox:1.36}]
      """
    And the following manifest is rejected with "spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"":
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: forever}
      spec:
        schedule: "@hourly"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Always
                containers: [{name: app, image: busybox:1.36}]
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: p-always}
      spec: {restartPolicy: Always, containers: [{name: app, image: busybox:1.36, command: ["sleep", "3600"]}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p-on-failure}
      spec: {restartPolicy: OnFailure, containers: [{name: app, image: busybox:1.36, command: ["sleep", "3600"]}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: p-never}
      spec: {restartPolicy: Never, containers: [{name: app, image: busybox:1.36, command: ["sleep", "3600"]}]}
      """
    Then pod "p-always" exists
    And pod "p-on-failure" exists
    And pod "p-never" exists

  @portable @needs-kubelet @C003-084 @C001-075 @C002-068
  Scenario: a native sidecar starts first, does not hold back the next init container, and runs beside the app
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: with-sidecar}
      spec:
        initContainers:
          - {name: proxy, image: busybox:1.36, restartPolicy: Always, command: [sh, -c, "while true; do sleep 1; done"]}
          - {name: setup, image: busybox:1.36, command: [sh, -c, "sleep 5"]}
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then pod "with-sidecar" is ready within 1 minute
    And pod "with-sidecar" matches:
      """yaml
      status:
        initContainerStatuses:
          - {name: proxy, started: true, ready: true, restartCount: 0, state: {running: {}}}
          - {name: setup, state: {terminated: {exitCode: 0, reason: Completed}}}
        containerStatuses:
          - {name: app, ready: true}
      """

  @portable @needs-kubelet @C003-064 @C001-082 @C000-062
  Scenario: a failing init container fails a Never pod and is retried with backoff under Always
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: init-never}
      spec:
        restartPolicy: Never
        initContainers:
          - {name: check, image: busybox:1.36, command: [sh, -c, "exit 1"]}
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: init-always}
      spec:
        initContainers:
          - {name: check, image: busybox:1.36, command: [sh, -c, "exit 1"]}
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then pod "init-never" is Failed within 1 minute
    And pod "init-never" matches:
      """yaml
      status:
        initContainerStatuses:
          - name: check
            state:
              terminated: {exitCode: 1, reason: Error}
      """
    And pod "init-always" matches within 2 minutes:
      """yaml
      status:
        phase: Pending
        initContainerStatuses:
          - name: check
            state:
              waiting: {reason: CrashLoopBackOff}
        containerStatuses:
          - name: app
            state:
              waiting: {reason: PodInitializing}
      """

  @portable @needs-kubelet @C003-072 @C003-081
  Scenario: an init container's env from a missing Secret waits in CreateContainerConfigError; literal values are plain
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: needs-secret}
      spec:
        initContainers:
          - name: migrate
            image: busybox:1.36
            command: [sh, -c, "sleep 1"]
            env:
              - name: DATABASE_URL
                valueFrom:
                  secretKeyRef: {name: db-secret, key: url}
        containers:
          - name: app
            image: redis:7
            env:
              - {name: REDIS_HOST, value: localhost}
              - {name: REDIS_PORT, value: "6379"}
      """
    Then pod "needs-secret" matches within 1 minute:
      """yaml
      status:
        phase: Pending
        initContainerStatuses:
          - name: migrate
            state:
              waiting: {reason: CreateContainerConfigError, message: secret "db-secret" not found}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: db-secret}
      stringData: {url: "postgres://db:5432/app"}
      """
    Then pod "needs-secret" is Running within 1 minute
    And container "app" of pod "needs-secret" has environment variable "REDIS_HOST" set to "localhost"
    And container "app" of pod "needs-secret" has environment variable "REDIS_PORT" set to "6379"


  @portable @needs-kubelet @C001-081 @C003-067 @C003-071
  Scenario: init containers that wait for Services hold the pod in Init until they exist (the Kubernetes docs' example)
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: myapp-pod
        labels: {app.kubernetes.io/name: MyApp}
      spec:
        containers:
          - name: myapp-container
            image: busybox:1.36
            command: ['sh', '-c', 'echo The app is running! && sleep 3600']
        initContainers:
          - name: init-myservice
            image: busybox:1.36
            command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
          - name: init-mydb
            image: busybox:1.36
            command: ['sh', '-c', "until nc -z -w1 mydb 6379; do echo waiting for mydb; sleep 2; done"]
      """
    And 30 seconds pass
    Then "kubectl get pod myapp-pod" prints:
      """
      NAME        READY   STATUS     RESTARTS   AGE
      myapp-pod   0/1     Init:0/2   0          *
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: myservice}
      spec:
        ports: [{protocol: TCP, port: 80, targetPort: 9376}]
      """
    Then "kubectl get pod myapp-pod" prints within 1 minute:
      """
      NAME        READY   STATUS     RESTARTS   AGE
      myapp-pod   0/1     Init:1/2   0          *
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: mydb}
      spec:
        selector: {app: mydb}
        ports: [{port: 6379}]
      """
    And 20 seconds pass
    Then pod "myapp-pod" is Pending
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: redis, labels: {app: mydb}}
      spec:
        containers: [{name: redis, image: redis:7.4}]
      """
    Then pod "myapp-pod" is Running within 1 minute
    And pod "myapp-pod" is ready after pod "redis" is ready

  @portable @needs-kubelet @C003-085
  Scenario: a native sidecar starts first and stops last
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: with-shipper}
      spec:
        terminationGracePeriodSeconds: 30
        initContainers:
          - name: log-shipper
            image: busybox:1.36
            restartPolicy: Always
            command: ["sh", "-c", "while true; do sleep 1; done"]
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
      """
    Then pod "with-shipper" is ready within 1 minute
    When pod "with-shipper" is deleted
    # The kubelet stops the main container first and the sidecar after it (killContainersWithSyncResult);
    # it posts the pod's status before the kill and once all have stopped (SyncTerminatingPod), so
    # the order shows in its events, not in an intermediate status.
    Then pod "with-shipper" has a Killing event saying "Stopping container web" within 10s
    And pod "with-shipper" has a Killing event saying "Stopping container log-shipper" within 30s
    # The sidecar's `sh` is PID 1 with no TERM trap, so it ignores SIGTERM and lives out its grace
    # period: it waits for web (whole seconds off its 30 s), then StopContainer gives it what is left
    # and SIGKILLs it then (killContainer, terminationOrdering.waitForTurn). The pod is therefore gone
    # no sooner than 30 s after the kill began, plus the kubelet's own time to post the final status
    # and delete it (SyncTerminatedPod, status_manager canBeDeleted). A 30 s window that opens once
    # the Killing events are seen ends about when SIGKILL comes, a race Kubernetes does not promise
    # to win; a minute is its promise with room to spare.
    And pod "with-shipper" does not exist within 1 minute

  @portable @needs-kubelet
  Scenario: a pod running past its activeDeadlineSeconds is failed by the kubelet, and the deadline can only come closer
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: bounded}
      spec:
        activeDeadlineSeconds: 60
        containers:
          - {name: app, image: busybox:1.36, command: ["sleep", "3600"]}
      """
    Then pod "bounded" is Running within 1 minute
    And "kubectl patch pod bounded -p {\"spec\":{\"activeDeadlineSeconds\":120}}" fails with "spec.activeDeadlineSeconds: Invalid value: 120: must be less than or equal to previous value"
    When "kubectl patch pod bounded -p {\"spec\":{\"activeDeadlineSeconds\":30}}" is run
    # At the deadline the kubelet stops the pod as it would a deleted one, with its 30 s
    # terminationGracePeriodSeconds: `sleep` (PID 1, no SIGTERM handler) lives it out and is
    # SIGKILLed. Until no container runs, the phase stays Running (status_manager.go
    # mergePodStatus), so Failed comes a grace period after the deadline, not at it.
    Then pod "bounded" has a Killing event saying "Stopping container app" within 1 minute
    And pod "bounded" matches:
      """yaml
      status:
        phase: Running
      """
    And pod "bounded" matches within 1 minute:
      """yaml
      status:
        phase: Failed
        reason: DeadlineExceeded
        message: Pod was active on the node longer than the specified deadline
        containerStatuses:
          - name: app
            state:
              terminated: {exitCode: 137, reason: Error}
      """
    And pod "bounded" has a DeadlineExceeded event saying "Pod was active on the node longer than the specified deadline"
    And the following manifest is rejected with "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: no-time}
      spec:
        activeDeadlineSeconds: 0
        containers:
          - {name: app, image: busybox:1.36, command: ["sleep", "3600"]}
      """

  @portable @needs-kubelet @C002-035
  Scenario: command replaces the image's entrypoint, args its default arguments
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: image-default}
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: args-only}
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, args: ["sh", "-c", "exit 3"]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: command-and-args}
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c"], args: ["exit 4"]}
      """
    Then pod "image-default" matches within 1 minute:
      """yaml
      status:
        phase: Succeeded
        containerStatuses:
          - name: app
            state: {terminated: {exitCode: 0, reason: Completed}}
      """
    And pod "args-only" matches within 1 minute:
      """yaml
      status:
        phase: Failed
        containerStatuses:
          - name: app
            state: {terminated: {exitCode: 3, reason: Error}}
      """
    And pod "command-and-args" matches within 1 minute:
      """yaml
      status:
        phase: Failed
        containerStatuses:
          - name: app
            state: {terminated: {exitCode: 4, reason: Error}}
      """

  @sim-only @C003-037
  Scenario: a process that SIGTERM kills by its default action reports exit code 143, one that handles it exits 0
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: signals
        annotations:
          kubespec.io/behavior.jvm: "run forever dying on SIGTERM, unhealthy after 20s"
          kubespec.io/behavior.server: "run forever, unhealthy after 20s"
      spec:
        containers:
          - name: jvm
            image: eclipse-temurin:21-jre
            livenessProbe: {httpGet: {path: /health, port: 8080}, periodSeconds: 10}
          - name: server
            image: nginx:1.27
            livenessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 10}
      """
    Then pod "signals" matches within 2 minutes:
      """yaml
      status:
        containerStatuses:
          - name: jvm
            lastState:
              terminated: {exitCode: 143, reason: Error}
          - name: server
            lastState:
              terminated: {exitCode: 0, reason: Completed}
      """

  @portable @needs-kubelet
  Scenario: the postgres image refuses to set up a database without a superuser password; with one it starts
    # docker-library/postgres docker-entrypoint.sh: an empty data directory, no POSTGRES_PASSWORD
    # and no POSTGRES_HOST_AUTH_METHOD=trust print an error and exit 1 (scenarios/behaviors/images.yaml).
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: no-password}
      spec:
        containers:
          - {name: db, image: postgres:17}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: postgres}
      stringData: {password: example}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: with-password}
      spec:
        containers:
          - name: db
            image: postgres:17
            env:
              - name: POSTGRES_PASSWORD
                valueFrom:
                  secretKeyRef: {name: postgres, key: password}
      """
    Then pod "no-password" matches within 2 minutes:
      """yaml
      status:
        containerStatuses:
          - name: db
            state:
              waiting: {reason: CrashLoopBackOff}
            lastState:
              terminated: {exitCode: 1, reason: Error}
      """
    And "kubectl logs no-password --previous" prints "Error: Database is uninitialized and superuser password is not specified."
    And pod "with-password" is ready within 2 minutes
    And pod "with-password" matches:
      """yaml
      status:
        containerStatuses:
          - {name: db, restartCount: 0}
      """
