Feature: Run a web Deployment

  Scenario: three replicas are ready
    Then Deployment "web" has 3 ready replicas

  Scenario: the pods run nginx 1.27 with the requests asked for
    Then Deployment "web" matches:
      """yaml
      spec:
        selector:
          matchLabels: {app: web}
        template:
          spec:
            containers:
              - image: nginx:1.27
                ports: [{containerPort: 80}]
                resources:
                  requests: {cpu: 100m, memory: 64Mi}
      """
    And there are 3 Running pods labelled "app=web"
