Feature: One host, two services, TLS and a rate limit

  Scenario: API requests go to the api service
    Then a request to "https://shop.example.com/api/v1/cart" is routed to service "api" port 8080

  Scenario: everything else goes to the web service
    Then a request to "https://shop.example.com/" is routed to service "web" port 80
    And a request to "https://shop.example.com/products/42" is routed to service "web" port 80

  Scenario: the host is served over TLS with the shop's certificate
    Then a request to "https://shop.example.com/" is served with the certificate in secret "storefront-tls"

  Scenario: other hosts are not served
    Then Ingress "storefront" exists
    And a request to "https://other.example.com/" is not routed

  Scenario: clients are rate limited
    Then Ingress "storefront" matches:
      """yaml
      metadata:
        annotations: {nginx.ingress.kubernetes.io/limit-rps: "10"}
      spec:
        ingressClassName: nginx
      """
