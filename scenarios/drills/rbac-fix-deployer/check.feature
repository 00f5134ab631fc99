Feature: The deploy bot is forbidden

  Scenario: deployer can manage deployments
    Then serviceaccount "deployer" can "create" "deployments"
    And serviceaccount "deployer" can "update" "deployments"
    And serviceaccount "deployer" can "delete" "deployments"

  Scenario: deployer gets nothing more
    Then serviceaccount "deployer" can "create" "deployments"
    And serviceaccount "deployer" cannot "get" "secrets"
    And serviceaccount "deployer" cannot "create" "pods"
    And serviceaccount "deployer" cannot "create" "deployments" in namespace "default"

  Scenario: the RoleBinding deployer-binding grants deploy-manager
    Then RoleBinding "deployer-binding" matches:
      """yaml
      roleRef: {kind: Role, name: deploy-manager}
      subjects:
        - {kind: ServiceAccount, name: deployer}
      """
