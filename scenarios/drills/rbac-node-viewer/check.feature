Feature: A cluster-wide node viewer

  Scenario: jane can see nodes
    Then user "jane" can "get" "nodes"
    And user "jane" can "list" "nodes"
    And user "jane" can "watch" "nodes"

  Scenario: jane cannot change nodes
    Then ClusterRole "node-viewer" exists
    And user "jane" cannot "patch" "nodes"
    And user "jane" cannot "delete" "nodes"

  Scenario: the ClusterRoleBinding binds node-viewer to jane
    Then ClusterRoleBinding "node-viewer-jane" matches:
      """yaml
      roleRef: {kind: ClusterRole, name: node-viewer}
      subjects:
        - {kind: User, name: jane}
      """
