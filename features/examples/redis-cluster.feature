@examples @workloads
Feature: Exercise 2: a Redis cluster as a StatefulSet
  The seed's second exercise: six Redis pods behind a headless Service that names each of them
  for client (6379) and cluster-bus (16379) traffic, every container with requests and limits.

  Background:
    Given a cluster with 3 worker nodes

  @portable @C000-230 @C000-231 @C000-232
  Scenario: every Redis pod has a stable name the others resolve, and declared resources
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: redis-headless}
      spec:
        clusterIP: None
        selector: {app: redis-cluster}
        ports:
          - {name: client, port: 6379}
          - {name: gossip, port: 16379}
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: redis}
      spec:
        serviceName: redis-headless
        replicas: 6
        selector: {matchLabels: {app: redis-cluster}}
        template:
          metadata: {labels: {app: redis-cluster}}
          spec:
            containers:
              - name: redis
                image: redis:7.4
                command: ["redis-server", "--cluster-enabled", "yes", "--port", "6379"]
                ports:
                  - {name: client, containerPort: 6379}
                  - {name: gossip, containerPort: 16379}
                resources:
                  requests: {cpu: 100m, memory: 128Mi}
                  limits: {cpu: 500m, memory: 256Mi}
      """
    Then StatefulSet "redis" has 6 ready replicas within 3 minutes
    And the name "redis-0.redis-headless" resolves to the IP of pod "redis-0"
    And the name "redis-5.redis-headless.${namespace}.svc.cluster.local" resolves to the IP of pod "redis-5"
    And the name "redis-headless" resolves to the IPs of pods "redis-0, redis-1, redis-2, redis-3, redis-4, redis-5"
    And pod "redis-1" can reach pod "redis-4" on port 16379
    And "kubectl get endpointslices -l kubernetes.io/service-name=redis-headless -o jsonpath={.items[0].ports[*].port}" prints "6379 16379"
    And "kubectl get pods -l app=redis-cluster -o jsonpath={.items[*].status.qosClass}" prints "Burstable Burstable Burstable Burstable Burstable Burstable"
    And "kubectl get pods -l app=redis-cluster -o jsonpath={.items[*].spec.containers[0].resources.limits.memory}" prints "256Mi 256Mi 256Mi 256Mi 256Mi 256Mi"
