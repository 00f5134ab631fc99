@pods
Feature: Shell commands decide a container's exit code
  A container's `sh -c` script ends with the status of its last command, or with `exit N`; a
  failed command in the middle does not end it. `cat` of a path the image does not have fails
  with busybox's status 1 (coreutils/cat.c).

  Background:
    Given a cluster with 1 worker node

  @portable @needs-kubelet
  Scenario: the last command's status is the exit code, whatever failed before it
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: carries-on
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "false; echo done"]}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: or-exit
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "if [ -f /etc/hostname ]; then false || exit 3; fi; exit 9"]}
      """
    Then pod "carries-on" matches within 1 minute:
      """yaml
      status:
        phase: Succeeded
        containerStatuses:
          - name: app
            state:
              terminated: {exitCode: 0, reason: Completed}
      """
    And pod "or-exit" matches within 1 minute:
      """yaml
      status:
        phase: Failed
        containerStatuses:
          - name: app
            state:
              terminated: {exitCode: 3, reason: Error}
      """

  @portable @needs-kubelet
  Scenario: cat of a file the image does not have fails with exit code 1
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: cat-missing
      spec:
        restartPolicy: Never
        containers:
          - {name: app, image: busybox:1.36, command: ["sh", "-c", "cat /missing"]}
      """
    Then pod "cat-missing" matches within 1 minute:
      """yaml
      status:
        phase: Failed
        containerStatuses:
          - name: app
            state:
              terminated: {exitCode: 1, reason: Error}
      """
