Feature: Reach a web app from outside on a fixed port

  Scenario: the Service is a NodePort on 30080
    Then Service "web-nodeport" matches:
      """yaml
      spec:
        type: NodePort
        ports:
          - {port: 80, targetPort: 80, nodePort: 30080}
      """

  Scenario: the web pods are behind it
    Then service "web-nodeport" has 2 ready endpoints
