@storage
Feature: hostPath volumes show the node's own filesystem
  A hostPath volume (or a PersistentVolume of type hostPath) is a directory of the node the pod
  runs on: what a pod writes there stays on that node after the pod is gone, the next pod on the
  same node finds it, and a pod on another node does not. The kubelet's container logs live
  under the node's /var/log, which log collectors mount read-only. Files are written with
  `kubectl exec` (touch, echo >); see src/sim/kubelet/written-files.ts.

  Background:
    Given a cluster with 2 worker nodes

  @sim-only @C001-233 @C002-047
  Scenario: data written through a hostPath volume outlives the pod but stays on its node
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: writer}
      spec:
        nodeName: worker-1
        containers:
          - name: web
            image: busybox:1.36
            command: ["sleep", "3600"]
            volumeMounts: [{name: html, mountPath: /usr/share/nginx/html}]
        volumes:
          - name: html
            hostPath: {path: /home, type: Directory}
      """
    And pod "writer" is Running within 1 minute
    When "kubectl exec writer -- sh -c echo\ hello\ from\ worker-1\ >\ /usr/share/nginx/html/index.html" is run
    And pod "writer" is deleted
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: same-node}
          spec:
            nodeName: worker-1
            containers:
              - {name: web, image: busybox:1.36, command: ["sleep", "3600"], volumeMounts: [{name: html, mountPath: /srv}]}
            volumes: [{name: html, hostPath: {path: /home}}]
        - apiVersion: v1
          kind: Pod
          metadata: {name: other-node}
          spec:
            nodeName: worker-2
            containers:
              - {name: web, image: busybox:1.36, command: ["sleep", "3600"], volumeMounts: [{name: html, mountPath: /srv}]}
            volumes: [{name: html, hostPath: {path: /home}}]
      """
    And pod "same-node" is Running within 1 minute
    And pod "other-node" is Running within 1 minute
    Then "kubectl exec same-node -- cat /srv/index.html" prints "hello from worker-1"
    And "kubectl exec other-node -- cat /srv/index.html" fails with "No such file or directory"

  @sim-only @C000-098
  Scenario: a hostPath PersistentVolume keeps its data on the node that wrote it
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: PersistentVolume
          metadata: {name: task-pv-volume, labels: {type: local}}
          spec:
            storageClassName: manual
            capacity: {storage: 10Gi}
            accessModes: [ReadWriteOnce]
            hostPath: {path: /mnt/data}
        - apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: task-pv-claim}
          spec:
            storageClassName: manual
            accessModes: [ReadWriteOnce]
            resources: {requests: {storage: 3Gi}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: task-pv-pod}
          spec:
            nodeName: worker-1
            containers:
              - {name: app, image: busybox:1.36, command: ["sleep", "3600"], volumeMounts: [{name: storage, mountPath: /usr/share/nginx/html}]}
            volumes: [{name: storage, persistentVolumeClaim: {claimName: task-pv-claim}}]
      """
    And pod "task-pv-pod" is Running within 1 minute
    When "kubectl exec task-pv-pod -- sh -c echo\ kept\ >\ /usr/share/nginx/html/index.html" is run
    And pod "task-pv-pod" is deleted
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: back-on-worker-1}
          spec:
            nodeName: worker-1
            containers:
              - {name: app, image: busybox:1.36, command: ["sleep", "3600"], volumeMounts: [{name: storage, mountPath: /data}]}
            volumes: [{name: storage, persistentVolumeClaim: {claimName: task-pv-claim}}]
        - apiVersion: v1
          kind: Pod
          metadata: {name: on-worker-2}
          spec:
            nodeName: worker-2
            containers:
              - {name: app, image: busybox:1.36, command: ["sleep", "3600"], volumeMounts: [{name: storage, mountPath: /data}]}
            volumes: [{name: storage, persistentVolumeClaim: {claimName: task-pv-claim}}]
      """
    And pod "back-on-worker-1" is Running within 1 minute
    And pod "on-worker-2" is Running within 1 minute
    Then "kubectl exec back-on-worker-1 -- cat /data/index.html" prints "kept"
    And "kubectl exec on-worker-2 -- cat /data/index.html" fails with "No such file or directory"
    And "kubectl exec on-worker-2 -- ls /mnt/data" fails with "No such file or directory"

  @sim-only @C004-107 @C001-338
  Scenario: a log collector mounts the node's /var/log read-only and reads the kubelet's container logs
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: Pod
          metadata: {name: chatty}
          spec:
            nodeName: worker-1
            containers:
              - {name: app, image: busybox:1.36, command: ["sh", "-c", "echo hello from chatty; sleep 3600"]}
        - apiVersion: v1
          kind: Pod
          metadata: {name: collector}
          spec:
            nodeName: worker-1
            containers:
              - name: fluentd
                image: busybox:1.36
                command: ["sleep", "3600"]
                volumeMounts: [{name: varlog, mountPath: /var/log, readOnly: true}]
            volumes: [{name: varlog, hostPath: {path: /var/log}}]
        - apiVersion: v1
          kind: Pod
          metadata: {name: elsewhere}
          spec:
            nodeName: worker-2
            containers:
              - {name: app, image: busybox:1.36, command: ["sh", "-c", "echo not on worker-1; sleep 3600"]}
      """
    And pod "chatty" is Running within 1 minute
    And pod "collector" is Running within 1 minute
    And pod "elsewhere" is Running within 1 minute
    Then "kubectl exec collector -- ls /var/log" prints:
      """
      containers
      pods
      """
    And "kubectl exec collector -- sh -c cat\ /var/log/containers/chatty_*" prints a line matching "\S+ stdout F hello from chatty"
    And "kubectl exec collector -- sh -c cat\ /var/log/pods/*_chatty_*/app/0.log" prints a line matching "\S+ stdout F hello from chatty"
    And "kubectl exec collector -- sh -c ls\ /var/log/containers/elsewhere_*" fails with "No such file or directory"
    And "kubectl exec collector -- touch /var/log/mine" fails with "Read-only file system"
