Feature: One replica per node

  Scenario: three replicas are ready
    Then Deployment "frontend" has 3 ready replicas

  Scenario: each worker runs exactly one replica
    Then 1 pod labelled "app=frontend" runs on node "worker-1"
    And 1 pod labelled "app=frontend" runs on node "worker-2"
    And 1 pod labelled "app=frontend" runs on node "worker-3"

  Scenario: the rule is a hard anti-affinity per hostname
    Then Deployment "frontend" matches:
      """yaml
      spec:
        template:
          spec:
            affinity:
              podAntiAffinity:
                requiredDuringSchedulingIgnoredDuringExecution:
                  - topologyKey: kubernetes.io/hostname
                    labelSelector:
                      matchLabels: {app: frontend}
      """
