@networking @ingress
Feature: What ingress-nginx answers
  The answers of ingress-nginx (controller v1.12) worked out from the objects: the Ingresses of
  its class merged by host, the annotations it documents (ssl-redirect, rewrite-target, basic
  auth, proxy-body-size, CORS, backend-protocol, load-balance), the TLS Secrets it reads and the
  ready pods it proxies to. The API server stores those annotations without reading them.

  Background:
    Given a cluster with 2 worker nodes
    And an ingress controller for class "nginx" is installed
    And a Deployment "api" with 2 replicas
    And a Deployment "admin" with 1 replica
    When "kubectl expose deployment api --name=api-service --port=8080 --target-port=80" is run
    And "kubectl expose deployment admin --name=admin-service --port=3000 --target-port=80" is run

  @portable @C000-002 @C001-022 @C000-012 @C000-013 @C001-205 @C002-189 @C002-190 @C002-193 @C004-050 @C002-191 @C001-206
  Scenario: the controller merges the Ingresses of its class and routes by Host header
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: hosts}
      spec:
        ingressClassName: nginx
        rules:
          - host: api.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
          - host: admin.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: admin-service, port: {number: 3000}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: hosts-sub}
      spec:
        ingressClassName: nginx
        rules:
          - host: example-sub.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      """
    Then a request to "http://api.example.com/orders" gets 200 within 2 minutes
    And a request to "http://api.example.com/orders" reaches service "api-service" port 8080 at path "/orders"
    And a request to "http://admin.example.com/" reaches service "admin-service" port 3000 at path "/"
    And a request to "http://example-sub.com/x" reaches service "api-service" port 8080 at path "/x"
    And a request to "http://unknown.example.com/" gets 404
    And "kubectl describe ingress hosts" prints:
      """
      Rules:
        Host               Path  Backends
        api.example.com
                           /   api-service:8080 *
        admin.example.com
                           /   admin-service:3000 *
      """

  @portable @C002-186 @C001-202 @C002-187 @C004-054 @C004-055
  Scenario: a rule without a host takes every host; the longest Prefix wins, element by element
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: paths}
      spec:
        ingressClassName: nginx
        rules:
          - host: example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: admin-service, port: {number: 3000}}}}
                - {path: /api, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
          - http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      """
    Then a request to "http://example.com/api/users" reaches service "api-service" port 8080 at path "/api/users" within 2 minutes
    And a request to "http://example.com/apiary" reaches service "admin-service" port 3000 at path "/apiary"
    And a request to "http://example.com/" reaches service "admin-service" port 3000 at path "/"
    And a request to "http://anything.test/deep/path" reaches service "api-service" port 8080 at path "/deep/path"

  @portable @C000-010 @C002-185 @C000-015
  Scenario: rewrite-target replaces the path; a capture group keeps the rest of it
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: flat
        annotations:
          nginx.ingress.kubernetes.io/rewrite-target: /
      spec:
        ingressClassName: nginx
        rules:
          - host: flat.example.com
            http:
              paths:
                - {path: /api, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: captured
        annotations:
          nginx.ingress.kubernetes.io/use-regex: "true"
          nginx.ingress.kubernetes.io/rewrite-target: /$2
      spec:
        ingressClassName: nginx
        rules:
          - host: captured.example.com
            http:
              paths:
                - {path: /api(/|$)(.*), pathType: ImplementationSpecific, backend: {service: {name: api-service, port: {number: 8080}}}}
      """
    Then a request to "http://flat.example.com/api/users" reaches service "api-service" port 8080 at path "/" within 2 minutes
    And a request to "http://captured.example.com/api/users" reaches service "api-service" port 8080 at path "/users"
    And a request to "http://captured.example.com/api" reaches service "api-service" port 8080 at path "/"
    And a request to "http://captured.example.com/api/" reaches service "api-service" port 8080 at path "/"
    And a request to "http://captured.example.com/API/x" reaches service "api-service" port 8080 at path "/x"

  @portable @C000-020 @C000-226 @C000-021 @C002-188 @C001-208 @C002-210 @C002-213 @C004-053
  Scenario: a TLS host redirects plain HTTP with 308 and is served with its Secret's certificate
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: secure}
      spec:
        ingressClassName: nginx
        tls:
          - hosts: [api.example.com, web.example.com]
            secretName: example-tls
        rules:
          - host: api.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
          - host: web.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: admin-service, port: {number: 3000}}}}
          - host: plain.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: admin-service, port: {number: 3000}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: forced
        annotations:
          nginx.ingress.kubernetes.io/force-ssl-redirect: "true"
      spec:
        ingressClassName: nginx
        rules:
          - host: forced.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      """
    Then a request to "http://api.example.com/v1?page=2" is redirected to "https://api.example.com/v1?page=2"
    And a request to "http://forced.example.com/" is redirected to "https://forced.example.com/"
    And a request to "http://plain.example.com/" gets 200 within 2 minutes
    And a request to "https://web.example.com/" is served with the controller's default certificate
    When "kubectl create secret tls example-tls --cert=scenarios/files/tls.crt --key=scenarios/files/tls.key" is run
    Then a request to "https://web.example.com/" is served with the certificate in secret "example-tls"
    And a request to "https://api.example.com/" is served with the certificate in secret "example-tls"
    And a request to "https://api.example.com/" gets 200

  @portable @C000-029 @C002-203 @C002-206 @C002-207 @C002-205
  Scenario: basic auth demands credentials from the auth Secret, and a missing Secret closes the location
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: private
        annotations:
          nginx.ingress.kubernetes.io/auth-type: basic
          nginx.ingress.kubernetes.io/auth-secret: basic-auth
          nginx.ingress.kubernetes.io/auth-realm: "Authentication Required - myapp"
      spec:
        ingressClassName: nginx
        rules:
          - host: admin.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: admin-service, port: {number: 3000}}}}
      """
    Then a request to "http://admin.example.com/" gets 503
    When "kubectl create secret generic basic-auth --from-file=scenarios/files/auth" is run
    Then a request to "http://admin.example.com/" gets 401 with the header "WWW-Authenticate" set to "Basic realm=\"Authentication Required - myapp\""
    And a request to "http://admin.example.com/" with basic credentials "admin:wrong" gets 401
    And a request to "http://admin.example.com/" with basic credentials "admin:s3cret" gets 200 within 2 minutes

  @portable @C000-025 @C000-028 @C000-024 @C000-031 @C000-011 @C002-183
  Scenario: the exercise's annotations together: body size, CORS, backend protocol
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: api-ingress
        annotations:
          nginx.ingress.kubernetes.io/ssl-redirect: "true"
          nginx.ingress.kubernetes.io/proxy-body-size: "50m"
          nginx.ingress.kubernetes.io/proxy-read-timeout: "60"
          nginx.ingress.kubernetes.io/enable-cors: "true"
          nginx.ingress.kubernetes.io/cors-allow-origin: "https://app.example.com"
          nginx.ingress.kubernetes.io/cors-allow-methods: "GET, POST"
          nginx.ingress.kubernetes.io/not-a-real-setting: "whatever"
      spec:
        ingressClassName: nginx
        tls:
          - hosts: [api.example.com]
            secretName: api-tls
        rules:
          - host: api.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: small
      spec:
        ingressClassName: nginx
        rules:
          - host: small.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: admin-service, port: {number: 3000}}}}
      """
    Then Ingress "api-ingress" matches:
      """yaml
      metadata:
        annotations:
          nginx.ingress.kubernetes.io/not-a-real-setting: "whatever"
      """
    And "kubectl get ingress -o name" prints "ingress.networking.k8s.io/api-ingress"
    And "kubectl get ingress -l nginx.ingress.kubernetes.io/not-a-real-setting=whatever -o name" does not print "api-ingress"
    And a request to "https://api.example.com/upload" with a body of "49Mi" gets 200 within 2 minutes
    And a request to "https://api.example.com/upload" with a body of "51Mi" gets 413
    And a request to "http://small.example.com/upload" with a body of "2Mi" gets 413
    And a request to "http://small.example.com/upload" with a body of "1Mi" gets 200
    And a CORS preflight request to "https://api.example.com/v1" gets Access-Control-Allow-Origin "https://app.example.com"
    And a request to "https://api.example.com/v1" gets 200 with the header "Access-Control-Allow-Methods" set to "GET, POST"
    And a request to "https://api.example.com/v1" is proxied to its backend over HTTP
    When "kubectl annotate ingress api-ingress nginx.ingress.kubernetes.io/backend-protocol=HTTPS" is run
    Then a request to "https://api.example.com/v1" is proxied to its backend over HTTPS

  @portable @C000-009 @C002-194 @C002-200 @C002-202
  Scenario: nginx proxies to the ready pods of a Service in the Ingress's own namespace
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop}
      spec:
        ingressClassName: nginx
        rules:
          - host: shop.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
                - {path: /missing, pathType: Prefix, backend: {service: {name: nowhere, port: {number: 80}}}}
                - {path: /wrong-port, pathType: Prefix, backend: {service: {name: api-service, port: {number: 9999}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: smooth
        annotations:
          nginx.ingress.kubernetes.io/load-balance: ewma
      spec:
        ingressClassName: nginx
        rules:
          - host: smooth.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      """
    Then requests to "http://shop.example.com/" are balanced round_robin across the ready pods of service "api-service" within 2 minutes
    And requests to "http://smooth.example.com/" are balanced ewma across the ready pods of service "api-service"
    And a request to "http://shop.example.com/missing" gets 503
    And a request to "http://shop.example.com/wrong-port" gets 503
    When Deployment "api" is scaled to 0
    Then a request to "http://shop.example.com/" gets 503 within 2 minutes

  @portable @C002-184 @C004-051 @C001-200 @C001-201 @C004-122
  Scenario: the class comes from ingressClassName, the legacy annotation, or the default IngressClass
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: legacy
        annotations:
          kubernetes.io/ingress.class: nginx
      spec:
        rules:
          - host: legacy.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: other-class}
      spec:
        ingressClassName: traefik
        rules:
          - host: traefik.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: webapp-ingress}
      spec:
        rules:
          - host: myapp.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: admin-service, port: {number: 3000}}}}
      """
    Then a request to "http://legacy.example.com/" is routed to service "api-service" port 8080
    And a request to "http://traefik.example.com/" is not routed
    And a request to "http://myapp.example.com/" is routed to service "admin-service" port 3000
    And Ingress "webapp-ingress" matches:
      """yaml
      spec: {ingressClassName: nginx}
      """
    And the following manifest is rejected with "annotations.kubernetes.io/ingress.class: Invalid value: \"nginx\": must match `ingressClassName` when both are specified":
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata:
        name: both
        annotations:
          kubernetes.io/ingress.class: nginx
      spec:
        ingressClassName: traefik
        rules:
          - host: both.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      """

  @portable @C002-192
  Scenario: a v1 backend names its Service and a port number or name; the v1beta1 form is gone
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: named-port}
      spec:
        selector: {app: api}
        ports: [{name: http, port: 8080, targetPort: 80}]
      ---
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: by-port-name}
      spec:
        ingressClassName: nginx
        rules:
          - host: named.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: named-port, port: {name: http}}}}
      """
    Then a request to "http://named.example.com/" gets 200 within 2 minutes
    And "kubectl apply -f scenarios/files/ingress-v1beta1.yaml" fails with "no matches for kind \"Ingress\" in version \"networking.k8s.io/v1beta1\""

  @sim-only @C001-209 @C002-199
  Scenario: the running controller writes its address into the status of the Ingresses of its class
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: Ingress
      metadata: {name: shop}
      spec:
        ingressClassName: nginx
        rules:
          - host: shop.example.com
            http:
              paths:
                - {path: /, pathType: Prefix, backend: {service: {name: api-service, port: {number: 8080}}}}
      """
    Then Ingress "shop" has no field "status.loadBalancer.ingress"
    # kind's ingress-nginx manifest, reduced to the controller: it publishes "localhost".
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: ingress-nginx-controller}
      spec:
        selector:
          matchLabels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
        template:
          metadata:
            labels: {app.kubernetes.io/name: ingress-nginx, app.kubernetes.io/component: controller}
          spec:
            containers:
              - name: controller
                image: registry.k8s.io/ingress-nginx/controller:v1.12.0
                args: [/nginx-ingress-controller, --election-id=ingress-nginx-leader, --controller-class=k8s.io/ingress-nginx, --ingress-class=nginx, --publish-status-address=localhost]
      """
    Then Ingress "shop" matches within 1 minute:
      """yaml
      status:
        loadBalancer:
          ingress: [{hostname: localhost}]
      """
    And "kubectl get ingress shop" prints:
      """
      NAME   CLASS   HOSTS              ADDRESS     PORTS   AGE
      shop   nginx   shop.example.com   localhost   80      *
      """
    When Deployment "ingress-nginx-controller" is scaled to 0
    Then Ingress "shop" has no field "status.loadBalancer.ingress" within 1 minute
