@workloads @deployment
Feature: What holds over time, and counts compared
  "stays …/keeps … for D" looks at every change for the whole period (virtual time on the
  simulator, a watch on a live cluster) and fails at the first moment it does not hold; "still …"
  checks now, after a change that should not have touched it; "at least N / at most N" compare
  counts.

  Background:
    Given a Deployment "web" with 3 replicas
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      """
    And Deployment "web" is rolled out within 2 minutes

  @portable
  Scenario: a rolling update with no unavailability keeps every replica ready and the Service never empty
    When Deployment "web" is updated to image "nginx:1.27"
    Then Deployment "web" keeps at least 3 ready replicas for 2 minutes
    And service "web" keeps at least 1 ready endpoint for 30 seconds
    And Deployment "web" is rolled out
    And Deployment "web" still has 3 ready replicas
    And Deployment "web" has 3 pods
    And the ReplicaSet of Deployment "web" with revision 2 has 3 ready replicas
    And service "web" has at least 3 ready endpoints within 30 seconds

  @portable
  Scenario: a paused Deployment leaves its ReplicaSet alone while its template changes
    When Deployment "web" is paused
    And Deployment "web" is updated to image "nginx:1.27"
    Then the ReplicaSet of Deployment "web" with revision 1 keeps matching for 1 minute:
      """yaml
      spec:
        replicas: 3
      status:
        readyReplicas: 3
      """
    And Deployment "web" still has 3 ready replicas
    And Deployment "web" has at most 3 pods
    And there are at least 3 Running pods labelled "app=web"

  @portable
  Scenario: scaling down is seen at once by "keeps … for"
    When Deployment "web" is scaled to 2
    Then Deployment "web" has fewer than 3 ready replicas within 1 minute
    And Deployment "web" keeps 2 ready replicas for 1 minute
    And Deployment "web" keeps more than 1 ready replicas for 10 seconds

  @portable @pods
  Scenario: a pod that runs stays Running and ready, and has not restarted
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: steady}
      spec: {containers: [{name: app, image: registry.k8s.io/pause:3.10}]}
      """
    Then pod "steady" is Running within 1 minute
    And pod "steady" stays Running for 2 minutes
    And pod "steady" remains ready for 30 seconds
    And pod "steady" is still ready
    And pod "steady" has restarted 0 times
    And pod "steady" has 1 Scheduled event

  @portable @needs-kubelet @pods
  Scenario: a container that keeps failing is restarted with back-off, and counted
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: crash}
      spec:
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 1; exit 1"]}
      """
    Then pod "crash" has restarted at least 2 times within 2 minutes
    And pod "crash" has at least 1 BackOff event
    # restartPolicy Always: the phase stays Running through CrashLoopBackOff; readiness does not
    And pod "crash" stays Running for 1 minute
