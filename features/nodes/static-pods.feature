@nodes @static-pods
Feature: Static pods
  A kubelet runs the pod manifests in its staticPodPath itself: no scheduler places them, and the
  API shows each as a read-only mirror pod named `<pod>-<node>`, owned by the Node. The mirror is
  a reflection: deleting it does not stop the pod; editing or removing the file does
  (pkg/kubelet/config, reference/kubelet.md).

  Background:
    Given a cluster with 2 worker nodes
    And the following static pod manifest is placed on node "worker-2":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: static-web
        labels: {role: static}
      spec:
        containers:
          - {name: web, image: registry.k8s.io/nginx-slim:0.27, ports: [{containerPort: 80}]}
      """

  @sim-only @C003-016 @C003-019 @C003-020 @C003-021 @C003-023 @C001-046
  Scenario: the kubelet runs a static pod on its own node, with a mirror pod in the API
    Then pod "static-web-worker-2" is Running within 1 minute
    And pod "static-web-worker-2" runs on node "worker-2"
    And pod "static-web-worker-2" matches:
      """yaml
      metadata:
        labels: {role: static}
        annotations: {kubernetes.io/config.source: file}
        ownerReferences:
          - {apiVersion: v1, kind: Node, name: worker-2, controller: true}
      spec:
        tolerations:
          - {operator: Exists, effect: NoExecute}
      """
    And pod "static-web-worker-2" has no field "spec.serviceAccountName"

  @sim-only @C003-022 @C001-047
  Scenario: deleting the mirror pod does not stop the static pod; the mirror comes back
    Given pod "static-web-worker-2" is Running within 1 minute
    And 1 minute passes
    When pod "static-web-worker-2" is deleted
    Then pod "static-web-worker-2" is Running within 10s
    And pod "static-web-worker-2" matches:
      """yaml
      status:
        startTime: "2026-01-01T00:00:00Z"
        containerStatuses:
          - {name: web, restartCount: 0, ready: true}
      """

  @sim-only @C003-017
  Scenario: editing the manifest replaces the pod
    Given pod "static-web-worker-2" is ready within 1 minute
    When the following static pod manifest is placed on node "worker-2":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: static-web
        labels: {role: static}
      spec:
        containers:
          - {name: web, image: registry.k8s.io/nginx-slim:0.26, ports: [{containerPort: 80}]}
      """
    Then pod "static-web-worker-2" matches within 1 minute:
      """yaml
      spec:
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.26}]
      status:
        phase: Running
      """

  @sim-only @C003-018
  Scenario: removing the manifest stops the pod and its mirror goes
    Given pod "static-web-worker-2" is Running within 1 minute
    When the static pod manifest "static-web" is removed from node "worker-2"
    Then pod "static-web-worker-2" does not exist within 1 minute

  @sim-only @C002-005 @C003-019 @C001-014
  Scenario: a kubeadm control plane runs its components as static pods, mirrored in kube-system
    Then pod "kube-scheduler-control-plane" in namespace "kube-system" matches within 1 minute:
      """yaml
      metadata:
        labels: {component: kube-scheduler, tier: control-plane}
        annotations: {kubernetes.io/config.source: file}
        ownerReferences:
          - {kind: Node, name: control-plane}
      spec:
        nodeName: control-plane
        priorityClassName: system-node-critical
        hostNetwork: true
      status:
        phase: Running
      """
    And pod "kube-apiserver-control-plane" in namespace "kube-system" matches within 1 minute:
      """yaml
      status: {phase: Running}
      """
    And pod "etcd-control-plane" in namespace "kube-system" matches within 1 minute:
      """yaml
      metadata:
        labels: {component: etcd}
      """
