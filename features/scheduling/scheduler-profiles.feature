@scheduling
Feature: Scheduler profiles
  kube-scheduler reads a KubeSchedulerConfiguration: each profile, named by schedulerName, turns
  plugins on and off, weighs the scoring ones and passes them arguments. A pod is scheduled by
  the profile it names, and waits if no profile has that name (pkg/scheduler/apis/config,
  reference/scheduling.md §2).

  @sim-only @C003-107
  Scenario: defaultConstraints spread the pods of a workload that declares no constraints of its own
    Given a cluster with nodes:
      | name          | role          | labels                        |
      | control-plane | control-plane |                               |
      | a-1           |               | topology.kubernetes.io/zone=a |
      | b-1           |               | topology.kubernetes.io/zone=b |
    And the scheduler runs with the following configuration:
      """yaml
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: default-scheduler
          pluginConfig:
            - name: PodTopologySpread
              args:
                defaultingType: List
                defaultConstraints:
                  - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 4
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            affinity:
              nodeAffinity:
                preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    preference:
                      matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [a]}]
            containers: [{name: web, image: registry.k8s.io/pause:3.10}]
      """
    Then there are 4 Running pods labelled "app=web" within 1 minute
    And 2 pods labelled "app=web" run on node "a-1"
    And 2 pods labelled "app=web" run on node "b-1"

  @sim-only
  Scenario: a second profile schedules the pods that name it; a pod naming no profile waits
    Given a cluster with 2 worker nodes
    And the scheduler runs with the following configuration:
      """yaml
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: default-scheduler
        - schedulerName: maintenance-scheduler
          plugins:
            filter:
              disabled: [{name: TaintToleration}]
      """
    And node "worker-1" is tainted "maintenance=true:NoSchedule"
    And node "worker-2" is tainted "maintenance=true:NoSchedule"
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: ordinary}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: fixer}
      spec:
        schedulerName: maintenance-scheduler
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: orphan}
      spec:
        schedulerName: no-such-scheduler
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
      """
    Then pod "fixer" is Running within 1 minute
    And pod "ordinary" has a FailedScheduling event saying "had untolerated taint" within 30s
    And pod "orphan" stays Pending for 1 minute
    And pod "ordinary" is still Pending

  @sim-only
  Scenario: a configuration naming a plugin the scheduler does not have is refused
    Given a cluster with 1 worker node
    Then the scheduler cannot run with the following configuration because "plugin \"NodeMagic\" does not exist":
      """yaml
      apiVersion: kubescheduler.config.k8s.io/v1
      kind: KubeSchedulerConfiguration
      profiles:
        - schedulerName: default-scheduler
          plugins:
            score:
              enabled: [{name: NodeMagic, weight: 5}]
      """
