Feature: A rolling update without losing capacity

  Scenario: the strategy keeps full capacity
    Then Deployment "api" matches:
      """yaml
      spec:
        strategy:
          type: RollingUpdate
          rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
      """

  Scenario: the new image is rolled out
    Then Deployment "api" is rolled out
    And Deployment "api" matches:
      """yaml
      spec:
        template:
          spec:
            containers:
              - {name: api, image: nginx:1.27}
      """
    And Deployment "api" has 4 ready replicas

  Scenario: the update is a new revision, not a new Deployment
    Then Deployment "api" is at revision 2
