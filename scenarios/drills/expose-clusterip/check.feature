Feature: Expose a Deployment inside the cluster

  Scenario: the Service forwards port 80 to 8080
    Then Service "catalog" matches:
      """yaml
      spec:
        type: ClusterIP
        ports:
          - {port: 80, targetPort: 8080, protocol: TCP}
      """

  Scenario: both catalog pods are behind it
    Then service "catalog" has 2 ready endpoints

  Scenario: the name resolves in cluster DNS
    Then the name "catalog.shop.svc.cluster.local" resolves to the cluster IP of service "catalog"
