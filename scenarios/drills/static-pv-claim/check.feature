Feature: A static PersistentVolume for an application

  Scenario: the volume is as specified
    Then PersistentVolume "logs-pv" matches:
      """yaml
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        storageClassName: manual
        persistentVolumeReclaimPolicy: Retain
        hostPath: {path: /mnt/data/logs}
      """

  Scenario: the claim is bound to logs-pv
    Then PersistentVolumeClaim "logs-pvc" matches:
      """yaml
      spec:
        volumeName: logs-pv
        storageClassName: manual
      status:
        phase: Bound
        capacity: {storage: 1Gi}
      """
    And PersistentVolume "logs-pv" matches:
      """yaml
      status: {phase: Bound}
      """

  Scenario: the pod uses the claim
    Then pod "logger" is Running
    And pod "logger" matches:
      """yaml
      spec:
        volumes:
          - persistentVolumeClaim: {claimName: logs-pvc}
        containers:
          - volumeMounts: [{mountPath: /var/log/app}]
      """
