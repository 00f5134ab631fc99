@networking
Feature: A connection needs something listening on the port
  A Service forwards to its endpoints' target port, and a pod's IP takes connections on a port
  only where a process of the pod listens; containerPort is informational and opens nothing
  (the API's ContainerPort doc). Connections to a port nothing listens on are refused.

  Background:
    Given a cluster with 1 worker node
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web, labels: {app: web}}
      spec:
        containers:
          - {name: nginx, image: nginx:1.27, ports: [{containerPort: 80}, {name: alt, containerPort: 8080}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: client}
      spec:
        containers: [{name: sh, image: busybox:1.36, command: ["sleep", "infinity"]}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        selector: {app: web}
        ports:
          - {name: http, port: 80, targetPort: 80}
          - {name: alt, port: 8080, targetPort: alt}
      """
    And there are 2 Running pods within 1 minute

  @portable
  Scenario: a Service port whose targetPort nothing listens on is not reachable, though the port is declared
    Then service "web" has 1 ready endpoint within 1 minute
    # A ready endpoint is not yet a forwarding rule: kube-proxy rewrites its rules at most every
    # minSyncPeriod (1 s by default: K@1.36.3 pkg/proxy/apis/config/v1alpha1/defaults.go:66), and until then the Service's
    # no-endpoints REJECT refuses connections (seen on the v1.36.3 reference cluster's real node).
    And pod "client" can reach service "web" on port 80 within 30s
    And pod "client" cannot reach service "web" on port 8080
    And pod "client" can reach pod "web" on port 80
    And pod "client" cannot reach pod "web" on port 8080
