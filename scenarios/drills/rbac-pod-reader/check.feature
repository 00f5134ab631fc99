Feature: Read-only access to pods for a CI bot

  Scenario: the ServiceAccount ci-bot exists
    Then ServiceAccount "ci-bot" exists

  Scenario: ci-bot can get, list and watch pods
    Then serviceaccount "ci-bot" can "get" "pods"
    And serviceaccount "ci-bot" can "list" "pods"
    And serviceaccount "ci-bot" can "watch" "pods"

  Scenario: ci-bot can do nothing more
    Then ServiceAccount "ci-bot" exists
    And serviceaccount "ci-bot" cannot "delete" "pods"
    And serviceaccount "ci-bot" cannot "get" "secrets"
    And serviceaccount "ci-bot" cannot "create" "pods"

  Scenario: the Role and RoleBinding have the names asked for
    Then Role "pod-reader" matches:
      """yaml
      rules:
        - resources: [pods]
      """
    And RoleBinding "ci-bot-pod-reader" matches:
      """yaml
      roleRef: {kind: Role, name: pod-reader}
      """
