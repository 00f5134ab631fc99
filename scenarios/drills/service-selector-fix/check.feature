Feature: A Service with no endpoints

  Scenario: the Service has both payments pods as endpoints
    Then service "payments" has 2 ready endpoints

  Scenario: the Deployment was left as it was
    Then Deployment "payments" has 2 ready replicas
    And Deployment "payments" matches:
      """yaml
      spec:
        template:
          metadata:
            labels: {app: payments}
      """
    And service "payments" has 2 ready endpoints
