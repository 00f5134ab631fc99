Feature: A nightly backup CronJob

  Scenario: it runs at 02:30 every day
    Then CronJob "db-backup" matches:
      """yaml
      spec:
        schedule: "30 2 * * *"
      """

  Scenario: backups never overlap and history is bounded
    Then CronJob "db-backup" matches:
      """yaml
      spec:
        concurrencyPolicy: Forbid
        successfulJobsHistoryLimit: 3
        failedJobsHistoryLimit: 1
      """

  Scenario: the job template runs the backup
    Then CronJob "db-backup" matches:
      """yaml
      spec:
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - image: busybox:1.36
      """
