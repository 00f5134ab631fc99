Feature: A pod with a log-shipping sidecar

  Scenario: both containers run
    Then pod "app" is ready
    And pod "app" matches:
      """yaml
      status:
        containerStatuses:
          - {name: web, ready: true}
          - {name: shipper, ready: true}
      """

  Scenario: they share the logs volume
    Then pod "app" matches:
      """yaml
      spec:
        volumes:
          - {name: logs, emptyDir: {}}
        containers:
          - name: web
            image: nginx:1.27
            volumeMounts: [{name: logs, mountPath: /var/log/nginx}]
          - name: shipper
            image: busybox:1.36
            volumeMounts: [{name: logs, mountPath: /logs}]
      """
