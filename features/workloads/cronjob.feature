@workloads @cronjob
Feature: CronJobs start Jobs on a schedule
  The CronJob controller starts a Job at each schedule time, named after the scheduled minute,
  honours concurrencyPolicy, and keeps only the newest finished Jobs (reference/workloads.md §6).
  Virtual time makes hours of schedule take milliseconds.

  Background:
    Given a cluster with 2 worker nodes

  @sim-only @C000-176 @C001-171 @C001-172 @C004-091 @C002-162
  Scenario: a Job every two minutes, named after its scheduled minute, three successful ones kept
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: report
      spec:
        schedule: "*/2 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                # One node: after the first pull the image is there, so every run starts alike.
                nodeSelector: {kubernetes.io/hostname: worker-1}
                containers:
                  - name: report
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 10"]
      """
    When 11 minutes pass
    Then CronJob "report" has 3 jobs
    And Job "report-29453770" exists
    And Job "report-29453762" does not exist
    And CronJob "report" matches:
      """yaml
      status:
        lastScheduleTime: "2026-01-01T00:10:00Z"
        lastSuccessfulTime: "2026-01-01T00:10:11Z"
      """

  @sim-only @C000-177 @C001-175 @C004-093
  Scenario: Forbid skips a run while the previous Job is still running
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: backup
      spec:
        schedule: "* * * * *"
        concurrencyPolicy: Forbid
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: backup
                    image: busybox:1.36
                    command: ["sleep", "150"]
      """
    When 150 seconds pass
    Then CronJob "backup" has 1 job

  @sim-only @C000-178 @C001-175
  Scenario: Replace deletes the running Job and starts the new one
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: sync
      spec:
        schedule: "* * * * *"
        concurrencyPolicy: Replace
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: sync
                    image: busybox:1.36
                    command: ["sleep", "600"]
      """
    When 150 seconds pass
    Then CronJob "sync" has 1 job
    And Job "sync-29453762" exists
    And Job "sync-29453761" does not exist within 1 minute

  @sim-only @C000-181
  Scenario: a suspended CronJob starts nothing
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: paused
      spec:
        schedule: "* * * * *"
        suspend: true
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: main
                    image: busybox:1.36
                    command: ["true"]
      """
    When 5 minutes pass
    Then CronJob "paused" has 0 jobs

  @sim-only @C000-174 @C001-170
  Scenario: the schedule is read in spec.timeZone
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "0 2 * * *"
        timeZone: Asia/Seoul
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers:
                  - name: main
                    image: busybox:1.36
                    command: ["true"]
      """
    When 18 hours pass
    Then CronJob "nightly" has 1 job
    And CronJob "nightly" matches:
      """yaml
      status:
        lastScheduleTime: "2026-01-01T17:00:00Z"
      """

  @sim-only @C002-166 @C004-092
  Scenario: without spec.timeZone the schedule is read in the controller manager's time zone (UTC here)
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: database-backup}
      spec:
        schedule: "0 2 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: main, image: busybox:1.36, command: ["true"]}]
      """
    When 3 hours pass
    Then CronJob "database-backup" has 1 job
    And CronJob "database-backup" matches:
      """yaml
      status:
        lastScheduleTime: "2026-01-01T02:00:00Z"
      """
    When 1 day passes
    Then CronJob "database-backup" has started 2 Jobs, one at each scheduled time

  @sim-only @C004-098
  Scenario: every six hours, Sundays at midnight, the first of the month (the clock starts on Thursday 2026-01-01)
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: six-hourly}
      spec:
        schedule: "0 */6 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: main, image: busybox:1.36, command: ["true"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: sundays}
      spec:
        schedule: "0 0 * * 0"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: main, image: busybox:1.36, command: ["true"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: monthly}
      spec:
        schedule: "0 0 1 * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: main, image: busybox:1.36, command: ["true"]}]
      """
    When 80 hours pass
    Then CronJob "six-hourly" has started 13 Jobs, one at each scheduled time
    And CronJob "six-hourly" matches:
      """yaml
      status: {lastScheduleTime: "2026-01-04T06:00:00Z"}
      """
    And CronJob "sundays" has started 1 Job, one at each scheduled time
    And CronJob "sundays" matches:
      """yaml
      status: {lastScheduleTime: "2026-01-04T00:00:00Z"}
      """
    And CronJob "monthly" has started 0 Jobs, one at each scheduled time
    When 665 hours pass
    Then CronJob "six-hourly" has started 124 Jobs, one at each scheduled time
    And CronJob "sundays" has started 5 Jobs, one at each scheduled time
    And CronJob "monthly" has started 1 Job, one at each scheduled time
    And CronJob "monthly" matches:
      """yaml
      status: {lastScheduleTime: "2026-02-01T00:00:00Z"}
      """

  @sim-only @slow @faults
  Scenario: thirty simulated days start exactly the scheduled Jobs, without drift
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: rollup
      spec:
        schedule: "7 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - name: rollup
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 40"]
      """
    And the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata:
        name: nightly
      spec:
        schedule: "30 2 * * 1-5"
        timeZone: Asia/Seoul
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - name: nightly
                    image: busybox:1.36
                    command: ["sh", "-c", "sleep 600"]
      """
    When 30 days pass
    Then CronJob "rollup" has started 720 Jobs, one at each scheduled time
    And CronJob "nightly" has started 21 Jobs, one at each scheduled time
    And CronJob "rollup" has 3 jobs
    And CronJob "rollup" matches:
      """yaml
      status:
        lastScheduleTime: "2026-01-30T23:07:00Z"
        lastSuccessfulTime: "2026-01-30T23:07:41Z"
      """
    And CronJob "nightly" matches:
      """yaml
      status:
        lastScheduleTime: "2026-01-29T17:30:00Z"
      """

  @portable @C000-175
  Scenario: a time zone that does not exist is refused
    Then the following manifest is rejected with "spec.timeZone: Invalid value: \"Mars/Olympus\": unknown time zone Mars/Olympus":
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: martian}
      spec:
        schedule: "0 6 * * *"
        timeZone: Mars/Olympus
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: app, image: busybox:1.36}]
      """

  @sim-only @C004-094 @C000-180 @C002-165
  Scenario: history limits keep the newest successful and failed Jobs; the defaults are 3 and 1
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: ok-limited}
      spec:
        schedule: "* * * * *"
        successfulJobsHistoryLimit: 1
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: job, image: busybox:1.36, command: [sh, -c, "sleep 5"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: failing-limited}
      spec:
        schedule: "* * * * *"
        failedJobsHistoryLimit: 3
        jobTemplate:
          spec:
            backoffLimit: 0
            template:
              spec:
                restartPolicy: Never
                containers: [{name: job, image: busybox:1.36, command: [sh, -c, "sleep 5; exit 1"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: ok-default}
      spec:
        schedule: "* * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: job, image: busybox:1.36, command: [sh, -c, "sleep 5"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: failing-default}
      spec:
        schedule: "* * * * *"
        jobTemplate:
          spec:
            backoffLimit: 0
            template:
              spec:
                restartPolicy: Never
                containers: [{name: job, image: busybox:1.36, command: [sh, -c, "sleep 5; exit 1"]}]
      """
    When 8 minutes 30 seconds pass
    Then CronJob "ok-limited" has 1 job
    And CronJob "failing-limited" has 3 jobs
    And CronJob "ok-default" has 3 jobs
    And CronJob "failing-default" has 1 job
    And CronJob "ok-default" matches:
      """yaml
      spec: {successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1, concurrencyPolicy: Allow}
      """

  @sim-only @C000-179 @C004-095
  Scenario: startingDeadlineSeconds skips a run that could not start in time; without it the missed run starts late
    Given the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: with-deadline}
      spec:
        schedule: "*/10 * * * *"
        startingDeadlineSeconds: 300
        suspend: true
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: job, image: busybox:1.36, command: [sh, -c, "sleep 5"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: without-deadline}
      spec:
        schedule: "*/10 * * * *"
        suspend: true
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Never
                containers: [{name: job, image: busybox:1.36, command: [sh, -c, "sleep 5"]}]
      """
    When 17 minutes pass
    And CronJob "with-deadline" is patched with:
      """yaml
      spec: {suspend: false}
      """
    And CronJob "without-deadline" is patched with:
      """yaml
      spec: {suspend: false}
      """
    And 1 minute passes
    Then CronJob "with-deadline" has 0 jobs
    And CronJob "without-deadline" has 1 job
    When 3 minutes pass
    Then CronJob "with-deadline" has 1 job

  @portable @C001-173 @C002-164 @C004-099
  Scenario: the API server parses the schedule as the controller will, and refuses what it cannot
    When the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: every-six-hours}
      spec:
        schedule: "0 */6 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: c, image: busybox:1.36, command: [sh, -c, "date"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: weekday-evenings}
      spec:
        schedule: "30 18 * * mon-fri"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: c, image: busybox:1.36, command: [sh, -c, "date"]}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: monthly}
      spec:
        schedule: "@monthly"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: c, image: busybox:1.36, command: [sh, -c, "date"]}]
      """
    Then CronJob "weekday-evenings" exists
    And the following manifest is rejected with "spec.schedule: Invalid value: \"0 25 * * *\": end of range (25) above maximum (23): 25":
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: bad-hour}
      spec:
        schedule: "0 25 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: c, image: busybox:1.36}]
      """
    And the following manifest is rejected with "spec.schedule: Invalid value: \"every day\": expected exactly 5 fields, found 2: [every day]":
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: prose}
      spec:
        schedule: "every day"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: c, image: busybox:1.36}]
      """
    And the following manifest is rejected with "end of range (7) above maximum (6): 7":
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: sunday-as-seven}
      spec:
        schedule: "0 0 * * 7"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers: [{name: c, image: busybox:1.36}]
      """

  @portable @C000-182
  Scenario: the job template follows the Job rules: restartPolicy OnFailure or Never
    Then the following manifest is rejected with "spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"":
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: forever}
      spec:
        schedule: "*/5 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: Always
                containers: [{name: c, image: busybox:1.36}]
      """

  @sim-only @C002-163 @C004-096
  Scenario: each scheduled Job runs its pod to completion; OnFailure restarts the container in place
    When the following manifest is applied:
      """yaml
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: hello}
      spec:
        schedule: "*/1 * * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - {name: hello, image: busybox:1.36, command: ["sh", "-c", "date; echo Hello from the Kubernetes cluster; sleep 5"]}
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: flaky}
      spec:
        schedule: "*/1 * * * *"
        concurrencyPolicy: Forbid
        jobTemplate:
          spec:
            backoffLimit: 6
            template:
              metadata: {labels: {app: flaky}}
              spec:
                restartPolicy: OnFailure
                containers:
                  - {name: flaky, image: busybox:1.36, command: ["sh", "-c", "sleep 2; exit 1"]}
      """
    And 3 minutes pass
    Then "kubectl get jobs -o name" prints a line matching "job\.batch/hello-[0-9]+"
    And "kubectl get pods -l job-name -o jsonpath={.items[*].status.phase}" prints a line matching "Running( Succeeded)+"
    And there are 1 Running pods labelled "app=flaky"
    And the pod of CronJob "flaky" has restarted 4 times
