@networking @ingress
Feature: Ingress routing
  Requests are routed as an Ingress controller does it (reference/networking.md §5): exact hosts
  before wildcards, the longest path first, Exact before Prefix, Prefix by whole path elements.

  Background:
    Given a cluster with 1 worker node
    And an ingress controller for class "nginx" is installed

  @portable @C000-001 @C000-004 @C000-005 @C000-006 @C000-007
  Scenario: an Ingress of the installed class routes a host to its Service
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: basic
        annotations:
          nginx.ingress.kubernetes.io/rewrite-target: /
      spec:
        ingressClassName: nginx
        rules:
          - host: myapp.example.com
            http:
              paths:
                - path: /
                  pathType: Prefix
                  backend:
                    service: {name: frontend-service, port: {number: 80}}
      """
    Then a request to "http://myapp.example.com/anything/at/all" is routed to service "frontend-service" port 80
    And a request to "http://other.example.com/" is not routed
    And IngressClass "nginx" matches:
      """yaml
      spec: {controller: k8s.io/ingress-nginx}
      """

  @portable @C000-017 @C000-018 @C001-203 @C001-201
  Scenario: the longest path wins and Prefix compares whole elements
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: paths}
      spec:
        rules:
          - host: shop.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: frontend-service, port: {number: 80}}}}
                - {path: /static, pathType: Prefix, backend: {service: {name: static-service, port: {number: 80}}}}
                - {path: /api/v1, pathType: Exact, backend: {service: {name: exact-service, port: {number: 8080}}}}
                - {path: /api, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      """
    Then a request to "http://shop.example.com/static/app.css" is routed to service "static-service" port 80
    And a request to "http://shop.example.com/staticfile" is routed to service "frontend-service" port 80
    And a request to "http://shop.example.com/api/v1" is routed to service "exact-service" port 8080
    And a request to "http://shop.example.com/api/v1/users" is routed to service "api-service" port 8080
    And Ingress "paths" matches:
      """yaml
      spec: {ingressClassName: nginx}
      """

  @portable @C000-223 @C000-224 @C000-225 @C000-019
  Scenario: the microservice exercise: two API versions behind one TLS host
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: api
        annotations:
          nginx.ingress.kubernetes.io/ssl-redirect: "true"
          nginx.ingress.kubernetes.io/limit-rps: "100"
      spec:
        ingressClassName: nginx
        tls:
          - hosts: [api.example.com]
            secretName: api-tls
        rules:
          - host: api.example.com
            http:
              paths:
                - {path: /v1, pathType: Prefix, backend: {service: {name: api-v1-service, port: {number: 80}}}}
                - {path: /v2, pathType: Prefix, backend: {service: {name: api-v2-service, port: {number: 80}}}}
      """
    Then a request to "https://api.example.com/v1/users" is routed to service "api-v1-service" port 80
    And a request to "https://api.example.com/v2" is routed to service "api-v2-service" port 80
    And a request to "https://api.example.com/v1/users" is served with the controller's default certificate
    When "kubectl create secret tls api-tls --cert=scenarios/files/tls.crt --key=scenarios/files/tls.key" is run
    Then a request to "https://api.example.com/v1/users" is served with the certificate in secret "api-tls"
    And a request to "https://api.example.com/v3" is not routed

  @portable
  Scenario: a wildcard host matches exactly one more label
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: wild}
      spec:
        rules:
          - host: "*.example.com"
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: tenant-service, port: {number: 80}}}}
      """
    Then a request to "http://acme.example.com/" is routed to service "tenant-service" port 80
    And a request to "http://a.b.example.com/" is not routed
    And a request to "http://example.com/" is not routed

  @portable @C000-008 @C000-014 @C001-204 @C004-056
  Scenario: pathType is required and a host may not be an IP address
    Then the following manifest is rejected with "spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified":
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: no-type}
      spec:
        rules:
          - http:
              paths:
                - {path: /, backend: {service: {name: web, port: {number: 80}}}}
      """
    And the following manifest is rejected with "must be a DNS name, not an IP address":
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: by-ip}
      spec:
        rules:
          - host: 10.0.0.1
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      """

  @portable @C000-016
  Scenario: Exact and Prefix paths are clean absolute paths; a regex path belongs to ImplementationSpecific
    Then the following manifest is rejected with "spec.rules[0].http.paths[0].path: Invalid value: \"api\": must be an absolute path":
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: relative}
      spec:
        rules:
          - http:
              paths:
                - {path: api, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}
      """
    And the following manifest is rejected with "spec.rules[0].http.paths[0].path: Invalid value: \"/api//v1\": must not contain '//'":
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: double-slash}
      spec:
        rules:
          - http:
              paths:
                - {path: /api//v1, pathType: Exact, backend: {service: {name: web, port: {number: 80}}}}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: regex}
      spec:
        rules:
          - http:
              paths:
                - {path: "/api(/|$)(.*)", pathType: ImplementationSpecific, backend: {service: {name: web, port: {number: 80}}}}
      """
    Then Ingress "regex" exists
