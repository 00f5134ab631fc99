@networking @ingress
Feature: An Ingress without a controller
  An Ingress is only a set of routing rules the API server stores. Nothing routes by it and
  nothing writes an address into its status until a controller of its class is installed. (The
  class is named after the scenario: a live cluster may well run an nginx controller already.)

  @portable @C001-198 @C002-196 @C004-049 @C002-197
  Scenario: the rules are stored, nothing routes by them and the address stays empty
    Given a cluster with 1 worker node
    And a Deployment "web" with 1 replica
    When "kubectl expose deployment web --port=80" is run
    And the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: web}
      spec:
        ingressClassName: edge-${namespace}
        rules:
          - host: web.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      """
    Then Ingress "web" exists
    And a request to "http://web.example.com/" is not routed
    And "kubectl get ingress web" prints:
      """
      NAME   CLASS   HOSTS             ADDRESS   PORTS   AGE
      web    *       web.example.com             80      *
      """
    When an ingress controller for class "edge-${namespace}" is installed
    Then a request to "http://web.example.com/" is routed to service "web" port 80
