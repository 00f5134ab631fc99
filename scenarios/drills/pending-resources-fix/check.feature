Feature: Pods that never get scheduled

  Scenario: both replicas are ready
    Then Deployment "report" has 2 ready replicas
    And there are 2 Running pods labelled "app=report"

  Scenario: the requests are what the report needs
    Then Deployment "report" matches:
      """yaml
      spec:
        template:
          spec:
            containers:
              - name: report
                resources:
                  requests: {cpu: 250m, memory: 256Mi}
      """
