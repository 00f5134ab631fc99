@helm
Feature: A Helm release from install to rollback
  The real Helm (pinned, built from its Go module when the machine has no matching `helm`)
  installs the example chart scenarios/charts/web, with values, into the scenario's cluster:
  the simulator served to helm over HTTPS, or a live cluster's namespace. Its release history
  (revisions, statuses) is Helm's own, kept in the release Secrets as on any cluster.

  Background:
    Given a cluster with 2 worker nodes

  @portable
  Scenario: a broken value fails the upgrade; rolling back makes revision 3 healthy
    When release "web" is installed from chart "web" with "--wait --timeout 2m" and values:
      """yaml
      replicaCount: 3
      """
    Then release "web" has status deployed
    And Deployment "web" is rolled out
    And Deployment "web" has 3 ready replicas
    When release "web" is upgraded from chart "web" with "--wait --timeout 2m --set replicaCount=-1"
    Then the upgrade fails with "spec.replicas: Invalid value: -1: must be greater than or equal to 0"
    And release "web" is at revision 2
    And release "web" has status failed
    When release "web" is rolled back to revision 1 with "--wait --timeout 2m"
    Then release "web" is at revision 3
    And release "web" has status deployed
    And release "web" has the history:
      | revision | status     | description          |
      | 1        | superseded | Install complete     |
      | 2        | failed     | Invalid value: -1    |
      | 3        | deployed   | Rollback to 1        |
    And Deployment "web" is rolled out
    And Deployment "web" has 3 ready replicas

  @portable
  Scenario: a template error names the chart file and line, and leaves the release as it was
    Given release "web" is installed from chart "web" with "--wait"
    When release "web" is upgraded from chart "web" with "--set image.tag=null"
    Then the upgrade fails with "execution error at (web/templates/deployment.yaml:19:52): image.tag is required"
    And release "web" is at revision 1
    And release "web" has status deployed

  @portable
  Scenario: --rollback-on-failure puts the last good revision back when an upgrade fails
    Given release "web" is installed from chart "web" with "--wait"
    When release "web" is upgraded from chart "web" with "--rollback-on-failure --timeout 1m --set replicaCount=-1 --set service.port=8080"
    Then the upgrade fails with "release web failed, and has been rolled back due to rollback-on-failure being set"
    And release "web" is at revision 3
    And release "web" has status deployed
    And Service "web" matches:
      """yaml
      spec:
        ports: [{name: http, port: 80}]
      """

  @portable
  Scenario: uninstalling deletes the release's objects and its history
    Given release "web" is installed from chart "web" with "--wait"
    When release "web" is uninstalled with "--wait"
    Then release "web" does not exist
    And Deployment "web" does not exist
    And Service "web" does not exist
