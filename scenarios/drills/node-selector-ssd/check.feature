Feature: Schedule onto SSD nodes

  Scenario: worker-2 is labelled as the SSD node
    Then Node "worker-2" matches:
      """yaml
      metadata:
        labels: {disktype: ssd}
      """

  Scenario: the pod may only run on SSD nodes, and runs on worker-2
    Then pod "io-bench" matches:
      """yaml
      spec:
        nodeSelector: {disktype: ssd}
      """
    And pod "io-bench" runs on node "worker-2"
    And pod "io-bench" is Running
