@networking
Feature: Services, endpoints and DNS
  A Service gets a ClusterIP (and node ports, for NodePort and LoadBalancer), and an EndpointSlice
  of the pods its selector matches, ready or not; DNS names follow the Service and its ready
  endpoints (reference/networking.md §1-4).

  Background:
    Given a cluster with 2 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: 3
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: web
                image: nginxinc/nginx-unprivileged:1.27
                ports: [{name: http, containerPort: 8080}]
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: web-service
      spec:
        selector: {app: web}
        ports:
          - port: 80
            targetPort: http
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: client
      spec:
        containers:
          - {name: curl, image: curlimages/curl:8.11.1, command: ["sleep", "infinity"]}
      """
    And Deployment "web" is rolled out within 1 minute

  @portable @C001-177 @C002-113 @C004-041 @C004-042 @C001-192 @C002-101 @C001-011 @C001-179
  Scenario: a ClusterIP Service load-balances over the ready pods of its selector
    # A Deployment rolled out does not mean its Service's EndpointSlice caught up: the EndpointSlice
    # controller follows pod readiness on its own queues (pods, then services) and, when its informer
    # has not yet seen its own last write, waits a rate-limited retry of at least 1 s (StaleSlices).
    Then service "web-service" has 3 ready endpoints within 30s
    And Service "web-service" matches:
      """yaml
      spec:
        type: ClusterIP
        sessionAffinity: None
        ports: [{port: 80, targetPort: http, protocol: TCP}]
      """
    And pod "client" can reach service "web-service" on port 80
    And pod "client" cannot reach service "web-service" on port 8080
    And service "web-service" is reachable only from inside the cluster
    And the name "web-service" resolves to the cluster IP of service "web-service"
    And the name "web-service.${namespace}.svc.cluster.local" resolves to the cluster IP of service "web-service"

  @portable @C002-109
  Scenario: scaling adds endpoints without touching the Service
    When Deployment "web" is scaled to 5
    Then service "web-service" has 5 ready endpoints within 1 minute

  @portable @C002-104 @C001-194
  Scenario: a Service whose selector matches nothing has no endpoints and refuses connections
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: nothing
      spec:
        selector: {app: missing}
        ports: [{port: 80}]
      """
    Then service "nothing" has 0 ready endpoints
    And pod "client" cannot reach service "nothing" on port 80

  @portable @C001-181 @C001-182 @C001-183 @C002-115 @C004-044 @C004-045
  Scenario: NodePort allocation, a chosen port, a taken port and one out of range
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: web-np
      spec:
        type: NodePort
        selector: {app: web}
        ports: [{port: 80, targetPort: http, nodePort: 30080}]
      """
    Then Service "web-np" matches:
      """yaml
      spec:
        type: NodePort
        externalTrafficPolicy: Cluster
        ports: [{port: 80, nodePort: 30080}]
      """
    And the following manifest is rejected with "spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web-np2}
      spec:
        type: NodePort
        selector: {app: web}
        ports: [{port: 80, nodePort: 30080}]
      """
    And the following manifest is rejected with "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web-np3}
      spec:
        type: NodePort
        selector: {app: web}
        ports: [{port: 80, nodePort: 80}]
      """

  @portable @C002-118 @C001-185 @C004-047 @C002-195
  Scenario: a LoadBalancer Service without a provider stays pending
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web-lb}
      spec:
        type: LoadBalancer
        selector: {app: web}
        ports: [{port: 80, targetPort: http}]
      """
    And 1 minute passes
    Then Service "web-lb" matches:
      """yaml
      spec: {type: LoadBalancer}
      status: {loadBalancer: {}}
      """
    And "kubectl get service web-lb" prints:
      """
      NAME     TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
      web-lb   LoadBalancer   *            <pending>     *         *
      """
    And "kubectl get service web-lb -o jsonpath={.spec.ports[0].nodePort}" prints a line matching "3[0-2][0-9]{3}"

  @sim-only @C001-185 @C004-048
  Scenario: with a load-balancer provider it gets an external address
    Given a load-balancer provider is installed
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web-lb}
      spec:
        type: LoadBalancer
        selector: {app: web}
        ports: [{port: 80, targetPort: http}]
      """
    Then Service "web-lb" matches within 10s:
      """yaml
      status:
        loadBalancer:
          ingress: [{ip: 172.18.255.200}]
      """

  @portable @C001-186 @C002-120
  Scenario: an ExternalName Service is a DNS alias without endpoints
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: external-db}
      spec:
        type: ExternalName
        externalName: db.example.com
      """
    Then the name "external-db" does not resolve to an address but to "db.example.com"
    And service "external-db" has 0 ready endpoints

  @portable @C001-153 @C001-152 @C000-036
  Scenario: a headless Service gives each StatefulSet pod its own name
    When a StatefulSet "db" with 2 replicas
    And StatefulSet "db" has 2 ready replicas within 2 minutes
    Then Service "db" matches:
      """yaml
      spec: {clusterIP: None}
      """
    And the name "db-0.db" resolves to the IP of pod "db-0"
    And the name "db" resolves to the IPs of pods "db-0, db-1"
    And the name "db-5.db" does not resolve

  @portable @C001-191
  Scenario: session affinity is None or ClientIP, for at most a day
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: sticky}
      spec:
        selector: {app: web}
        sessionAffinity: ClientIP
        ports: [{port: 80, targetPort: http}]
      """
    Then Service "sticky" matches:
      """yaml
      spec:
        sessionAffinity: ClientIP
        sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}
      """
    And the following manifest is rejected with "spec.sessionAffinity: Unsupported value: \"Cookie\": supported values: \"ClientIP\", \"None\"":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: cookie}
      spec:
        selector: {app: web}
        sessionAffinity: Cookie
        ports: [{port: 80}]
      """
    And the following manifest is rejected with "spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: too-sticky}
      spec:
        selector: {app: web}
        sessionAffinity: ClientIP
        sessionAffinityConfig: {clientIP: {timeoutSeconds: 86401}}
        ports: [{port: 80}]
      """

  @portable @needs-kubelet @C001-193
  Scenario: a pod that is not ready is listed apart, and gets no traffic
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: slow
        labels: {app: web}
        annotations: {kubespec.io/behavior.web: "ready after 1h"}
      spec:
        containers:
          - name: web
            image: registry.k8s.io/nginx-slim:0.27
            ports: [{name: http, containerPort: 8080}]
            readinessProbe:
              exec: {command: [cat, /tmp/ready]}
              periodSeconds: 5
      """
    And 30 seconds pass
    Then service "web-service" has 3 ready endpoints
    And "kubectl get endpoints web-service -o jsonpath={.subsets[0].notReadyAddresses[*].targetRef.name}" prints "slow"
    And "kubectl get endpointslices -l kubernetes.io/service-name=web-service -o jsonpath={.items[*].endpoints[*].conditions.ready}" prints a line matching "(.* )?false( .*)?"

  @portable @C001-318 @C001-319
  Scenario: blue-green: the Service's selector picks the colour, and switching it moves every endpoint at once
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: myapp-blue}
      spec:
        replicas: 2
        selector: {matchLabels: {app: myapp, version: blue}}
        template:
          metadata: {labels: {app: myapp, version: blue}}
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.26}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: myapp-green}
      spec:
        replicas: 2
        selector: {matchLabels: {app: myapp, version: green}}
        template:
          metadata: {labels: {app: myapp, version: green}}
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: myapp}
      spec:
        selector: {app: myapp, version: blue}
        ports: [{port: 80}]
      """
    Then service "myapp" has 2 ready endpoints within 1 minute
    And "kubectl get endpoints myapp -o jsonpath={.subsets[0].addresses[*].targetRef.name}" prints a line matching "myapp-blue-[a-z0-9]+-[a-z0-9]{5} myapp-blue-[a-z0-9]+-[a-z0-9]{5}"
    And "kubectl get endpoints myapp -o jsonpath={.subsets[0].addresses[*].targetRef.name}" does not print "green"
    When Service "myapp" is patched with:
      """yaml
      spec:
        selector: {app: myapp, version: green}
      """
    And 5 seconds pass
    Then service "myapp" has 2 ready endpoints
    And "kubectl get endpoints myapp -o jsonpath={.subsets[0].addresses[*].targetRef.name}" does not print "blue"
    When Service "myapp" is patched with:
      """yaml
      spec:
        selector: {app: myapp, version: blue}
      """
    And 5 seconds pass
    Then "kubectl get endpoints myapp -o jsonpath={.subsets[0].addresses[*].targetRef.name}" does not print "green"

  @portable @C001-041
  Scenario: the endpoints controller keeps an Endpoints object beside the slices of a selector Service
    Then "kubectl get endpoints web-service -o jsonpath={.subsets[0].addresses[*].targetRef.name}" prints a line matching "web-[a-z0-9]+-[a-z0-9]{5}( web-[a-z0-9]+-[a-z0-9]{5})*"
    And "kubectl get endpointslices -l kubernetes.io/service-name=web-service -o jsonpath={.items[*].metadata.labels.endpointslice\.kubernetes\.io/managed-by}" prints "endpointslice-controller.k8s.io"

  @portable @C001-195 @C001-196 @C001-197
  Scenario: a Service without a selector gets its backends from Endpoints written by hand, mirrored into a slice
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: external-api}
      spec:
        ports: [{port: 80, targetPort: 8080}]
      """
    And 5 seconds pass
    Then service "external-api" has 0 ready endpoints
    And Endpoints "external-api" does not exist
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Endpoints
      metadata: {name: external-api}
      subsets:
        - addresses: [{ip: 192.168.1.100}]
          ports: [{port: 8080}]
      """
    Then service "external-api" has 1 ready endpoint within 30s
    And "kubectl get endpointslices -l kubernetes.io/service-name=external-api -o jsonpath={.items[0].metadata.labels.endpointslice\.kubernetes\.io/managed-by}" prints "endpointslicemirroring-controller.k8s.io"
    And "kubectl get endpointslices -l kubernetes.io/service-name=external-api -o jsonpath={.items[0].endpoints[0].addresses[0]}" prints "192.168.1.100"
    And "kubectl get endpointslices -l kubernetes.io/service-name=external-api -o jsonpath={.items[0].ports[0].port}" prints "8080"
    And pod "client" can reach service "external-api" on port 80
    And a connection from pod "client" to service "external-api" on port 80 arrives at port 8080

  @portable @C001-178 @C004-043 @C002-100 @C002-099 @C001-021 @C001-180 @C004-040
  Scenario: kube-proxy forwards the Service port to the pods' target port and spreads connections over them
    Then a connection from pod "client" to service "web-service" on port 80 arrives at port 8080
    And connections from pod "client" to service "web-service" on port 80 reach 3 different pods
    When Deployment "web" is scaled to 5
    Then connections from pod "client" to service "web-service" on port 80 reach 5 different pods within 1 minute

  @portable @C001-190
  Scenario: ClientIP session affinity keeps a client's connections on one pod
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: sticky-web}
      spec:
        selector: {app: web}
        sessionAffinity: ClientIP
        ports: [{port: 80, targetPort: http}]
      """
    Then connections from pod "client" to service "sticky-web" on port 80 reach 1 different pod within 30s
    And connections from pod "client" to service "web-service" on port 80 reach 3 different pods

  @portable @C001-184 @C002-114 @C004-046 @C002-116
  Scenario: every node answers on a NodePort, or only the nodes with an endpoint under Local
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web-nodeport}
      spec:
        type: NodePort
        selector: {app: web}
        ports: [{port: 80, targetPort: http, nodePort: 31000}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: lonely, labels: {app: lonely}}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: lonely-local}
      spec:
        type: NodePort
        externalTrafficPolicy: Local
        selector: {app: lonely}
        ports: [{port: 80, nodePort: 31001}]
      """
    Then node "worker-1" answers on port 31000 for service "web-nodeport" within 30s
    And node "worker-2" answers on port 31000 for service "web-nodeport"
    And node "worker-1" answers on port 31001 for service "lonely-local" within 1 minute
    And node "worker-2" does not answer on port 31001
    And node "worker-2" does not answer on port 31999

  @portable @C001-321
  Scenario: a canary without a mesh: two Deployments behind one Service share traffic by ready pod count
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: shop-stable}
      spec:
        replicas: 9
        selector: {matchLabels: {app: shop, track: stable}}
        template:
          metadata: {labels: {app: shop, track: stable}}
          spec:
            containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 80}]}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: shop-canary}
      spec:
        replicas: 1
        selector: {matchLabels: {app: shop, track: canary}}
        template:
          metadata: {labels: {app: shop, track: canary}}
          spec:
            containers: [{name: web, image: nginx:1.27, ports: [{containerPort: 80}]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: shop}
      spec:
        selector: {app: shop}
        ports: [{port: 80, targetPort: 80}]
      """
    And Deployment "shop-stable" is rolled out within 2 minutes
    And Deployment "shop-canary" is rolled out within 2 minutes
    And pod "client" is Running within 1 minute
    Then pods labelled "track=canary" get 10% of the connections from pod "client" to service "shop" on port 80 within 1 minute
    And pods labelled "track=stable" get 90% of the connections from pod "client" to service "shop" on port 80
    When Deployment "shop-canary" is scaled to 3
    Then pods labelled "track=canary" get 25% of the connections from pod "client" to service "shop" on port 80 within 1 minute
