@scheduling @versions
Feature: Whether a sidecar's hostPort takes the port on its node depends on the Kubernetes version
  Up to 1.32 the NodePorts filter counts the hostPorts of a pod's regular containers only, so a
  sidecar (an init container with restartPolicy Always) holding a hostPort does not keep another
  pod asking for the same port off the node (k8s.io/kubernetes@v1.32.13 pkg/scheduler/framework/
  plugins/nodeports/node_ports.go getContainerPorts). From 1.34 (backported to 1.33.x) sidecars run
  for the pod's whole life and their hostPorts count too; a plain init container's never do
  (k8s.io/kubernetes@v1.34.4 pkg/scheduler/util/utils.go GetHostPorts; CHANGELOG-1.34 #132040;
  data: scheduler.nodePorts.restartableInitContainers).

  Background:
    Given a cluster with nodes:
      | name     |
      | worker-1 |
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: with-sidecar}
      spec:
        initContainers:
          - {name: exporter, image: registry.k8s.io/pause:3.10, restartPolicy: Always, ports: [{containerPort: 9100, hostPort: 9100}]}
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """
    And pod "with-sidecar" is Running within 1 minute
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: wants-the-port}
      spec:
        containers:
          - {name: exporter, image: registry.k8s.io/pause:3.10, ports: [{containerPort: 9100, hostPort: 9100}]}
      """

  @portable @kubernetes-1.34+
  Scenario: from 1.34 the sidecar's hostPort keeps a second pod asking for it off the node
    # Only the NodePorts reason: a live cluster counts the nodes a cluster step fenced off too
    # ("0/4 nodes are available: ..., 3 node(s) had untolerated taint(s)" on the reference cluster).
    Then pod "wants-the-port" has a FailedScheduling event saying "1 node(s) didn't have free ports for the requested pod ports" within 1 minute
    And pod "wants-the-port" is Pending

  @portable @kubernetes-1.32
  Scenario: on 1.32 the scheduler does not see the sidecar's hostPort
    Then pod "wants-the-port" runs on node "worker-1" within 1 minute
