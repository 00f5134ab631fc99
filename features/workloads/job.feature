@workloads @job
Feature: Jobs run pods to completion
  A Job creates pods until enough of them succeed, retries failures with exponential backoff up to
  backoffLimit, and reports its outcome in two steps: SuccessCriteriaMet or FailureTarget at once,
  Complete or Failed once no pod is terminating (reference/workloads.md §5).

  Background:
    Given a cluster with 3 worker nodes

  @portable @C000-161 @C002-153 @C002-154 @C000-168 @C004-082
  Scenario: a one-pod Job completes when its pod exits 0
    Given a Job "hello" that runs "echo Hello, Kubernetes!; sleep 30"
    Then Job "hello" completes within 2 minutes
    And there are 1 Succeeded pods labelled "batch.kubernetes.io/job-name=hello"
    And Job "hello" matches:
      """yaml
      status:
        succeeded: 1
        conditions:
          - type: SuccessCriteriaMet
            status: "True"
            reason: CompletionsReached
          - type: Complete
            status: "True"
            reason: CompletionsReached
            message: Reached expected number of succeeded pods
      """

  @portable @C000-171 @C001-162 @C000-238 @C000-239 @C004-083
  Scenario: a parallel Job runs at most `parallelism` pods until `completions` pods succeeded
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: batch
      spec:
        completions: 10
        parallelism: 3
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: worker
                image: busybox:1.36
                command: ["sh", "-c", "sleep 5"]
      """
    Then at most 3 pods of Job "batch" run at the same time until it completes within 10 minutes
    And Job "batch" matches:
      """yaml
      status:
        succeeded: 10
      """

  @portable @needs-kubelet @C000-162 @C002-156 @C001-165
  Scenario: failures are retried with growing delays until backoffLimit is exceeded
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: flaky
      spec:
        backoffLimit: 2
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: main
                image: busybox:1.36
                command: ["sh", "-c", "exit 1"]
      """
    Then Job "flaky" fails with reason BackoffLimitExceeded within 5 minutes
    And Job "flaky" matches:
      """yaml
      status:
        failed: 3
        conditions:
          - type: FailureTarget
            reason: BackoffLimitExceeded
          - type: Failed
            reason: BackoffLimitExceeded
            message: Job has reached the specified backoff limit
      """

  @portable @needs-kubelet @C000-164 @C001-166
  Scenario: activeDeadlineSeconds fails the Job and stops its pods, whatever backoffLimit says
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: slow
      spec:
        activeDeadlineSeconds: 60
        backoffLimit: 100
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: main
                image: busybox:1.36
                command: ["sleep", "3600"]
      """
    Then Job "slow" fails with reason DeadlineExceeded within 5 minutes
    And there are 0 Running pods labelled "batch.kubernetes.io/job-name=slow"

  @portable @C000-165 @C004-087
  Scenario: ttlSecondsAfterFinished deletes the finished Job and its pods
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: short-lived
      spec:
        ttlSecondsAfterFinished: 30
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: main
                image: busybox:1.36
                command: ["true"]
      """
    And Job "short-lived" completes within 1 minute
    Then Job "short-lived" does not exist within 2 minutes
    And there are 0 Succeeded pods labelled "batch.kubernetes.io/job-name=short-lived"

  @portable @C000-166 @C001-163
  Scenario: a Job whose pods would restart forever is rejected
    Then the following manifest is rejected with "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"":
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: forever
      spec:
        template:
          spec:
            containers:
              - name: main
                image: busybox:1.36
      """

  @portable @needs-kubelet @C000-173
  Scenario: deleting a Job deletes its pods
    Given a Job "long" that runs "sleep 600"
    And there are 1 Running pods labelled "batch.kubernetes.io/job-name=long" within 1 minute
    When Job "long" is deleted
    Then there are 0 Running pods labelled "batch.kubernetes.io/job-name=long" within 1 minute

  @portable
  Scenario: an Indexed Job gives each pod its completion index
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: shards
      spec:
        completions: 3
        parallelism: 3
        completionMode: Indexed
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: worker
                image: busybox:1.36
                command: ["sh", "-c", "sleep 5"]
      """
    Then Job "shards" completes within 2 minutes
    And Job "shards" matches:
      """yaml
      status:
        succeeded: 3
        completedIndexes: "0-2"
      """
    And there are 1 Succeeded pods labelled "batch.kubernetes.io/job-completion-index=2"
    And the oldest pod labelled "batch.kubernetes.io/job-completion-index=1" matches:
      """yaml
      metadata:
        annotations:
          batch.kubernetes.io/job-completion-index: "1"
      spec:
        hostname: shards-1
        containers:
          - name: worker
            env:
              - name: JOB_COMPLETION_INDEX
                valueFrom:
                  fieldRef:
                    fieldPath: metadata.labels['batch.kubernetes.io/job-completion-index']
      """

  @sim-only @C000-238 @C000-239 @C000-242
  Scenario: the batch exercise: 100 completions, 10 at a time, deleted a day after finishing
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: data-processing
      spec:
        completions: 100
        parallelism: 10
        backoffLimit: 3
        activeDeadlineSeconds: 7200
        ttlSecondsAfterFinished: 86400
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: processor
                image: busybox:1.36
                command: ["sh", "-c", "sleep 60"]
      """
    Then at most 10 pods of Job "data-processing" run at the same time until it completes within 2 hours
    And Job "data-processing" matches:
      """yaml
      status:
        succeeded: 100
      """
    When 23 hours pass
    Then Job "data-processing" exists
    When 1 hour passes
    Then Job "data-processing" does not exist within 1 minute

  @portable
  Scenario: successPolicy ends an Indexed Job as soon as index 0 succeeds
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: leader-first
      spec:
        completions: 3
        parallelism: 1
        completionMode: Indexed
        successPolicy:
          rules:
            - succeededIndexes: "0"
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: worker
                image: busybox:1.36
                command: ["sleep", "5"]
      """
    Then Job "leader-first" completes within 2 minutes
    And Job "leader-first" has condition SuccessCriteriaMet=True with reason SuccessPolicy
    And Job "leader-first" matches:
      """yaml
      status:
        succeeded: 1
        completedIndexes: "0"
        conditions:
          - type: Complete
            reason: SuccessPolicy
            message: Matched rules at index 0
      """

  @portable @needs-kubelet
  Scenario: backoffLimitPerIndex fails one index without stopping the others
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: per-index
      spec:
        completions: 2
        parallelism: 2
        completionMode: Indexed
        backoffLimitPerIndex: 1
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: worker
                image: busybox:1.36
                command: ["sh", "-c", "exit 1"]
      """
    Then Job "per-index" fails with reason FailedIndexes within 5 minutes
    And Job "per-index" matches:
      """yaml
      status:
        failed: 4
        failedIndexes: "0,1"
      """

  @sim-only @C004-084 @C004-088
  Scenario: a finished pod of a parallel Job is replaced at once, and the finished pods are kept
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: pairs
      spec:
        completions: 4
        parallelism: 2
        template:
          spec:
            restartPolicy: Never
            containers:
              - {name: worker, image: busybox:1.36, command: ["sh", "-c", "sleep 10"]}
      """
    When 16 seconds pass
    Then there are 2 Succeeded pods labelled "batch.kubernetes.io/job-name=pairs"
    And there are 2 Running pods labelled "batch.kubernetes.io/job-name=pairs"
    And Job "pairs" completes within 1 minute
    When 1 hour passes
    Then there are 4 Succeeded pods labelled "batch.kubernetes.io/job-name=pairs"

  @sim-only @C004-085 @C004-086 @C000-163 @C001-167
  Scenario: backoffLimit 3 allows three retries, each after a doubling delay; the fourth failure fails the Job
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata:
        name: flaky
      spec:
        backoffLimit: 3
        template:
          spec:
            restartPolicy: Never
            # One node: every retry finds the image there, so only the backoff sets the times.
            nodeSelector: {kubernetes.io/hostname: worker-1}
            containers:
              - {name: main, image: busybox:1.36, command: ["sh", "-c", "exit 1"]}
      """
    When 5 seconds pass
    Then there are 1 Failed pods labelled "batch.kubernetes.io/job-name=flaky"
    When 10 seconds pass
    Then there are 2 Failed pods labelled "batch.kubernetes.io/job-name=flaky"
    When 25 seconds pass
    Then there are 3 Failed pods labelled "batch.kubernetes.io/job-name=flaky"
    When 30 seconds pass
    Then there are 3 Failed pods labelled "batch.kubernetes.io/job-name=flaky"
    And Job "flaky" fails with reason BackoffLimitExceeded within 20 seconds
    And there are 4 Failed pods labelled "batch.kubernetes.io/job-name=flaky"
    And Job "flaky" matches:
      """yaml
      status: {failed: 4}
      """

  @portable @needs-kubelet @C004-089
  Scenario: JOB_COMPLETION_INDEX is set only in an Indexed Job's pods
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: indexed}
      spec:
        completions: 2
        parallelism: 2
        completionMode: Indexed
        template:
          spec:
            restartPolicy: Never
            containers:
              - {name: worker, image: busybox:1.36, command: ["sh", "-c", "sleep 60"]}
      ---
      apiVersion: batch/v1
      kind: Job
      metadata: {name: plain}
      spec:
        completions: 2
        parallelism: 2
        template:
          spec:
            restartPolicy: Never
            containers:
              - {name: worker, image: busybox:1.36, command: ["sh", "-c", "sleep 60"]}
      """
    Then there are 2 Running pods labelled "batch.kubernetes.io/job-name=plain" within 1 minute
    And container "worker" of the oldest pod labelled "batch.kubernetes.io/job-completion-index=1" has environment variable "JOB_COMPLETION_INDEX" set to "1" within 1 minute
    And container "worker" of the oldest pod labelled "batch.kubernetes.io/job-name=plain" has no environment variable "JOB_COMPLETION_INDEX"

  @portable @C004-090 @C000-109 @C001-332
  Scenario: an image tagged latest, or not tagged, is pulled every time; a pinned tag only if missing
    When the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - {name: latest, image: "busybox:latest", command: ["true"]}
              - {name: untagged, image: busybox, command: ["true"]}
              - {name: pinned, image: "busybox:1.36", command: ["true"]}
      """
    Then Job "migrate" matches:
      """yaml
      spec:
        template:
          spec:
            containers:
              - {name: latest, imagePullPolicy: Always}
              - {name: untagged, imagePullPolicy: Always}
              - {name: pinned, imagePullPolicy: IfNotPresent}
      """

  @portable @needs-kubelet @C000-167 @C001-164 @C002-160
  Scenario: with restartPolicy OnFailure the container restarts in the same pod, and the restarts count toward backoffLimit
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: retry-in-place}
      spec:
        backoffLimit: 2
        template:
          spec:
            restartPolicy: OnFailure
            containers:
              - {name: main, image: busybox:1.36, command: [sh, -c, "sleep 1; exit 1"]}
      """
    Then the oldest pod labelled "batch.kubernetes.io/job-name=retry-in-place" matches within 2 minutes:
      """yaml
      status:
        containerStatuses: [{name: main, restartCount: 1}]
      """
    And Job "retry-in-place" fails with reason BackoffLimitExceeded within 5 minutes

  # Suspended, so no pod runs: the refusal is the API server's, and on the reference cluster KWOK
  # (no kubelet) would otherwise complete the pod at once, which says nothing about a real one.
  @portable @C000-169
  Scenario: a Job's pod template cannot change
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: pi}
      spec:
        suspend: true
        template:
          spec:
            restartPolicy: Never
            containers: [{name: main, image: "busybox:1.36", command: [sleep, "600"]}]
      """
    Then patching Job "pi" with the following is rejected as Invalid with "field is immutable":
      """yaml
      spec:
        template:
          spec:
            containers: [{name: main, image: "busybox:1.37"}]
      """

  @portable @needs-kubelet @C000-170
  Scenario: a Job pod whose Secret is missing waits in CreateContainerConfigError and the Job makes no progress
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: migrate}
      spec:
        template:
          spec:
            restartPolicy: Never
            containers:
              - name: migrate
                image: busybox:1.36
                command: [sh, -c, "sleep 1"]
                env:
                  - name: DATABASE_URL
                    valueFrom:
                      secretKeyRef: {name: db-secret, key: url}
      """
    When 2 minutes pass
    Then the oldest pod labelled "batch.kubernetes.io/job-name=migrate" matches:
      """yaml
      status:
        phase: Pending
        containerStatuses:
          - name: migrate
            state:
              waiting: {reason: CreateContainerConfigError}
      """
    And Job "migrate" matches:
      """yaml
      status: {active: 1}
      """
    And Job "migrate" has no field ".status.succeeded"

  @portable @C002-155 @C002-158 @C002-157
  Scenario: a Job's template is a pod template; its name is not the pods' name, and a misplaced backoffLimit is refused
    When the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: Job
      metadata: {name: example-job}
      spec:
        backoffLimit: 4
        template:
          metadata:
            name: ignored-name
            labels: {team: batch}
          spec:
            restartPolicy: Never
            nodeSelector: {kubernetes.io/os: linux}
            containers:
              - name: hello
                image: busybox:1.36
                command: ["sh", "-c", "echo Hello, Kubernetes!; sleep 5"]
                env: [{name: GREETING, value: hi}]
                resources: {requests: {cpu: 100m}}
      """
    Then Job "example-job" completes within 2 minutes
    And Pod "ignored-name" does not exist
    And "kubectl get pods -l job-name=example-job -o name" prints a line matching "pod/example-job-[a-z0-9]{5}"
    And "kubectl get pods -l team=batch -o jsonpath={.items[0].metadata.generateName}" prints "example-job-"
    And "kubectl apply -f scenarios/files/job-misplaced-backofflimit.yaml" fails with "unknown field \"spec.template.backoffLimit\""

  @portable @needs-kubelet @C002-161 @C002-039
  Scenario: what the Job's container printed is its log
    Given a Job "hello" that runs "echo Hello, Kubernetes!; sleep 5"
    Then Job "hello" completes within 2 minutes
    And "kubectl logs job/hello" prints "Hello, Kubernetes!"
