Feature: A worker in CrashLoopBackOff

  Scenario: both replicas are ready
    Then Deployment "worker" is rolled out
    And Deployment "worker" has 2 ready replicas

  Scenario: the container runs the worker command
    Then Deployment "worker" matches:
      """yaml
      spec:
        template:
          spec:
            containers:
              - name: worker
                image: busybox:1.36
                command: [sleep, "3600"]
      """
