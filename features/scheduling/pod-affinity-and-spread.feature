@scheduling
Feature: Pod affinity, anti-affinity and topology spread
  Pods can attract or repel each other per topology domain, and spread across zones within a
  maximum skew (reference/scheduling.md §9, §10).

  @portable @C000-198 @C000-199 @C003-092 @C003-088
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

  @portable @C000-216 @C000-220 @C003-098 @C003-100
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

  @portable @C000-217 @C000-218 @C003-099 @C003-101
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
    Then pod "second" has a FailedScheduling event saying "0/3 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) didn't match pod topology spread constraints (missing required label), 1 node(s) had untolerated taint" within 30s

  @portable @C003-089 @C003-090 @C003-094
  Scenario: required pod affinity waits for its partner, joins its node, and stays when the partner goes
    Given a cluster with 3 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-with-cache
        labels: {app: web}
      spec:
        affinity:
          podAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector:
                  matchExpressions: [{key: app, operator: In, values: [cache]}]
                topologyKey: kubernetes.io/hostname
        containers:
          - {name: web, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then pod "web-with-cache" has a FailedScheduling event saying "didn't match pod affinity rules" within 30s
    And pod "web-with-cache" is Pending
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: cache
        labels: {app: cache}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-3}
        containers:
          - {name: cache, image: registry.k8s.io/pause:3.10}
      """
    Then pod "web-with-cache" runs on node "worker-3" within 5 minutes
    And pod "web-with-cache" is Running within 1 minute
    When pod "cache" is deleted
    And 1 minute passes
    Then pod "web-with-cache" is Running
    And pod "web-with-cache" runs on node "worker-3"

  @portable @C003-093
  Scenario: preferred anti-affinity spreads replicas where it can and still schedules the rest
    Given a cluster with 2 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 4
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            affinity:
              podAntiAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      labelSelector:
                        matchLabels: {app: web}
                      topologyKey: kubernetes.io/hostname
            containers:
              - {name: web, image: registry.k8s.io/nginx-slim:0.27}
      """
    Then there are 4 Running pods labelled "app=web" within 1 minute
    And 2 pods labelled "app=web" run on node "worker-1"
    And 2 pods labelled "app=web" run on node "worker-2"

  @portable @C003-096 @C003-095
  Scenario: required anti-affinity per zone allows one replica per zone
    Given a cluster with nodes:
      | name | labels                        |
      | a-1  | topology.kubernetes.io/zone=a |
      | a-2  | topology.kubernetes.io/zone=a |
      | b-1  | topology.kubernetes.io/zone=b |
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: db
      spec:
        replicas: 3
        selector:
          matchLabels: {app: db}
        template:
          metadata:
            labels: {app: db}
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector:
                      matchLabels: {app: db}
                    topologyKey: topology.kubernetes.io/zone
            containers:
              - {name: db, image: registry.k8s.io/pause:3.10}
      """
    Then there are 2 Running pods labelled "app=db" within 1 minute
    And 1 pod labelled "app=db" runs on node "b-1"
    And there are 1 Pending pods labelled "app=db"

  @portable @C003-102
  Scenario: ScheduleAnyway schedules a pod even where it raises the skew
    Given a cluster with nodes:
      | name | labels                        | taints                  |
      | a-1  | topology.kubernetes.io/zone=a |                         |
      | b-1  | topology.kubernetes.io/zone=b | blocked=true:NoSchedule |
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: soft
      spec:
        replicas: 3
        selector:
          matchLabels: {app: soft}
        template:
          metadata:
            labels: {app: soft}
          spec:
            topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: ScheduleAnyway
                labelSelector:
                  matchLabels: {app: soft}
            containers:
              - {name: app, image: registry.k8s.io/pause:3.10}
      """
    Then there are 3 Running pods labelled "app=soft" within 1 minute
    And 3 pods labelled "app=soft" run on node "a-1"

  @portable @C000-202 @C000-222
  Scenario: affinity terms need a topology key; spread constraints need a positive skew and a known action
    Given a cluster with 1 worker node
    Then the following manifest is rejected with "spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: keyless}
      spec:
        affinity:
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector: {matchLabels: {app: web}}
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    And the following manifest is rejected with "spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: flat}
      spec:
        topologySpreadConstraints:
          - {maxSkew: 0, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    And the following manifest is rejected with "spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: \"Sometimes\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\"":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: vague}
      spec:
        topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: Sometimes, labelSelector: {matchLabels: {app: web}}}
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """

  @portable @C003-091
  Scenario: three replicas with required anti-affinity on three nodes take one node each
    Given a cluster with 3 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector: {matchLabels: {app: web}}
                    topologyKey: kubernetes.io/hostname
            containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """
    Then there are 3 Running pods labelled "app=web" within 1 minute
    And 1 pod labelled "app=web" runs on node "worker-1"
    And 1 pod labelled "app=web" runs on node "worker-2"
    And 1 pod labelled "app=web" runs on node "worker-3"

  @portable @C000-201
  Scenario: affinity terms look at the pod's own namespace unless a namespaceSelector widens them
    Given a cluster with 1 worker node
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Namespace
      metadata: {name: elsewhere-${namespace}}
      """
    # A pod needs its namespace's default ServiceAccount, which a controller creates just after.
    And ServiceAccount "default" in namespace "elsewhere-${namespace}" matches within 30s:
      """yaml
      metadata: {name: default}
      """
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: neighbour, namespace: elsewhere-${namespace}, labels: {app: web}}
      spec:
        containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: local-only}
      spec:
        affinity:
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector: {matchLabels: {app: web}}
                topologyKey: kubernetes.io/hostname
        containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: every-namespace}
      spec:
        affinity:
          podAntiAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              - labelSelector: {matchLabels: {app: web}}
                namespaceSelector: {}
                topologyKey: kubernetes.io/hostname
        containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """
    Then pod "local-only" runs on node "worker-1" within 30s
    And pod "every-namespace" has a FailedScheduling event saying "didn't match pod anti-affinity rules" within 30s
    And pod "every-namespace" is Pending

  @portable @C003-103
  Scenario: a hard zone constraint and a soft node constraint together: three per zone, one per node
    Given a cluster with nodes:
      | name | labels                        |
      | a-1  | topology.kubernetes.io/zone=a |
      | a-2  | topology.kubernetes.io/zone=a |
      | a-3  | topology.kubernetes.io/zone=a |
      | b-1  | topology.kubernetes.io/zone=b |
      | b-2  | topology.kubernetes.io/zone=b |
      | b-3  | topology.kubernetes.io/zone=b |
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 6
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: DoNotSchedule
                labelSelector: {matchLabels: {app: web}}
              - maxSkew: 1
                topologyKey: kubernetes.io/hostname
                whenUnsatisfiable: ScheduleAnyway
                labelSelector: {matchLabels: {app: web}}
            containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """
    Then there are 6 Running pods labelled "app=web" within 1 minute
    And the pods labelled "app=web" are spread over "topology.kubernetes.io/zone" with a skew of at most 0
    And the pods labelled "app=web" are spread over "kubernetes.io/hostname" with a skew of at most 0

  @portable @C003-104
  Scenario: minDomains larger than the zones there are keeps the global minimum at zero
    Given a cluster with nodes:
      | name | labels                        |
      | a-1  | topology.kubernetes.io/zone=a |
      | b-1  | topology.kubernetes.io/zone=b |
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            topologySpreadConstraints:
              - maxSkew: 1
                minDomains: 3
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: DoNotSchedule
                labelSelector: {matchLabels: {app: web}}
            containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """
    Then there are 2 Running pods labelled "app=web" within 1 minute
    And there are 1 Pending pods labelled "app=web"
    And 1 pod labelled "app=web" runs on node "a-1"
    And 1 pod labelled "app=web" runs on node "b-1"

  @portable @C003-097
  Scenario: preferred affinity draws web pods to the cache's zone while anti-affinity keeps one per node
    Given a cluster with nodes:
      | name | labels                        |
      | a-1  | topology.kubernetes.io/zone=a |
      | a-2  | topology.kubernetes.io/zone=a |
      | b-1  | topology.kubernetes.io/zone=b |
      | b-2  | topology.kubernetes.io/zone=b |
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: cache, labels: {app: cache}}
      spec:
        nodeSelector: {kubernetes.io/hostname: b-1}
        containers: [{name: redis, image: registry.k8s.io/pause:3.10}]
      """
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 3
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            affinity:
              podAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      labelSelector: {matchLabels: {app: cache}}
                      topologyKey: topology.kubernetes.io/zone
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector: {matchLabels: {app: web}}
                    topologyKey: kubernetes.io/hostname
            containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """
    Then there are 3 Running pods labelled "app=web" within 1 minute
    And 1 pod labelled "app=web" runs on node "b-1"
    And 1 pod labelled "app=web" runs on node "b-2"

  @portable @C000-219
  Scenario: a ScheduleAnyway hostname constraint prefers the emptier node but never blocks
    Given a cluster with nodes:
      | name | labels | taints                  |
      | n-1  |        |                         |
      | n-2  |        | blocked=true:NoSchedule |
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: soft-host}
      spec:
        replicas: 3
        selector: {matchLabels: {app: soft-host}}
        template:
          metadata: {labels: {app: soft-host}}
          spec:
            topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: kubernetes.io/hostname
                whenUnsatisfiable: ScheduleAnyway
                labelSelector: {matchLabels: {app: soft-host}}
            containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    Then there are 3 Running pods labelled "app=soft-host" within 1 minute
    And 3 pods labelled "app=soft-host" run on node "n-1"

  @portable @C000-221
  Scenario: spread is checked only when a pod is placed; later changes leave the domains as they are
    Given a cluster with nodes:
      | name | labels                        |
      | a-1  | topology.kubernetes.io/zone=a |
      | b-1  | topology.kubernetes.io/zone=b |
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: spread}
      spec:
        replicas: 4
        selector: {matchLabels: {app: spread}}
        template:
          metadata: {labels: {app: spread}}
          spec:
            topologySpreadConstraints:
              - maxSkew: 1
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: DoNotSchedule
                labelSelector: {matchLabels: {app: spread}}
            containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    Then there are 4 Running pods labelled "app=spread" within 1 minute
    And 2 pods labelled "app=spread" run on node "b-1"
    When "kubectl label node b-1 topology.kubernetes.io/zone=a --overwrite" is run
    And 30 seconds pass
    Then 2 pods labelled "app=spread" run on node "b-1"
    And 2 pods labelled "app=spread" run on node "a-1"

  @portable @C003-105
  Scenario: matchLabelKeys counts only the pods that share the new pod's value of those labels
    Given a cluster with 2 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: stable-a, labels: {app: web, track: stable}}
      spec:
        nodeName: worker-1
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: stable-b, labels: {app: web, track: stable}}
      spec:
        nodeName: worker-1
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: canary-counted, labels: {app: web, track: canary}}
      spec:
        affinity:
          nodeAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                preference: {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-1]}]}
        topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}}
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: canary-own-track, labels: {app: web, track: canary}}
      spec:
        affinity:
          nodeAffinity:
            preferredDuringSchedulingIgnoredDuringExecution:
              - weight: 100
                preference: {matchExpressions: [{key: kubernetes.io/hostname, operator: In, values: [worker-1]}]}
        topologySpreadConstraints:
          - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: web}}, matchLabelKeys: [track]}
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    # Counting every app=web pod, worker-1 already has two: the skew forbids a third there.
    # Counting only track=canary pods, worker-1 has none, and the preferred node wins.
    Then pod "canary-counted" runs on node "worker-2" within 30s
    And pod "canary-own-track" runs on node "worker-1" within 30s
