Feature: A pod waiting for its configuration

  Scenario: the ConfigMap holds the settings
    Then ConfigMap "app-settings" matches:
      """yaml
      data: {MODE: production, LOG_LEVEL: info}
      """

  Scenario: the pod runs
    Then pod "app" is Running
    And pod "app" is ready
