Feature: A batch Job with 100 completions

  Scenario: the Job is shaped as asked
    Then Job "batch-process" matches:
      """yaml
      spec:
        completions: 100
        parallelism: 10
        backoffLimit: 4
        template:
          spec:
            restartPolicy: Never
      """

  Scenario: the Job completed all 100 items
    Then Job "batch-process" completes
    And Job "batch-process" matches:
      """yaml
      status:
        succeeded: 100
      """
