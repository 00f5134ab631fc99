Feature: Configuration from a ConfigMap and a Secret

  Scenario: the ConfigMap holds the settings
    Then ConfigMap "app-config" matches:
      """yaml
      data: {LOG_LEVEL: debug, MODE: batch}
      """

  Scenario: the Secret holds the password
    Then Secret "db-secret" matches:
      """yaml
      data: {password: czNjcjN0}
      """

  Scenario: the pod takes its environment from both
    Then pod "app" is Running
    And pod "app" matches:
      """yaml
      spec:
        containers:
          - name: main
            envFrom:
              - configMapRef: {name: app-config}
            env:
              - name: DB_PASSWORD
                valueFrom:
                  secretKeyRef: {name: db-secret, key: password}
      """
