@config
Feature: Stakater Reloader restarts workloads when their configuration changes
  Pods read environment variables from ConfigMaps and Secrets only when they start, so a change
  needs a rollout. Reloader watches them and, for workloads that ask, sets an environment
  variable `STAKATER_<NAME>_CONFIGMAP` (or `_SECRET`) holding the data's hash in the pod
  template, which rolls the workload out.

  Background:
    Given a cluster with 1 worker node
    And Stakater Reloader is installed
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data: {LOG_LEVEL: info}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: other-config}
      data: {THEME: dark}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: auto
        annotations: {reloader.stakater.com/auto: "true"}
      spec:
        replicas: 2
        selector: {matchLabels: {app: auto}}
        template:
          metadata: {labels: {app: auto}}
          spec:
            containers:
              - name: app
                image: nginx:1.27
                envFrom: [{configMapRef: {name: app-config}}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: picky
        annotations: {configmap.reloader.stakater.com/reload: "app-config"}
      spec:
        replicas: 1
        selector: {matchLabels: {app: picky}}
        template:
          metadata: {labels: {app: picky}}
          spec:
            containers:
              - name: app
                image: nginx:1.27
                envFrom: [{configMapRef: {name: app-config}}, {configMapRef: {name: other-config}}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: unannotated}
      spec:
        replicas: 1
        selector: {matchLabels: {app: unannotated}}
        template:
          metadata: {labels: {app: unannotated}}
          spec:
            containers:
              - name: app
                image: nginx:1.27
                envFrom: [{configMapRef: {name: app-config}}]
      """
    And Deployment "auto" is rolled out within 1 minute
    And Deployment "picky" is rolled out within 1 minute

  @sim-only @C000-137 @C000-138
  Scenario: auto reloads on any ConfigMap the template uses; reload names only the listed one
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: other-config}
      data: {THEME: light}
      """
    Then "kubectl get deployment picky -o jsonpath={.metadata.generation}" prints "1"
    And "kubectl get deployment auto -o jsonpath={.metadata.generation}" prints "1"
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data: {LOG_LEVEL: debug}
      """
    Then Deployment "auto" is rolled out within 2 minutes
    And Deployment "picky" is rolled out within 2 minutes
    And "kubectl get deployment auto -o jsonpath={.metadata.generation}" prints "2"
    And "kubectl get deployment picky -o jsonpath={.metadata.generation}" prints "2"
    And "kubectl get deployment unannotated -o jsonpath={.metadata.generation}" prints "1"
    And container "app" of the oldest pod labelled "app=auto" has environment variable "LOG_LEVEL" set to "debug"
    And "kubectl get deployment auto -o jsonpath={.spec.template.spec.containers[0].env[0].name}" prints "STAKATER_APP_CONFIG_CONFIGMAP"
    And Deployment "auto" has a Reloaded event saying "Changes detected in 'app-config' of type 'CONFIGMAP'"
