@kubectl @pods
Feature: Pods as kubectl shows them
  What `kubectl get pods`, `describe pod` and `logs` show of a pod's life: init progress,
  restarts and crash loops, container states with reasons and exit codes, what a container
  printed.

  Background:
    Given a cluster with 1 worker node

  @portable @needs-kubelet @C001-072 @C002-070 @C001-080 @C000-061
  Scenario: STATUS shows init progress, then Running; describe shows conditions, states and events
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: init-demo}
      spec:
        initContainers:
          - {name: wait-db, image: busybox:1.36, command: [sh, -c, "sleep 20"]}
          - {name: migrate, image: busybox:1.36, command: [sh, -c, "sleep 1"]}
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
      """
    And 10 seconds pass
    Then "kubectl get pods" prints:
      """
      NAME        READY   STATUS     RESTARTS   AGE
      init-demo   0/1     Init:0/2   0          *
      """
    And pod "init-demo" is ready within 1 minute
    And "kubectl get pods" prints:
      """
      NAME        READY   STATUS    RESTARTS   AGE
      init-demo   1/1     Running   0          *
      """
    And "kubectl describe pod init-demo" prints:
      """
      Init Containers:
        wait-db:
          State:          Terminated
            Reason:       Completed
            Exit Code:    0
      Containers:
        app:
          State:          Running
          Ready:          True
          Restart Count:  0
      Conditions:
        Type                        Status
        PodReadyToStartContainers   True
        Initialized                 True
        Ready                       True
        ContainersReady             True
        PodScheduled                True
      Events:
      """

  @portable @needs-kubelet @C002-037 @C003-034 @C003-030 @kubernetes-1.34-
  Scenario: a container that keeps exiting shows CrashLoopBackOff, a growing restart count and its last exit code
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: restart-example}
      spec:
        restartPolicy: Always
        containers:
          - {name: app, image: busybox:1.36, command: [sh, -c, "echo starting; exit 1"]}
      """
    Then pod "restart-example" matches within 2 minutes:
      """yaml
      status:
        containerStatuses:
          - name: app
            restartCount: 3
            state:
              waiting: {reason: CrashLoopBackOff}
      """
    And "kubectl get pod restart-example" prints:
      """
      NAME              READY   STATUS             RESTARTS   AGE
      restart-example   0/1     CrashLoopBackOff   3 * ago)   *
      """
    And "kubectl describe pod restart-example" prints:
      """
      State:          Waiting
        Reason:       CrashLoopBackOff
      Last State:     Terminated
        Reason:       Error
        Exit Code:    1
      Restart Count:  3
      """

  # From 1.35 the kubelet syncs a pod in back-off again only when the back-off ends, and that sync
  # restarts it (pod_workers.go completeWork, MinBackoffExpiration): between two runs the status
  # keeps the run that ended, which kubectl shows as Error. (After the quick second run the real
  # kubelet shows CrashLoopBackOff or not, by a race of its syncs: not asserted here.)
  @portable @needs-kubelet @C002-037 @C003-034 @C003-030 @kubernetes-1.35+
  Scenario: a container that keeps exiting shows its last run (Error) through each back-off, with a growing restart count
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: restart-example}
      spec:
        restartPolicy: Always
        containers:
          - {name: app, image: busybox:1.36, command: [sh, -c, "echo starting; exit 1"]}
      """
    Then pod "restart-example" matches within 2 minutes:
      """yaml
      status:
        containerStatuses:
          - name: app
            restartCount: 3
            state:
              terminated: {exitCode: 1, reason: Error}
      """
    And "kubectl get pod restart-example" prints:
      """
      NAME              READY   STATUS   RESTARTS   AGE
      restart-example   0/1     Error    3 * ago)   *
      """
    And "kubectl describe pod restart-example" prints:
      """
      State:          Terminated
        Reason:       Error
        Exit Code:    1
      """
    And "kubectl describe pod restart-example" prints:
      """
      Last State:     Terminated
        Reason:       Error
        Exit Code:    1
      """

  @portable @needs-kubelet @C002-066 @C001-341
  Scenario: kubectl logs picks a container with -c, defaults to the first one, and --previous shows the last run
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: talker}
      spec:
        containers:
          - {name: main, image: busybox:1.36, command: [sh, -c, "echo hello from main; sleep 5; exit 1"]}
          - {name: helper, image: busybox:1.36, command: [sh, -c, "echo hello from helper; sleep 3600"]}
      """
    Then pod "talker" matches within 1 minute:
      """yaml
      status:
        containerStatuses:
          - {name: main, restartCount: 1}
      """
    And "kubectl logs talker -c helper" prints "hello from helper"
    And "kubectl logs talker" prints "hello from main"
    And "kubectl logs talker -c main --previous" prints "hello from main"
