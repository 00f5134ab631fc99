Feature: Nobody uncordoned the workers

  Scenario: all replicas run
    Then Deployment "api" has 3 ready replicas

  Scenario: worker-3 stays cordoned and runs none of them
    Then Node "worker-3" matches:
      """yaml
      spec:
        unschedulable: true
      """
    And no pod labelled "app=api" runs on node "worker-3"
    And Deployment "api" has 3 ready replicas

  Scenario: worker-1 and worker-2 take work again
    Then node "worker-1" has no taints
    And node "worker-2" has no taints
