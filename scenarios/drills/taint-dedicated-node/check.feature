Feature: A node dedicated to the database

  Scenario: worker-3 carries the dedicated taint
    Then Node "worker-3" matches:
      """yaml
      spec:
        taints:
          - {key: dedicated, value: database, effect: NoSchedule}
      """

  Scenario: postgres runs on worker-3
    Then pod "postgres" runs on node "worker-3"
    And pod "postgres" is Running

  Scenario: postgres tolerates the taint and requires worker-3
    Then pod "postgres" matches:
      """yaml
      spec:
        tolerations:
          - {key: dedicated, value: database, effect: NoSchedule}
        affinity:
          nodeAffinity:
            requiredDuringSchedulingIgnoredDuringExecution:
              nodeSelectorTerms:
                - matchExpressions:
                    - {key: kubernetes.io/hostname, operator: In, values: [worker-3]}
      """
