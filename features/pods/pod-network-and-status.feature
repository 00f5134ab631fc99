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

  @portable @C001-065 @C002-011 @C003-075 @C001-076 @C003-080 @C000-143
  Scenario: containers of a pod share its network namespace: the app reaches its ambassador on localhost
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: ambassador-pattern}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sh", "-c", "sleep 3600"]
            env:
              - {name: REDIS_HOST, value: localhost}
              - {name: REDIS_PORT, value: "6379"}
          - name: redis-ambassador
            image: redis:7.4
          - name: db-proxy
            image: registry.k8s.io/e2e-test-images/agnhost:2.53
            args: [netexec, --http-port=5432]
            ports: [{containerPort: 5432}]
      """
    Then pod "ambassador-pattern" is Running within 1 minute
    And container "app" of pod "ambassador-pattern" reaches localhost port 6379
    And container "app" of pod "ambassador-pattern" reaches localhost port 5432
    And container "redis-ambassador" of pod "ambassador-pattern" reaches localhost port 5432

  @portable @C001-020 @C002-010 @C002-124 @C001-221
  Scenario: pods on different nodes reach each other at their own addresses, taken from their nodes' pod CIDRs
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: left, labels: {side: left}}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27, ports: [{containerPort: 80}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: right, labels: {side: right}}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-2}
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27, ports: [{containerPort: 80}]}]
      """
    Then pod "left" is Running within 1 minute
    And pod "right" is Running within 1 minute
    And the pods labelled "side" have addresses of their own
    And pod "left" can reach pod "right" on port 80
    And pod "right" can reach pod "left" on port 80
