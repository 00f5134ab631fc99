@pods @resources
Feature: What happens to a container that goes over its limits
  Memory is incompressible: a container that grows past its memory limit is killed by the
  kernel's OOM killer (OOMKilled, exit code 137) and restarted per restartPolicy. CPU is
  compressible: the CFS quota holds a container at its CPU limit, so it runs slower but is never
  killed for it (reference/kubelet.md). Usage comes from the simulator's metrics-server
  ("the pods of … use …"), memory growth from the `kubespec.io/behavior.<container>` annotation.

  Background:
    Given a cluster with 1 worker node

  @sim-only @C000-157 @C001-090 @C002-056
  Scenario: a container that grows past its 100Mi memory limit is OOMKilled with 137 and restarted
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: leaky
        annotations:
          kubespec.io/behavior.app: "run forever, uses 150Mi after 5s"
      spec:
        containers:
          - name: app
            image: polinux/stress:1.0.4
            resources:
              requests: {memory: 50Mi}
              limits: {memory: 100Mi}
      """
    Then pod "leaky" matches within 1 minute:
      """yaml
      status:
        phase: Running
        containerStatuses:
          - name: app
            restartCount: 1
            lastState:
              terminated: {exitCode: 137, reason: OOMKilled}
      """

  @sim-only @C001-091 @C002-055
  Scenario: a container that wants more CPU than its limit is held at the limit, never killed
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: busy}
      spec:
        replicas: 1
        selector: {matchLabels: {app: busy}}
        template:
          metadata: {labels: {app: busy}}
          spec:
            containers:
              - name: app
                image: busybox:1.36
                command: ["sh", "-c", "while true; do :; done"]
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
                  limits: {cpu: 200m, memory: 128Mi}
      """
    And Deployment "busy" is rolled out within 1 minute
    When the pods of Deployment "busy" use 500% CPU
    And the pods of Deployment "busy" use 50% memory
    And 30 minutes pass
    Then "kubectl top pod -l app=busy" prints:
      """
      NAME   CPU(cores)   MEMORY(bytes)
      *      200m         32Mi
      """
    And "kubectl top node worker-1" prints:
      """
      NAME       CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)
      worker-1   200m         *        32Mi            *
      """
    And "kubectl get pods -l app=busy" prints:
      """
      NAME   READY   STATUS    RESTARTS   AGE
      *      1/1     Running   0          30m
      """

  @sim-only @C004-015
  Scenario: over its memory limit a container is OOMKilled; its neighbour over the CPU limit is only throttled
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: limits}
      spec:
        replicas: 1
        selector: {matchLabels: {app: limits}}
        template:
          metadata:
            labels: {app: limits}
            annotations:
              kubespec.io/behavior.hog: "run forever, uses 300Mi after 10s"
              kubespec.io/behavior.spinner: "run forever"
          spec:
            containers:
              - name: hog
                image: polinux/stress:1.0.4
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                  limits: {cpu: 100m, memory: 256Mi}
              - name: spinner
                image: polinux/stress:1.0.4
                resources:
                  requests: {cpu: 250m, memory: 64Mi}
                  limits: {cpu: 500m, memory: 64Mi}
      """
    And Deployment "limits" is rolled out within 1 minute
    When the pods of Deployment "limits" use 400% CPU
    And 1 minute passes
    Then "kubectl top pod -l app=limits --containers" prints:
      """
      POD   NAME      CPU(cores)   MEMORY(bytes)
      *     hog       100m         0Mi
      *     spinner   500m         0Mi
      """
    And "kubectl get pods -l app=limits -o jsonpath={.items[0].status.containerStatuses[*].lastState.terminated.reason}" prints "OOMKilled"
    And "kubectl get pods -l app=limits -o jsonpath={.items[0].status.containerStatuses[1].restartCount}" prints "0"


  @sim-only
  Scenario: writing past the ephemeral-storage limit or an emptyDir's sizeLimit gets the pod evicted
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: scratch
        annotations:
          kubespec.io/behavior.app: "run forever, writes 2Gi after 30s"
      spec:
        containers:
          - name: app
            image: busybox:1.36
            resources:
              limits: {ephemeral-storage: 1Gi}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: cache-hog
        annotations:
          kubespec.io/behavior.app: "run forever, writes 600Mi to /cache/data after 10s"
      spec:
        containers:
          - name: app
            image: busybox:1.36
            volumeMounts: [{name: cache, mountPath: /cache}]
        volumes:
          - name: cache
            emptyDir: {sizeLimit: 500Mi}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: within
        annotations:
          kubespec.io/behavior.app: "run forever, writes 400Mi to /cache/data after 10s"
      spec:
        containers:
          - name: app
            image: busybox:1.36
            volumeMounts: [{name: cache, mountPath: /cache}]
        volumes:
          - name: cache
            emptyDir: {sizeLimit: 500Mi}
      """
    Then pod "scratch" is Failed within 1 minute
    And pod "scratch" matches:
      """yaml
      status:
        reason: Evicted
        message: "Pod ephemeral local storage usage exceeds the total limit of containers 1Gi. "
      """
    And pod "cache-hog" has a Evicted event saying "Usage of EmptyDir volume \"cache\" exceeds the limit \"500Mi\". " within 1 minute
    And pod "cache-hog" is Failed
    And pod "within" is Running
