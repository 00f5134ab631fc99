@api
Feature: Labels, selectors and namespaces
  Label selectors pick objects by equality (`=`, `!=`) and by sets (`in`, `notin`, existence);
  commas mean AND (reference/api-machinery.md §5). Namespaces scope names.

  Background:
    Given a cluster with 1 worker node
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-v1
        labels: {app: myapp, version: v1, tier: frontend, env: prod}
        annotations: {description: "Web front end — owned by the shop team", prometheus.io/scrape: "true"}
      spec: {containers: [{name: c, image: registry.k8s.io/pause:3.10}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: web-v2
        labels: {app: myapp, version: v2, env: staging}
      spec: {containers: [{name: c, image: registry.k8s.io/pause:3.10}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: api-v3
        labels: {app: api, version: v3, tier: backend}
      spec: {containers: [{name: c, image: registry.k8s.io/pause:3.10}]}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: unlabelled
      spec: {containers: [{name: c, image: registry.k8s.io/pause:3.10}]}
      """

  @portable @C001-097 @C001-098 @C001-099 @C003-009
  Scenario: equality selectors, commas meaning AND
    Then the pods labelled "app=myapp" are "web-v1, web-v2"
    And the pods labelled "app=myapp,version=v1" are "web-v1"

  @portable @C001-100 @C003-010
  Scenario: != also matches pods without the label
    Then the pods labelled "app!=myapp" are "api-v3, unlabelled"

  @portable @C001-101 @C001-102 @C003-011 @C003-012
  Scenario: set-based selectors; notin includes pods without the key
    Then the pods labelled "version in (v1, v2)" are "web-v1, web-v2"
    And the pods labelled "version notin (v3, v4)" are "unlabelled, web-v1, web-v2"
    And the pods labelled "env in (prod,staging)" are "web-v1, web-v2"

  @portable @C001-103 @C003-013 @C003-014
  Scenario: existence selectors
    Then the pods labelled "tier" are "api-v3, web-v1"
    And the pods labelled "!tier" are "unlabelled, web-v2"

  @portable @C003-005 @C003-008
  Scenario: labels change on a running pod without recreating it
    When pod "unlabelled" is labelled "app=web,env=prod"
    Then the pods labelled "app=web,env=prod" are "unlabelled"
    When pod "unlabelled" is labelled "env-"
    Then the pods labelled "env" are "web-v1, web-v2"

  @portable @C001-105
  Scenario: annotations hold free text; label values are restricted
    Then pod "web-v1" matches:
      """yaml
      metadata:
        annotations: {description: "Web front end — owned by the shop team"}
      """
    And the following manifest is rejected with "metadata.labels: Invalid value: \"not a valid value!\"":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: bad-label
        labels: {note: "not a valid value!"}
      spec: {containers: [{name: c, image: registry.k8s.io/pause:3.10}]}
      """

  @sim-only @C001-109 @C001-106
  Scenario: a fresh cluster's namespaces; new ones are Active
    Then Namespace "kube-system" exists
    And Namespace "kube-public" exists
    And Namespace "kube-node-lease" exists
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Namespace
      metadata: {name: production}
      """
    Then Namespace "production" matches:
      """yaml
      status: {phase: Active}
      """

  @portable @C001-107
  Scenario: the same name in two namespaces
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Namespace
      metadata: {name: other}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {where: here}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, namespace: other}
      data: {where: there}
      """
    Then ConfigMap "settings" matches:
      """yaml
      data: {where: here}
      """

  @portable @C001-042 @C002-018 @C001-108
  Scenario: a new namespace gets its default ServiceAccount; names are unique within a namespace; kubectl can switch its default namespace
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Namespace
      metadata: {name: team-${namespace}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: only-there, namespace: team-${namespace}}
      data: {where: team}
      """
    Then ServiceAccount "default" in namespace "team-${namespace}" matches within 30s:
      """yaml
      metadata: {name: default}
      """
    When "kubectl run solo --image=nginx:1.27" is run
    Then "kubectl run solo --image=nginx:1.27" fails with "pods \"solo\" already exists"
    When "kubectl config set-context --current --namespace=team-${namespace}" is run
    Then "kubectl get configmap only-there -o jsonpath={.data.where}" prints "team"
    And "kubectl get pod solo" fails with "pods \"solo\" not found"

  @portable @needs-kubelet @C004-114 @C004-115
  Scenario: one multi-document manifest makes a namespace and fills it; a pod elsewhere cannot use its ConfigMap
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Namespace
      metadata: {name: webapp-${namespace}}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config, namespace: webapp-${namespace}}
      data: {mode: production}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: app-secrets, namespace: webapp-${namespace}}
      stringData: {db_password: s3cr3t}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: webapp-service, namespace: webapp-${namespace}}
      spec:
        selector: {app: webapp}
        ports: [{port: 80}]
      """
    Then "kubectl get configmap app-config -n webapp-${namespace} -o jsonpath={.data.mode}" prints "production"
    And "kubectl get secret,service -n webapp-${namespace} -o name" prints:
      """
      secret/app-secrets
      service/webapp-service
      """
    And ConfigMap "app-config" does not exist
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: elsewhere}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            env:
              - name: MODE
                valueFrom: {configMapKeyRef: {name: app-config, key: mode}}
      """
    Then pod "elsewhere" matches within 1 minute:
      """yaml
      status:
        containerStatuses:
          - name: app
            state:
              waiting: {reason: CreateContainerConfigError, message: configmap "app-config" not found}
      """
