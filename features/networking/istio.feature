@networking @mesh
Feature: Istio traffic management: VirtualServices and DestinationRule subsets
  With Istio installed, pods of a namespace labelled istio-injection=enabled get an Envoy
  sidecar, and their requests follow the VirtualService for the host: the first matching http
  rule (uri, headers), its weighted destinations, and the DestinationRule subsets that pick pods
  by label. A subset no DestinationRule defines has no Envoy cluster: requests sent there get 503.

  Background:
    Given a cluster with 2 worker nodes
    And Istio is installed
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: myapp-v1, labels: {app: myapp, version: v1}}
      spec:
        containers: [{name: app, image: nginx:1.27, ports: [{containerPort: 80}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: myapp-v2, labels: {app: myapp, version: v2}}
      spec:
        containers: [{name: app, image: nginx:1.27, ports: [{containerPort: 80}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: myapp}
      spec:
        selector: {app: myapp}
        ports: [{name: http, port: 80}]
      ---
      apiVersion: networking.istio.io/v1beta1
      kind: DestinationRule
      metadata: {name: myapp}
      spec:
        host: myapp
        trafficPolicy:
          connectionPool:
            http: {http1MaxPendingRequests: 100, http2MaxRequests: 100}
        subsets:
          - {name: v1, labels: {version: v1}}
          - {name: v2, labels: {version: v2}}
      """
    And "kubectl label namespace ${namespace} istio-injection=enabled" is run
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: client, labels: {app: client}}
      spec:
        containers: [{name: sh, image: busybox:1.36, command: ["sleep", "infinity"]}]
      """
    And pod "client" is ready within 1 minute
    And pod "myapp-v1" is ready within 1 minute
    And pod "myapp-v2" is ready within 1 minute

  @sim-only @C001-299 @C001-300
  Scenario: /v1 goes to subset v1; the rest splits 90/10 between v2 and v3, and v3 (not in the DestinationRule) answers 503
    When the following manifest is applied:
      """yaml
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: myapp}
      spec:
        hosts: [myapp]
        http:
          - match:
              - uri: {prefix: /v1}
            route:
              - destination: {host: myapp, subset: v1}
          - route:
              - destination: {host: myapp, subset: v2}
                weight: 90
              - destination: {host: myapp, subset: v3}
                weight: 10
      """
    Then "kubectl get pod client -o jsonpath={.spec.containers[*].name}" prints "sh istio-proxy"
    And a request from pod "client" to "http://myapp/v1/users" is routed to subset "v1" of service "myapp"
    And requests from pod "client" to "http://myapp/shop" go 90% to subset "v2" and 0% to subset "v3" of service "myapp"
    And 10% of the requests from pod "client" to "http://myapp/shop" fail with 503

  @sim-only @C001-322
  Scenario: a canary by weights: 90 % to v1 and 10 % to the new version
    When the following manifest is applied:
      """yaml
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: myapp}
      spec:
        hosts: [myapp]
        http:
          - match:
              - uri: {prefix: /}
            route:
              - destination: {host: myapp, subset: v1}
                weight: 90
              - destination: {host: myapp, subset: v2}
                weight: 10
      """
    Then requests from pod "client" to "http://myapp/" go 90% to subset "v1" and 10% to subset "v2" of service "myapp"
    And 0% of the requests from pod "client" to "http://myapp/" fail with 503

  @sim-only @C001-323
  Scenario: A/B testing: a header match sends the test user to v2 and everyone else to v1
    When the following manifest is applied:
      """yaml
      apiVersion: networking.istio.io/v1beta1
      kind: VirtualService
      metadata: {name: myapp}
      spec:
        hosts: [myapp]
        http:
          - match:
              - headers:
                  user-id: {exact: test-user}
            route:
              - destination: {host: myapp, subset: v2}
          - route:
              - destination: {host: myapp, subset: v1}
      """
    Then a request from pod "client" to "http://myapp/" with header "user-id: test-user" is routed to subset "v2" of service "myapp"
    And a request from pod "client" to "http://myapp/" with header "user-id: someone-else" is routed to subset "v1" of service "myapp"
    And a request from pod "client" to "http://myapp/" is routed to subset "v1" of service "myapp"
