@kubectl @workloads
Feature: Workloads with kubectl
  Rollouts, ReplicaSets, Jobs and CronJobs as `kubectl rollout`, `get` and `create job --from`
  show them, against the scenario's cluster.

  Background:
    Given a cluster with 2 worker nodes

  @portable @C001-138 @C002-143 @C001-140 @C002-145 @C001-141 @C002-147 @C001-142 @C002-141
  Scenario: rollout history lists a revision per template change with its change-cause; undo to an unknown revision fails
    Given a Deployment "api" with 2 replicas
    And Deployment "api" is rolled out within 2 minutes
    When Deployment "api" is patched with:
      """yaml
      metadata:
        annotations: {kubernetes.io/change-cause: "image nginx-slim 0.26"}
      spec:
        template:
          spec:
            containers: [{name: app, image: registry.k8s.io/nginx-slim:0.26}]
      """
    Then Deployment "api" is rolled out within 2 minutes
    And "kubectl rollout status deployment/api" prints "deployment \"api\" successfully rolled out"
    And "kubectl rollout history deployment/api" prints:
      """
      REVISION  CHANGE-CAUSE
      1         <none>
      2         image nginx-slim 0.26
      """
    And "kubectl get replicasets -l app=api" prints:
      """
      NAME   DESIRED   CURRENT   READY   AGE
      *      0         0         0       *
      """
    And "kubectl rollout undo deployment/api --to-revision=7" fails with "unable to find specified revision 7 in history"
    When "kubectl rollout undo deployment/api --to-revision=1" is run
    Then Deployment "api" is rolled out within 2 minutes
    And Deployment "api" is at revision 3

  @portable @C002-129
  Scenario: kubectl get replicaset shows desired, current and ready counts
    Given manifest "replicaset-nginx.yaml" is applied
    And ReplicaSet "nginx-replicaset" has 3 ready replicas within 1 minute
    Then "kubectl get replicaset nginx-replicaset" prints:
      """
      NAME               DESIRED   CURRENT   READY   AGE
      nginx-replicaset   3         3         3       *
      """

  @portable @C001-168
  Scenario: kubectl get jobs shows completions and the Job status counts its pods
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: batch}
      spec:
        completions: 3
        parallelism: 3
        template:
          spec:
            restartPolicy: Never
            containers: [{name: worker, image: busybox:1.36, command: [sh, -c, "sleep 3"]}]
      """
    Then Job "batch" completes within 2 minutes
    And "kubectl get jobs batch" prints:
      """
      NAME    STATUS     COMPLETIONS   DURATION   AGE
      batch   Complete   3/3           *          *
      """
    And Job "batch" matches:
      """yaml
      status:
        succeeded: 3
        conditions:
          - {type: SuccessCriteriaMet, status: "True"}
          - {type: Complete, status: "True"}
      """

  @portable @C001-174
  Scenario: kubectl create job --from=cronjob runs the CronJob's template now
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: backup}
      spec:
        schedule: "0 3 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: backup, image: busybox:1.36, command: [sh, -c, "sleep 2"]}]
      """
    When "kubectl create job manual-backup --from=cronjob/backup" is run
    Then Job "manual-backup" completes within 2 minutes
    And Job "manual-backup" matches:
      """yaml
      metadata:
        annotations: {cronjob.kubernetes.io/instantiate: manual}
        ownerReferences:
          - {kind: CronJob, name: backup}
      """

  @portable @C000-140
  Scenario: kubectl rollout restart changes a template annotation, which makes a new ReplicaSet
    Given a Deployment "api" with 2 replicas
    And Deployment "api" is rolled out within 2 minutes
    When "kubectl rollout restart deployment/api" is run
    Then Deployment "api" is rolled out within 2 minutes
    And Deployment "api" is at revision 2
    And "kubectl get deployment api -o jsonpath={.spec.template.metadata.annotations}" prints a line matching "\{\"kubectl\.kubernetes\.io/restartedAt\":\"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})\"\}"
