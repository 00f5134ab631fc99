Feature: A drain blocked by a disruption budget

  Scenario: worker-1 is drained
    Then Node "worker-1" matches:
      """yaml
      spec:
        unschedulable: true
      """
    And no pod labelled "app=ledger" runs on node "worker-1"

  Scenario: the budget is intact
    Then PodDisruptionBudget "ledger" matches:
      """yaml
      spec:
        minAvailable: 2
      """

  Scenario: ledger runs 3 ready replicas on worker-2
    Then Deployment "ledger" has 3 ready replicas
    And 3 pods labelled "app=ledger" run on node "worker-2"

  Scenario: worker-3 stays in maintenance
    Then Node "worker-3" matches:
      """yaml
      spec:
        unschedulable: true
      """
    And Node "worker-1" matches:
      """yaml
      spec:
        unschedulable: true
      """
