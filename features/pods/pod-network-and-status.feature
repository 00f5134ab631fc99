@pods
Feature: A pod's way from the API server to running containers
  A new pod is stored Pending without a node; the scheduler, watching for pods without
  spec.nodeName, binds it; the node's kubelet starts its containers and reports each one's
  single state back. The pod gets an address of its own on the pod network, shared by all its
  containers (reference/kubelet.md §1, networking.md §1).

  Background:
    Given a cluster with 2 worker nodes

  @portable @C001-018 @C001-067 @C001-068 @C002-004 @C001-044 @C003-033 @C002-009 @C004-002 @C002-126
  Scenario: stored Pending, bound by the scheduler, started by the kubelet, one address for all its containers
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: duo
        labels: {app: duo}
      spec:
        containers:
          - {name: web, image: registry.k8s.io/nginx-slim:0.27}
          - {name: helper, image: busybox:1.36, command: ["sleep", "3600"]}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: many}
      spec:
        replicas: 4
        selector: {matchLabels: {app: many}}
        template:
          metadata: {labels: {app: many}}
          spec:
            containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      """
    Then pod "duo" is scheduled after pod "duo" is created
    And pod "duo" is running after pod "duo" is scheduled
    And pod "duo" is Running within 1 minute
    And pod "duo" matches:
      """yaml
      status:
        phase: Running
        conditions:
          - {type: PodScheduled, status: "True"}
          - {type: Ready, status: "True"}
        containerStatuses:
          - {name: helper, ready: true, restartCount: 0, state: {running: {}}}
          - {name: web, ready: true, restartCount: 0, state: {running: {}}}
      """
    And "kubectl get pod duo -o jsonpath={.status.containerStatuses[*].state}" does not print "waiting"
    And there are 4 Running pods labelled "app=many" within 1 minute
    And the pods labelled "app in (duo,many)" have addresses of their own

  @portable @C001-066 @C003-002
  Scenario: containerPort only names a port; a Service takes the pods that carry every label of its selector
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web-prod, labels: {app: web, env: prod}}
      spec:
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
            ports: [{name: http, containerPort: 80}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: api-prod, labels: {app: api, env: prod}}
      spec:
        containers: [{name: api, image: registry.k8s.io/nginx-slim:0.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: web-staging, labels: {app: web, env: staging}}
      spec:
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web-by-name}
      spec:
        selector: {app: web, env: prod}
        ports: [{port: 80, targetPort: http}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web-elsewhere}
      spec:
        selector: {app: web, env: prod}
        ports: [{port: 80, targetPort: 9090}]
      """
    Then service "web-by-name" has 1 ready endpoint within 1 minute
    And "kubectl get endpoints web-by-name -o jsonpath={.subsets[0].addresses[*].targetRef.name}" prints "web-prod"
    And "kubectl get endpoints web-by-name -o jsonpath={.subsets[0].ports[0].port}" prints "80"
    And "kubectl get endpoints web-elsewhere -o jsonpath={.subsets[0].ports[0].port}" prints "9090"
