@nodes @faults
Feature: How a node's outage shows in its pods
  The control plane cannot tell a powered-off node, a network partition and a stopped kubelet
  apart: heartbeats stop, the node turns Unknown after 50 seconds and is tainted unreachable. The
  node's pods can: a power loss kills their containers and the boot starts them again from a new
  sandbox; a partitioned kubelet keeps running its pods and reports afterwards; containers under
  a stopped kubelet run on unattended, and one that exits stays down until the kubelet returns.

  Background:
    Given a cluster with 2 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: steady
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        initContainers:
          - {name: prepare, image: busybox:1.36, command: ["sh", "-c", "sleep 2"]}
        containers:
          - {name: app, image: busybox:1.36, command: ["sleep", "infinity"]}
      """
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: crashy
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 30; exit 1"]}
      """
    And pod "steady" is Running within 1 minute
    And pod "crashy" is Running within 1 minute

  @sim-only
  Scenario: a power loss restarts every container from a new sandbox, init containers first
    When node "worker-1" fails
    And 2 minutes pass
    Then node "worker-1" has condition Ready=Unknown with reason NodeStatusUnknown
    And pod "steady" matches:
      """yaml
      status:
        conditions:
          - {type: Ready, status: "False"}
        containerStatuses:
          - {name: app, restartCount: 0, state: {running: {}}}
      """
    When node "worker-1" recovers
    Then pod "steady" matches within 30s:
      """yaml
      status:
        phase: Running
        initContainerStatuses:
          - name: prepare
            restartCount: 1
            state: {terminated: {reason: Completed, exitCode: 0}}
        containerStatuses:
          - name: app
            restartCount: 1
            ready: true
            state: {running: {}}
            lastState: {terminated: {reason: Unknown, exitCode: 255}}
      """
    And pod "steady" has a SandboxChanged event saying "Pod sandbox changed, it will be killed and re-created."

  @sim-only
  Scenario: a power loss fails a restartPolicy Never pod
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: once
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, command: ["sleep", "3600"]}
      """
    And pod "once" is Running within 1 minute
    When node "worker-1" fails
    And 1 minute passes
    And node "worker-1" recovers
    Then pod "once" matches within 10s:
      """yaml
      status:
        phase: Failed
        containerStatuses:
          - name: app
            restartCount: 0
            state: {terminated: {reason: Unknown, exitCode: 255}}
      """

  @sim-only
  Scenario: a partitioned kubelet keeps its pods going and reports when the partition heals
    When node "worker-1" is partitioned from the control plane
    And 4 minutes pass
    Then node "worker-1" has condition Ready=Unknown with reason NodeStatusUnknown
    And pod "crashy" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 0}
      """
    When node "worker-1" recovers
    Then pod "crashy" matches within 5s:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 4}
      """
    And pod "steady" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 0, ready: true, state: {running: {}}}
      """

  @sim-only
  Scenario: under a stopped kubelet an exited container stays down until the kubelet starts
    When the kubelet on node "worker-1" stops
    And 4 minutes pass
    And node "worker-1" recovers
    Then pod "crashy" matches within 5s:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 1, state: {running: {startedAt: "2026-01-01T00:04:05Z"}}}
      """
    And pod "steady" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 0, ready: true}
      """

  @sim-only
  Scenario: a pod evicted from a partitioned node stays Terminating until the partition heals
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: brief
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        tolerations:
          - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 10}
        containers:
          - {name: app, image: busybox:1.36, command: ["sleep", "infinity"]}
      """
    And pod "brief" is Running within 1 minute
    When node "worker-1" is partitioned from the control plane
    And 10 minutes pass
    Then pod "brief" is terminating
    When node "worker-1" recovers
    Then pod "brief" does not exist within 1 minute
