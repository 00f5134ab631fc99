Feature: A StorageClass that keeps its volumes

  Scenario: the class retains volumes and binds on first use
    Then StorageClass "retained" matches:
      """yaml
      provisioner: rancher.io/local-path
      reclaimPolicy: Retain
      volumeBindingMode: WaitForFirstConsumer
      """

  Scenario: standard stays the only default class
    Then StorageClass "standard" matches:
      """yaml
      metadata:
        annotations: {storageclass.kubernetes.io/is-default-class: "true"}
      """
    And StorageClass "retained" exists

  Scenario: the claim got a volume that will be retained
    Then pod "db" is Running
    And PersistentVolumeClaim "records" matches:
      """yaml
      spec:
        storageClassName: retained
      status:
        phase: Bound
      """
