Feature: A log collector on every node, control plane included

  Scenario: one collector runs on each of the four nodes
    Then there are 4 Running pods labelled "app=log-collector"
    And DaemonSet "log-collector" matches:
      """yaml
      status:
        desiredNumberScheduled: 4
        numberReady: 4
      """

  Scenario: the control-plane node has its collector
    Then 1 pod labelled "app=log-collector" runs on node "control-plane"

  Scenario: the node's logs are mounted read-only
    Then DaemonSet "log-collector" matches:
      """yaml
      spec:
        template:
          spec:
            containers:
              - name: fluent-bit
                image: fluent/fluent-bit:3.0
                volumeMounts: [{mountPath: /var/log, readOnly: true}]
                resources:
                  requests: {cpu: 50m, memory: 64Mi}
      """
