@networking @networkpolicy
Feature: NetworkPolicy
  Answered from the objects as an enforcing CNI would (reference/networking.md §6): a selected
  pod is isolated per direction, allowed traffic is the union of the rules, and a connection
  needs the source's egress and the destination's ingress.

  Background:
    Given a cluster with 2 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: frontend, labels: {app: frontend}}
      spec:
        containers: [{name: web, image: registry.k8s.io/nginx-slim:0.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: backend, labels: {app: backend}}
      spec:
        containers: [{name: api, image: nginxinc/nginx-unprivileged:1.27, ports: [{name: http, containerPort: 8080}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: database, labels: {app: database}}
      spec:
        containers: [{name: db, image: postgres:17, env: [{name: POSTGRES_PASSWORD, value: example}], ports: [{containerPort: 5432}]}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: stranger, labels: {app: stranger}}
      spec:
        containers: [{name: sh, image: busybox:1.36, command: ["sleep", "infinity"]}]
      """
    And there are 4 Running pods within 1 minute

  @portable @C001-213
  Scenario: without policies everything may talk
    Then pod "stranger" can reach pod "backend" on port 8080
    And pod "backend" can reach pod "database" on port 5432

  @portable @C001-214 @C001-215 @C001-216
  Scenario: a default deny plus an allow for the frontend on 8080
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny-ingress}
      spec:
        podSelector: {}
        policyTypes: [Ingress]
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: allow-from-frontend}
      spec:
        podSelector:
          matchLabels: {app: backend}
        ingress:
          - from:
              - podSelector:
                  matchLabels: {app: frontend}
            ports:
              - {protocol: TCP, port: 8080}
      """
    Then pod "frontend" can reach pod "backend" on port 8080
    And pod "frontend" cannot reach pod "backend" on port 9090
    And pod "stranger" cannot reach pod "backend" on port 8080
    And pod "frontend" cannot reach pod "database" on port 5432

  @portable @C001-217 @C001-218
  Scenario: restricted egress: the backend may only talk to the database, and cannot even resolve names until DNS is allowed
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend-egress}
      spec:
        podSelector:
          matchLabels: {app: backend}
        policyTypes: [Egress]
        egress:
          - to:
              - podSelector:
                  matchLabels: {app: database}
            ports:
              - {protocol: TCP, port: 5432}
      """
    Then pod "backend" can reach pod "database" on port 5432
    And pod "backend" cannot reach pod "frontend" on port 80
    And pod "stranger" can reach pod "backend" on port 8080
    And pod "backend" cannot resolve names
    And pod "frontend" can resolve names
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: backend-dns}
      spec:
        podSelector:
          matchLabels: {app: backend}
        policyTypes: [Egress]
        egress:
          - to:
              - namespaceSelector: {}
                podSelector:
                  matchLabels: {k8s-app: kube-dns}
            ports:
              - {protocol: UDP, port: 53}
              - {protocol: TCP, port: 53}
      """
    Then pod "backend" can resolve names
    And pod "backend" cannot reach pod "frontend" on port 80

  @portable @C001-219
  Scenario: deny all both ways
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny-all}
      spec:
        podSelector: {}
        policyTypes: [Ingress, Egress]
      """
    Then pod "frontend" cannot reach pod "backend" on port 8080
    And pod "backend" cannot reach pod "database" on port 5432

  @portable
  Scenario: namespaceSelector and podSelector in one entry mean AND; in two entries OR
    Given the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db-and}
      spec:
        podSelector:
          matchLabels: {app: database}
        ingress:
          - from:
              - namespaceSelector:
                  matchLabels: {team: web}
                podSelector:
                  matchLabels: {app: backend}
      """
    Then pod "backend" cannot reach pod "database" on port 5432
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: db-and}
      spec:
        podSelector:
          matchLabels: {app: database}
        ingress:
          - from:
              - namespaceSelector:
                  matchLabels: {team: web}
              - podSelector:
                  matchLabels: {app: backend}
      """
    Then pod "backend" can reach pod "database" on port 5432
    And pod "stranger" cannot reach pod "database" on port 5432

  @portable @C001-224 @C001-220
  Scenario: namespaces carry kubernetes.io/metadata.name, not a "name" label
    Given the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-named-namespace}
      spec:
        podSelector:
          matchLabels: {app: database}
        ingress:
          - from:
              - namespaceSelector:
                  matchLabels: {name: ${namespace}}
      """
    Then pod "backend" cannot reach pod "database" on port 5432
    And Namespace "${namespace}" matches:
      """yaml
      metadata:
        labels: {kubernetes.io/metadata.name: ${namespace}}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: from-named-namespace}
      spec:
        podSelector:
          matchLabels: {app: database}
        ingress:
          - from:
              - namespaceSelector:
                  matchLabels: {kubernetes.io/metadata.name: ${namespace}}
      """
    Then pod "backend" can reach pod "database" on port 5432
    And "kubectl describe networkpolicy from-named-namespace" prints:
      """
      PodSelector: app=database
      Allowing ingress traffic:
      From:
      NamespaceSelector: kubernetes.io/metadata.name=${namespace}
      Not affecting egress traffic
      Policy Types: Ingress
      """

  @portable @C001-225
  Scenario: Ingress and Egress types with no egress rules block every outgoing connection
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: calico-policy}
      spec:
        podSelector:
          matchLabels: {app: backend}
        policyTypes: [Ingress, Egress]
        ingress:
          - from:
              - namespaceSelector:
                  matchLabels: {name: production}
            ports:
              - {protocol: TCP, port: 8080}
      """
    Then pod "backend" cannot reach pod "database" on port 5432
    And pod "backend" cannot resolve names
    And pod "frontend" cannot reach pod "backend" on port 8080
    When Namespace "${namespace}" is labelled "name=production"
    Then pod "frontend" can reach pod "backend" on port 8080
    And pod "frontend" cannot reach pod "backend" on port 9090

  @sim-only @C001-212
  Scenario: with a CNI that does not enforce NetworkPolicy (flannel) a default deny is accepted but changes nothing
    Given the cluster's network plugin is "flannel"
    When the following manifest is applied:
      """yaml
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata: {name: default-deny-ingress}
      spec:
        podSelector: {}
        policyTypes: [Ingress]
      """
    Then NetworkPolicy "default-deny-ingress" exists
    And pod "stranger" can reach pod "backend" on port 8080
    When the cluster's network plugin is "kindnet"
    Then pod "stranger" cannot reach pod "backend" on port 8080
