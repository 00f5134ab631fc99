@workloads @replicaset
Feature: ReplicationController, the ReplicaSet's predecessor, still served in v1
  A ReplicationController selects pods with a plain label map (no set-based selectors) and is
  run by the same controller as a ReplicaSet (pkg/controller/replication). Its selector and
  labels default to the template's labels.

  Background:
    Given a cluster with 2 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ReplicationController
      metadata: {name: legacy}
      spec:
        replicas: 3
        template:
          metadata: {labels: {app: legacy}}
          spec:
            containers: [{name: nginx, image: nginx:1.27}]
      """
    And there are 3 Running pods labelled "app=legacy" within 1 minute

  @portable @C001-040
  Scenario: it keeps the number of replicas, replacing a deleted pod, and defaults its selector from the template
    Then the pods labelled "app=legacy" are owned by ReplicationController "legacy"
    And ReplicationController "legacy" matches:
      """yaml
      metadata: {labels: {app: legacy}}
      spec: {selector: {app: legacy}}
      status: {replicas: 3, readyReplicas: 3, availableReplicas: 3}
      """
    When the oldest pod labelled "app=legacy" is deleted
    Then there are 3 Running pods labelled "app=legacy" within 1 minute

  @portable
  Scenario: deleting it deletes its pods
    When ReplicationController "legacy" is deleted
    Then there are 0 Running pods labelled "app=legacy" within 2 minutes
