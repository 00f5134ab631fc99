@scheduling @storage @versions
Feature: What the scheduler says about a ReadWriteOncePod claim already in use depends on the Kubernetes version
  A claim with the ReadWriteOncePod access mode may be used by a single pod in the whole cluster:
  while one pod uses it, the VolumeRestrictions filter refuses every node to a second pod naming
  it. Up to 1.33 the reason reads "node has pod using PersistentVolumeClaim with the same name and
  ReadWriteOncePod access mode"; from 1.34 "node(s) unavailable due to PersistentVolumeClaim with
  ReadWriteOncePod access mode already in-use by another pod" (k8s.io/kubernetes v1.32.13 and
  v1.34.4 pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go
  ErrReasonReadWriteOncePodConflict; data: scheduler.volumeRestrictions.readWriteOncePodReason).

  Background:
    Given a cluster with nodes:
      | name     |
      | worker-1 |
      | worker-2 |
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: solo}
      spec:
        accessModes: [ReadWriteOncePod]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: holder}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10, volumeMounts: [{name: data, mountPath: /data}]}
        volumes:
          - {name: data, persistentVolumeClaim: {claimName: solo}}
      """
    And pod "holder" is Running within 2 minutes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: second}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/pause:3.10, volumeMounts: [{name: data, mountPath: /data}]}
        volumes:
          - {name: data, persistentVolumeClaim: {claimName: solo}}
      """

  @portable @kubernetes-1.34+
  Scenario: from 1.34 every node is unavailable because the claim is in use by another pod
    Then pod "second" has a FailedScheduling event saying "node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod" within 1 minute
    And pod "second" is Pending

  @portable @kubernetes-1.33-
  Scenario: up to 1.33 every node has a pod using the claim
    Then pod "second" has a FailedScheduling event saying "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode" within 1 minute
    And pod "second" is Pending
