@workloads @statefulset
Feature: StatefulSet scale-down
  A StatefulSet removes pods from the highest ordinal down, one at a time: the next pod is
  deleted only after the previous one is gone (reference/workloads.md §3, OrderedReady).

  @portable @C000-048 @C001-146 @C004-032 @C002-182
  Scenario: the highest ordinal goes first
    Given a cluster with 3 worker nodes
    And a StatefulSet "web" with 3 replicas
    And StatefulSet "web" has 3 ready replicas within 2 minutes
    When StatefulSet "web" is scaled to 1
    Then pod "web-2" is deleted before pod "web-1"
    And StatefulSet "web" has 1 ready replica within 2 minutes
    And pod "web-0" is Running
