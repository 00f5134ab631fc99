Feature: A claim that never binds

  Scenario: the claim is bound to archive-pv
    Then PersistentVolumeClaim "archive" matches:
      """yaml
      spec:
        volumeName: archive-pv
      status:
        phase: Bound
      """

  Scenario: the archiver runs with its claim
    Then pod "archiver" is Running
    And pod "archiver" matches:
      """yaml
      spec:
        volumes:
          - persistentVolumeClaim: {claimName: archive}
      """

  Scenario: the volume was left as it was
    Then PersistentVolume "archive-pv" matches:
      """yaml
      spec:
        capacity: {storage: 2Gi}
        accessModes: [ReadWriteOnce]
        storageClassName: manual
      status:
        phase: Bound
      """
