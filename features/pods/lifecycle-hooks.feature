@pods
Feature: Container lifecycle hooks
  postStart runs right after a container starts and holds it back (not Running, not Ready) until it
  returns; if it fails, the container is killed and restarted by its restartPolicy. preStop runs
  before the stop signal, on the grace period's clock: a Terminating pod keeps serving while its
  endpoints are withdrawn, and a preStop that outlasts the grace period is cut short (the stop
  signal then gets 2 s before SIGKILL). Kubelet v1.32: kuberuntime_container.go (startContainer,
  killContainer, executePreStopHook), pkg/kubelet/lifecycle/handlers.go.

  Background:
    Given a cluster with 1 worker node

  @portable @needs-kubelet
  Scenario: a preStop sleep keeps a Terminating pod serving for 10 s, out of the ready endpoints
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {app: web}
      spec:
        terminationGracePeriodSeconds: 30
        containers:
          - name: nginx
            image: nginx:1.27
            lifecycle:
              preStop:
                sleep: {seconds: 10}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      """
    And service "web" has 1 ready endpoint within 1 minute
    When pod "web" is deleted
    Then service "web" has 0 ready endpoints within 2s
    And 8 seconds pass
    And pod "web" exists
    And pod "web" does not exist within 10s

  @portable @needs-kubelet
  Scenario: a preStop longer than the grace period is cut short, and SIGKILL follows 2 s after SIGTERM
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: stubborn
      spec:
        terminationGracePeriodSeconds: 15
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            lifecycle:
              preStop:
                exec: {command: ["sleep", "60"]}
      """
    And pod "stubborn" is Running within 1 minute
    When pod "stubborn" is deleted
    # preStop until 15 s, SIGTERM (ignored by sleep as PID 1), SIGKILL at 17 s: without the 2 s the
    # pod would be gone at 15 s, without the cut at 60 s.
    And 16 seconds pass
    Then pod "stubborn" exists
    And pod "stubborn" does not exist within 15s

  @portable @kubernetes-1.32
  Scenario: a sleep hook may not outlast the grace period (1.32: nor be zero)
    Then the following manifest is rejected with "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be greater than 0 and less than terminationGracePeriodSeconds (30)":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: too-long}
      spec:
        terminationGracePeriodSeconds: 30
        containers:
          - name: app
            image: nginx:1.27
            lifecycle:
              preStop:
                sleep: {seconds: 40}
      """

  # From 1.33 (PodLifecycleSleepActionAllowZero) a zero sleep is allowed, and the text says so.
  @portable @kubernetes-1.35+
  Scenario: a sleep hook may not outlast the grace period, and may be zero
    Then the following manifest is rejected with "spec.containers[0].lifecycle.preStop.sleep: Invalid value: 40: must be non-negative and less than terminationGracePeriodSeconds (30)":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: too-long}
      spec:
        terminationGracePeriodSeconds: 30
        containers:
          - name: app
            image: nginx:1.27
            lifecycle:
              preStop:
                sleep: {seconds: 40}
      """
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: no-pause}
      spec:
        containers:
          - name: app
            image: nginx:1.27
            lifecycle:
              preStop:
                sleep: {seconds: 0}
      """
    Then pod "no-pause" exists

  @portable @needs-kubelet
  Scenario: a failing postStart kills the container, which restarts by its policy
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: hooked
      spec:
        containers:
          - name: app
            image: nginx:1.27
            lifecycle:
              postStart:
                exec: {command: ["sh", "-c", "exit 1"]}
      """
    Then pod "hooked" has a FailedPostStartHook event saying "PostStartHook failed" within 1 minute
    And pod "hooked" has a Killing event saying "FailedPostStartHook" within 30s
    And pod "hooked" matches within 2 minutes:
      """yaml
      status:
        phase: Running
        containerStatuses:
          - name: app
            ready: false
            state:
              waiting: {reason: CrashLoopBackOff}
      """

  @portable @needs-kubelet @kubernetes-1.35+
  Scenario: a postStart sleep holds the container back: not Running until it returns
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow-start
      spec:
        containers:
          - name: app
            image: nginx:1.27
            lifecycle:
              postStart:
                sleep: {seconds: 30}
      """
    # Since v1.35 the Started event no longer names the container (kuberuntime_container.go).
    And pod "slow-start" has a Started event saying "Container started" within 1 minute
    And 20 seconds pass
    Then pod "slow-start" is Pending
    And pod "slow-start" is Running within 20s
