@pods
Feature: Image references as the kubelet and containerd read them
  An image is named many ways: `busybox`, `busybox:1.36`, `docker.io/library/busybox:1.36` are the
  same repository once normalised (github.com/distribution/reference), and the simulator files
  what it knows about images under that name (scenarios/behaviors/images.yaml). A reference that
  does not parse never reaches the registry: the kubelet refuses it as InvalidImageName.

  Background:
    Given a cluster with 1 worker node

  @portable @needs-kubelet
  Scenario: a fully qualified busybox runs its default command like plain busybox
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: qualified}
      spec:
        restartPolicy: Never
        containers:
        - {name: shell, image: docker.io/library/busybox:1.36}
      """
    Then pod "qualified" matches within 1 minute:
      """yaml
      status:
        phase: Succeeded
        containerStatuses:
          - name: shell
            state:
              terminated: {exitCode: 0, reason: Completed}
      """

  @sim-only
  Scenario: the simulator knows busybox by any of its names and assumes nothing
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: spelled}
      spec:
        restartPolicy: Never
        containers:
        - {name: short, image: busybox:1.36}
        - {name: library, image: library/busybox:1.36}
        - {name: qualified, image: docker.io/library/busybox:1.36}
      """
    Then pod "spelled" is Succeeded within 1 minute
    And the simulator assumed nothing about pod "spelled"

  @portable @needs-kubelet
  Scenario: a distroless nonroot image runs under runAsNonRoot without a runAsUser
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: nonroot}
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
        - name: app
          image: gcr.io/distroless/static-debian12:debug-nonroot
          command: [/busybox/sh, -c, 'sleep 3600']
      """
    Then pod "nonroot" is Running within 1 minute

  @portable @needs-kubelet
  Scenario: an image that runs as root is refused under runAsNonRoot
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: rooted}
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
        - {name: app, image: gcr.io/distroless/static-debian12:debug, command: [/busybox/sh, -c, 'sleep 3600']}
      """
    Then pod "rooted" matches within 1 minute:
      """yaml
      status:
        phase: Pending
        containerStatuses:
          - name: app
            state:
              waiting: {reason: CreateContainerConfigError}
      """

  @sim-only
  Scenario: an image with no known USER under runAsNonRoot is taken to run as root, and the guess is written down
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: custom}
      spec:
        securityContext: {runAsNonRoot: true}
        containers:
        - {name: app, image: example.com/team/app:1.0, command: [sh, -c, 'sleep 3600']}
      """
    Then pod "custom" matches within 1 minute:
      """yaml
      status:
        containerStatuses:
          - name: app
            state:
              waiting: {reason: CreateContainerConfigError}
      """
    And the simulator assumed "spec.containers[app].image" of pod "custom"

  @sim-only
  Scenario: a tag of nginx the simulator does not know pulls, and the assumption is listed
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
        - {name: web, image: nginx:1.27.3}
      """
    Then pod "web" is Running within 1 minute
    And the simulator assumed "spec.containers[web].image" of pod "web"

  @portable @needs-kubelet
  Scenario: an upper-case repository name is InvalidImageName, in the kubelet's words
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: shouting}
      spec:
        containers:
        - {name: app, image: "Busybox:1.36", command: [sleep, "3600"]}
      """
    Then pod "shouting" matches within 1 minute:
      """yaml
      status:
        phase: Pending
        containerStatuses:
          - name: app
            state:
              waiting:
                reason: InvalidImageName
                message: 'Failed to apply default image tag "Busybox:1.36": couldn''t parse image name "Busybox:1.36": invalid reference format: repository name (library/Busybox) must be lowercase'
      """
    And pod "shouting" has a InspectFailed event saying "couldn't parse image name" within 30s
