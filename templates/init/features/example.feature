@example
Feature: Our cluster rules, as executable specs
  Scenarios run on kubespec's simulator in seconds (npx kubespec run), or on a live cluster
  with --profile live. `npx kubespec steps` lists every step with an example.

  @portable
  Scenario: a StatefulSet scales down from the highest ordinal
    Given a cluster with 3 worker nodes
    And a StatefulSet "web" with 3 replicas
    And StatefulSet "web" has 3 ready replicas within 2 minutes
    When StatefulSet "web" is scaled to 1
    Then pod "web-2" is deleted before pod "web-1"
    And pod "web-0" is Running

  @portable
  Scenario: our settings ConfigMap carries the team label
    Given manifest "team-settings.yaml" is applied
    Then ConfigMap "team-settings" has label "team=platform"
