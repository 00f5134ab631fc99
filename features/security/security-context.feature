@security
Feature: Who a container's processes run as
  runAsUser and runAsGroup set the process's uid and primary gid (a container's own settings win
  over the pod's); fsGroup is added to every container's supplementary groups, and the volumes
  whose ownership the kubelet manages (emptyDir, ConfigMap, Secret, projected) are group-owned by
  it. `kubectl exec … id` answers from the pod spec on the simulator.

  Background:
    Given a cluster with 1 worker node

  @portable @needs-kubelet @C001-282 @C001-283
  Scenario: runAsUser 1000, runAsGroup 3000 and fsGroup 2000 are what id and the volume show
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: security-context-demo}
      spec:
        securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000}
        volumes: [{name: sec-ctx-vol, emptyDir: {}}]
        containers:
          - name: sec-ctx-demo
            image: busybox:1.36
            command: ["sh", "-c", "sleep 1h"]
            volumeMounts: [{name: sec-ctx-vol, mountPath: /data/demo}]
            securityContext: {allowPrivilegeEscalation: false}
          - name: own-user
            image: busybox:1.36
            command: ["sh", "-c", "sleep 1h"]
            securityContext: {runAsUser: 2500}
      """
    And pod "security-context-demo" is Running within 1 minute
    Then "kubectl exec security-context-demo -c sec-ctx-demo -- id" prints "uid=1000 gid=3000 groups=2000,3000"
    And "kubectl exec security-context-demo -c sec-ctx-demo -- id -G" prints "3000 2000"
    And "kubectl exec security-context-demo -c sec-ctx-demo -- stat -c %g /data/demo" prints "2000"
    And "kubectl exec security-context-demo -c own-user -- id -u" prints "2500"
    And "kubectl exec security-context-demo -c own-user -- id -g" prints "3000"
