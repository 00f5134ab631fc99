@workloads
Feature: Objects with generated names, selected by their owner
  A Deployment's ReplicaSets, a Job's and a DaemonSet's pods have generated names. Any step about
  one named object also takes "the <Kind> of <Kind> "<name>"" narrowed by "with revision N",
  "with completion index N", "on node "N"", "newest" or "oldest": resolved through
  ownerReferences, the deployment.kubernetes.io/revision and batch.kubernetes.io/job-completion-index
  annotations and spec.nodeName.

  @portable @deployment
  Scenario: the ReplicaSets of a Deployment, by revision
    Given a Deployment "web" with 2 replicas
    And Deployment "web" is rolled out within 2 minutes
    When Deployment "web" is updated to image "nginx:1.27"
    Then Deployment "web" is rolled out within 2 minutes
    And the ReplicaSet of Deployment "web" with revision 2 has 2 ready replicas
    And the ReplicaSet of Deployment "web" with revision 1 matches:
      """yaml
      spec:
        replicas: 0
      """
    And the ReplicaSet of Deployment "web" with revision 2 has 2 pods
    And the ReplicaSet of Deployment "web" with revision 1 has 0 pods within 1 minute
    And Deployment "web" has 2 pods

  @portable @needs-kubelet @job
  Scenario: the pod of an Indexed Job, by completion index
    Given a cluster with 3 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: shards
      spec:
        completionMode: Indexed
        completions: 3
        parallelism: 3
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: main
                image: registry.k8s.io/pause:3.10
      """
    Then Job "shards" has 3 pods within 1 minute
    And the pods of Job "shards" are Running within 1 minute
    And the pod of Job "shards" with completion index 1 is Running within 1 minute
    And the pod of Job "shards" with completion index 2 matches:
      """yaml
      metadata:
        labels:
          batch.kubernetes.io/job-completion-index: "2"
      """

  @portable @daemonset
  Scenario: the newest pod of a DaemonSet on a node replaces the one deleted there
    Given a cluster with 3 worker nodes
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: DaemonSet
      metadata:
        name: agent
      spec:
        selector:
          matchLabels: {app: agent}
        template:
          metadata:
            labels: {app: agent}
          spec:
            containers:
              - name: agent
                image: registry.k8s.io/pause:3.10
      """
    Then DaemonSet "agent" has 3 pods within 1 minute
    And the pod of DaemonSet "agent" on node "worker-2" is Running within 1 minute
    When the pod of DaemonSet "agent" on node "worker-2" is deleted
    Then the newest pod of DaemonSet "agent" on node "worker-2" is Running within 1 minute
    And DaemonSet "agent" has 3 pods within 1 minute
