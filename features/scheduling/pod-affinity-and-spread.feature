@scheduling
Feature: Pod affinity, anti-affinity and topology spread
  Pods can attract or repel each other per topology domain, and spread across zones within a
  maximum skew (reference/scheduling.md §9, §10).

  @portable @C000-198 @C000-199
  Scenario: required anti-affinity puts at most one web pod on each node; the extra one waits
    Given a cluster with 2 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector:
                      matchLabels: {app: web}
                    topologyKey: kubernetes.io/hostname
            containers:
              - {name: web, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then there are 2 Running pods labelled "app=web" within 1 minute
    And 1 pod labelled "app=web" runs on node "worker-1"
    And 1 pod labelled "app=web" runs on node "worker-2"
    And there are 1 Pending pods labelled "app=web"

  @portable @C000-200
  Scenario: with one pod per node on every node, a surge pod has nowhere to go and the rollout stalls
    Given a cluster with 3 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector:
                      matchLabels: {app: web}
                    topologyKey: kubernetes.io/hostname
            containers:
              - {name: web, image: registry.k8s.io/nginx-slim:0.27}
      """
    And Deployment "web" is rolled out within 1 minute
    When Deployment "web" is updated to image "registry.k8s.io/nginx-slim:0.28"
    And 2 minutes pass
    Then there are 3 Running pods labelled "app=web"
    And there are 1 Pending pods labelled "app=web"
    And Deployment "web" matches:
      """yaml
      status:
        updatedReplicas: 1
        availableReplicas: 3
      """

  @portable @C000-196 @C000-197
  Scenario: preferred affinity draws web pods to the node running the cache, and never blocks
    Given a cluster with 3 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: cache
        labels: {app: cache}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-2}
        containers:
          - {name: redis, image: redis:7.4}
      """
    And pod "cache" is Running within 1 minute
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels: {app: web}
      spec:
        affinity:
          podAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  labelSelector:
                    matchLabels: {app: cache}
                  topologyKey: kubernetes.io/hostname
        containers:
          - {name: web, image: registry.k8s.io/nginx-slim:0.27}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: lonely
        labels: {app: lonely}
      spec:
        affinity:
          podAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                podAffinityTerm:
                  labelSelector:
                    matchLabels: {app: nothing-like-this}
                  topologyKey: kubernetes.io/hostname
        containers:
          - {name: web, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then pod "web" runs on node "worker-2" within 30s
    And pod "lonely" is Running within 1 minute

  @portable @C000-216 @C000-220
  Scenario: six replicas spread two per zone with maxSkew 1
    Given a cluster with nodes:
      | name | labels                          |
      | a-1  | topology.kubernetes.io/zone=a   |
      | b-1  | topology.kubernetes.io/zone=b   |
      | c-1  | topology.kubernetes.io/zone=c   |
      | c-2  | topology.kubernetes.io/zone=c   |
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: distributed
      spec:
        replicas: 6
        selector:
          matchLabels: {app: distributed}
        template:
          metadata:
            labels: {app: distributed}
          spec:
            topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: DoNotSchedule
                labelSelector:
                  matchLabels: {app: distributed}
            containers:
              - {name: app, image: registry.k8s.io/pause:3.10}
      """
    Then there are 6 Running pods labelled "app=distributed" within 1 minute
    And 2 pods labelled "app=distributed" run on node "a-1"
    And 2 pods labelled "app=distributed" run on node "b-1"

  @portable @C000-217 @C000-218
  Scenario: a pod that would break the skew waits; a node without the zone label is not eligible
    Given a cluster with nodes:
      | name     | labels                        | taints               |
      | a-1      | topology.kubernetes.io/zone=a |                      |
      | b-1      | topology.kubernetes.io/zone=b | blocked=true:NoSchedule |
      | no-zone  |                               |                      |
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: first
        labels: {app: skewed}
      spec:
        nodeSelector: {kubernetes.io/hostname: a-1}
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: second
        labels: {app: skewed}
      spec:
        topologySpreadConstraints:
          - maxSkew: 1
            topologyKey: topology.kubernetes.io/zone
            whenUnsatisfiable: DoNotSchedule
            labelSelector:
              matchLabels: {app: skewed}
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10}
      """
    # The tainted zone b still counts as a domain (nodeTaintsPolicy Ignore) with 0 pods, so a
    # second pod in zone a would make the skew 2.
    Then pod "second" has a FailedScheduling event saying "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) didn't match pod topology spread constraints (missing required label), 1 node(s) had untolerated taint {blocked: true}." within 30s
