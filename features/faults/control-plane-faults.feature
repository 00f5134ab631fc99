@faults
Feature: The control plane converges through API faults
  Controllers, the scheduler and the kubelets meet an API server that refuses writes (429 from
  priority and fairness, 500 from a struggling etcd, 503) or drops their watches. They retry with
  client-go's backoff and relist after a broken watch, so the cluster still reaches the state the
  objects ask for; what the faults may change is when, never what.

  Background:
    Given a cluster with 3 worker nodes

  @sim-only
  Scenario: a Deployment scaled during a burst of 429s still gets all its replicas
    Given a Deployment "api" with 2 replicas
    And Deployment "api" is rolled out within 1 minute
    When the API server answers 60% of the control plane's writes with 429 for 2 minutes
    And Deployment "api" is scaled to 6
    Then Deployment "api" has 6 ready replicas within 3 minutes
    And there are 6 Running pods labelled "app=api"

  @sim-only
  Scenario: a StatefulSet created while etcd times out still starts its pods in order
    When the API server answers 50% of the control plane's writes with 500 for 1 minute
    And a StatefulSet "web" with 3 replicas
    Then StatefulSet "web" has 3 ready replicas within 3 minutes
    And pod "web-0" is ready before pod "web-1"
    And pod "web-1" is ready before pod "web-2"

  @sim-only
  Scenario: nothing reacts while the watches are down; the relist catches up
    Given a Deployment "api" with 2 replicas
    And Deployment "api" is rolled out within 1 minute
    When the control plane's watches are disconnected for 2 minutes
    And Deployment "api" is scaled to 4
    And the oldest pod labelled "app=api" is deleted
    And 1 minute passes
    Then Deployment "api" matches:
      """yaml
      spec: {replicas: 4}
      status: {replicas: 2, readyReplicas: 2}
      """
    And Deployment "api" has 4 ready replicas within 2 minutes
    And there are 4 Running pods labelled "app=api"
