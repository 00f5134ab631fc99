@examples @workloads
Feature: What a Helm chart renders is plain Kubernetes
  `helm template` turns a chart and its values into ordinary manifests; applied, they behave as
  any other. This is the seed's chart rendered with replicaCount 3.

  @portable @C001-331
  Scenario: a chart's Deployment rendered with replicaCount 3 runs three pods labelled with the chart's name
    Given a cluster with 2 worker nodes
    When the following manifest is applied:
      """yaml
      # Source: mychart/templates/deployment.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: release-mychart
        labels:
          app: mychart
          helm.sh/chart: mychart-0.1.0
          app.kubernetes.io/managed-by: Helm
          app.kubernetes.io/instance: release
      spec:
        replicas: 3
        selector:
          matchLabels: {app: mychart}
        template:
          metadata:
            labels: {app: mychart}
          spec:
            containers:
              - name: mychart
                image: nginx:1.27
                ports: [{name: http, containerPort: 80}]
      ---
      # Source: mychart/templates/service.yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: release-mychart
        labels: {app: mychart, app.kubernetes.io/managed-by: Helm}
      spec:
        selector: {app: mychart}
        ports: [{port: 80, targetPort: http}]
      """
    Then there are 3 Running pods labelled "app=mychart" within 1 minute
    And Deployment "release-mychart" has 3 ready replicas within 1 minute
    And Deployment "release-mychart" matches:
      """yaml
      metadata:
        labels: {app.kubernetes.io/managed-by: Helm}
      """
    And service "release-mychart" has 3 ready endpoints within 1 minute
