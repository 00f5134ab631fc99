@workloads @replicaset
Feature: ReplicaSet keeps a count of pods
  A ReplicaSet owns the pods its selector matches: it replaces missing ones, deletes surplus
  ones, adopts matching orphans and lets go of pods whose labels stop matching
  (reference/workloads.md §1).

  Background:
    Given a cluster with 3 worker nodes
    And manifest "replicaset-nginx.yaml" is applied
    And there are 3 Running pods labelled "app=nginx" within 1 minute

  @portable @C002-127 @C002-131
  Scenario: pods carry the template labels and an ownerReference to the ReplicaSet
    Then the pods labelled "app=nginx" are owned by ReplicaSet "nginx-replicaset"
    And ReplicaSet "nginx-replicaset" matches:
      """yaml
      status:
        replicas: 3
        readyReplicas: 3
        availableReplicas: 3
        fullyLabeledReplicas: 3
      """

  @portable @C001-124 @C002-128 @C001-002 @C004-009
  Scenario: a deleted pod is replaced
    When the oldest pod labelled "app=nginx" is deleted
    Then there are 3 Running pods labelled "app=nginx" within 1 minute

  @portable @C001-127 @C002-134 @C001-125 @C004-010 @C004-011
  Scenario: a matching bare pod is adopted and, being the least ready, deleted as the surplus
    When manifest "pod-stray-nginx.yaml" is applied
    Then pod "stray" does not exist within 1 minute
    And there are 3 Running pods labelled "app=nginx"
    And the pods labelled "app=nginx" are owned by ReplicaSet "nginx-replicaset"

  @portable @C001-128 @C002-135
  Scenario: a pod whose label is removed is orphaned, keeps running, and is replaced
    When the oldest pod labelled "app=nginx" is labelled "app-"
    Then there are 3 Running pods labelled "app=nginx" within 1 minute
    And there are 4 Running pods

  @portable @C001-126 @C002-137 @C004-016
  Scenario: scaling up and down
    When ReplicaSet "nginx-replicaset" is scaled to 5
    Then there are 5 Running pods labelled "app=nginx" within 1 minute
    When ReplicaSet "nginx-replicaset" is scaled to 2
    Then there are 2 Running pods labelled "app=nginx" within 1 minute

  @portable @C001-130 @C002-132 @C004-013
  Scenario: a selector that does not match the template labels is rejected
    Then the following manifest is rejected as Invalid with "`selector` does not match template `labels`":
      """yaml
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata:
        name: broken
      spec:
        replicas: 1
        selector:
          matchLabels: {app: nginx}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: nginx
                image: nginx:1.27
      """

  @portable @C002-136
  Scenario: a changed template leaves the running pods alone; only new pods get it
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: frontend}
      spec:
        replicas: 1
        selector:
          matchLabels: {app: frontend}
        template:
          metadata:
            labels: {app: frontend}
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.26}]
      """
    And there are 1 Running pods labelled "app=frontend" within 1 minute
    When ReplicaSet "frontend" is patched with:
      """yaml
      spec:
        template:
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """
    And 1 minute passes
    Then the oldest pod labelled "app=frontend" matches:
      """yaml
      spec:
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.26}]
      """
    When the oldest pod labelled "app=frontend" is deleted
    Then there are 1 Running pods labelled "app=frontend" within 1 minute
    And the oldest pod labelled "app=frontend" matches:
      """yaml
      spec:
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """


  @portable @C004-012 @C004-014 @C004-019
  Scenario: matchLabels and matchExpressions must both match; pods are named after the ReplicaSet
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: ReplicaSet
      metadata: {name: tiered}
      spec:
        replicas: 3
        selector:
          matchLabels: {app: web}
          matchExpressions:
            - {key: tier, operator: In, values: [frontend]}
        template:
          metadata:
            labels: {app: web, tier: frontend}
          spec:
            containers:
              - name: nginx
                image: nginx:1.27
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                  limits: {cpu: 200m, memory: 256Mi}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: backend
        labels: {app: web, tier: backend}
      spec:
        containers: [{name: nginx, image: nginx:1.27}]
      """
    Then there are 3 Running pods labelled "app=web,tier=frontend" within 1 minute
    And pod "backend" is Running
    And Pod "backend" is not owned by anything
    And the oldest pod labelled "tier=frontend" matches:
      """yaml
      metadata:
        generateName: tiered-
      spec:
        containers:
          - name: nginx
            resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {cpu: 200m, memory: 256Mi}
      status: {qosClass: Burstable}
      """
    And ReplicaSet "tiered" has a SuccessfulCreate event saying "Created pod: tiered-"
    When ReplicaSet "tiered" is scaled to 2
    Then ReplicaSet "tiered" has a SuccessfulDelete event saying "Deleted pod: tiered-" within 1 minute
    And ReplicaSet "tiered" matches within 1 minute:
      """yaml
      status: {replicas: 2, readyReplicas: 2, availableReplicas: 2}
      """

  @portable @C004-017
  Scenario: scaling down removes the pod that became ready last, not the oldest
    When ReplicaSet "nginx-replicaset" is scaled to 1
    Then there are 1 Running pods labelled "app=nginx" within 1 minute
    And the oldest pod labelled "app=nginx" is labelled "generation=first"
    # The ReplicaSet ranks ready times on a log2 scale (ActivePodsWithRanks.Less, LogarithmicScaleDown):
    # two pods ready for durations in the same power-of-two bucket (2.2 s and 3.5 s, say) tie, and then
    # the UID decides, not which became ready last. Only a pod ready at least twice as long as the new
    # one is sure to stay; on a fast cluster the steps alone leave seconds between the two, not that.
    When 30 seconds pass
    And ReplicaSet "nginx-replicaset" is scaled to 2
    Then there are 2 Running pods labelled "app=nginx" within 1 minute
    And ReplicaSet "nginx-replicaset" has 2 ready replicas within 1 minute
    When ReplicaSet "nginx-replicaset" is scaled to 1
    Then there are 1 Running pods labelled "app=nginx" within 1 minute
    And there are 1 Running pods labelled "app=nginx,generation=first"
