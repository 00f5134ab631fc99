Feature: A priority class for critical batch work

  Scenario: the PriorityClass exists with its value
    Then PriorityClass "critical-batch" matches:
      """yaml
      value: 1000000
      description: critical batch jobs
      """

  Scenario: the pod urgent runs with that priority
    Then pod "urgent" matches:
      """yaml
      spec:
        priorityClassName: critical-batch
        priority: 1000000
      """
    And pod "urgent" is Running
