Feature: Default requests and limits for containers

  Scenario: the LimitRange sets container defaults
    Then LimitRange "container-defaults" matches:
      """yaml
      spec:
        limits:
          - type: Container
            default: {cpu: 500m, memory: 256Mi}
            defaultRequest: {cpu: 100m, memory: 128Mi}
      """

  Scenario: a pod created without resources gets them
    Then pod "probe" matches:
      """yaml
      spec:
        containers:
          - resources:
              requests: {cpu: 100m, memory: 128Mi}
              limits: {cpu: 500m, memory: 256Mi}
      """
    And pod "probe" is Running
