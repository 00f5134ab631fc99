Feature: Pods stuck in ImagePullBackOff

  Scenario: the Deployment runs nginx:1.27
    Then Deployment "frontend" matches:
      """yaml
      spec:
        template:
          spec:
            containers:
              - {name: frontend, image: nginx:1.27}
      """

  Scenario: the rollout finished with every replica ready
    Then Deployment "frontend" is rolled out
    And Deployment "frontend" has 3 ready replicas
