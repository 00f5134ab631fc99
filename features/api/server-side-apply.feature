@api @portable
Feature: Server-side apply: field ownership, conflicts and pruning
  Every write records who owns which field in metadata.managedFields. An apply owns exactly the
  fields of its manifest; changing a field another manager owns is a conflict unless forced;
  applying the same value shares the field; a field the manager applied before and now leaves
  out is removed unless someone else still owns it (reference/api-machinery.md §6).

  Background:
    Given a cluster with 1 worker node
    And the following manifest is applied server-side by "platform":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, labels: {team: platform}}
      data: {mode: fast, level: "3"}
      """

  Scenario: a different value for another manager's field is a conflict; force takes the field over
    Then field ".data.mode" of ConfigMap "settings" is managed by "platform"
    And applying the following manifest server-side as "app-team" is rejected as Conflict with "Apply failed with 1 conflict: conflict with \"platform\": .data.mode":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: slow}
      """
    And ConfigMap "settings" matches:
      """yaml
      data: {mode: fast}
      """
    When the following manifest is applied server-side by "app-team" with force:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: slow}
      """
    Then ConfigMap "settings" matches:
      """yaml
      data: {mode: slow, level: "3"}
      """
    And field ".data.mode" of ConfigMap "settings" is managed by "app-team"
    And field ".data.level" of ConfigMap "settings" is managed by "platform"

  Scenario: the same value is shared ownership, and a field stays while any owner keeps it
    When the following manifest is applied server-side by "app-team":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data: {mode: fast}
      """
    Then field ".data.mode" of ConfigMap "settings" is managed by "app-team, platform"
    When the following manifest is applied server-side by "platform":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, labels: {team: platform}}
      data: {}
      """
    Then ConfigMap "settings" has no field ".data.level"
    And ConfigMap "settings" matches:
      """yaml
      data: {mode: fast}
      """
    And field ".data.mode" of ConfigMap "settings" is managed by "app-team"

  Scenario: an update takes the fields it changes from the applier, whose next apply then conflicts
    When ConfigMap "settings" is patched with:
      """yaml
      data: {level: "5"}
      """
    Then field ".data.level" of ConfigMap "settings" is managed by "kubespec"
    And applying the following manifest server-side as "platform" is rejected with "conflict with \"kubespec\"":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings, labels: {team: platform}}
      data: {mode: fast, level: "3"}
      """

  Scenario: a field the kind does not declare is refused by server-side apply
    Then applying the following manifest server-side as "platform" is rejected with ".data2: field not declared in schema":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: settings}
      data2: {mode: fast}
      """
