@pods @storage
Feature: Containers of a pod share files through an emptyDir
  An emptyDir starts empty when the pod lands on its node, every container that mounts it sees
  the same files (at its own mount path), and it lives as long as the pod. What a container
  writes comes from its script (`echo … > file`, `touch`, `rm`).

  Background:
    Given a cluster with 1 worker node

  @portable @needs-kubelet @C001-073 @C002-014 @C003-076 @C002-067 @C001-230 @C001-231 @C003-078
  Scenario: a file the main container writes is read by the sidecar at its own mount path
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: sidecar-logging}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sh", "-c", "sleep 10; echo 'app started' > /var/log/app/app.log; sleep 3600"]
            volumeMounts: [{name: log-vol, mountPath: /var/log/app}]
          - name: log-collector
            image: busybox:1.36
            command: ["sh", "-c", "while true; do sleep 5; done"]
            volumeMounts: [{name: log-vol, mountPath: /logs, readOnly: true}]
        volumes:
          - name: log-vol
            emptyDir: {}
      """
    Then pod "sidecar-logging" is ready within 1 minute
    And container "log-collector" of pod "sidecar-logging" has no file "/logs/app.log"
    When 15 seconds pass
    Then container "log-collector" of pod "sidecar-logging" sees file "/logs/app.log" containing "app started"
    And container "app" of pod "sidecar-logging" sees file "/var/log/app/app.log" containing "app started"
    And "kubectl exec sidecar-logging -c log-collector -- cat /logs/app.log" prints "app started"
    And "kubectl get pod sidecar-logging" prints:
      """
      NAME              READY   STATUS    RESTARTS   AGE
      sidecar-logging   2/2     Running   0          *
      """

  @portable @needs-kubelet @C000-064 @C003-068
  Scenario: an init container prepares the configuration the app container reads
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: init-demo}
      spec:
        initContainers:
          - name: init-config
            image: busybox:1.36
            command: ["sh", "-c", "echo 'server.port=8080' > /config/app.conf"]
            volumeMounts: [{name: conf, mountPath: /config}]
        containers:
          - name: app
            image: busybox:1.36
            command: ["sh", "-c", "sleep 3600"]
            volumeMounts: [{name: conf, mountPath: /etc/app, readOnly: true}]
        volumes:
          - name: conf
            emptyDir: {}
      """
    Then pod "init-demo" is Running within 1 minute
    And container "app" of pod "init-demo" sees file "/etc/app/app.conf" containing "server.port=8080"

  @portable @needs-kubelet @C003-083 @C001-078 @C000-141
  Scenario: an adapter container reads the app's files and serves metrics on a named port
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: adapter-config}
      data: {format: prometheus}
      ---
      apiVersion: v1
      kind: Pod
      metadata:
        name: adapter-pattern
        labels: {app: adapted}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sh", "-c", "echo 'requests_total 42' > /var/app/stats.txt; sleep 3600"]
            volumeMounts:
              - {name: data, mountPath: /var/app}
              - {name: config, mountPath: /etc/adapter}
          - name: metrics-adapter
            image: registry.k8s.io/e2e-test-images/agnhost:2.53
            args: [netexec, --http-port=9090]
            ports: [{name: metrics, containerPort: 9090}]
            volumeMounts:
              - {name: data, mountPath: /data, readOnly: true}
              - {name: config, mountPath: /etc/adapter, readOnly: true}
        volumes:
          - name: data
            emptyDir: {}
          - name: config
            configMap: {name: adapter-config}
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: adapted-metrics}
      spec:
        selector: {app: adapted}
        ports: [{name: metrics, port: 80, targetPort: metrics}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: scraper}
      spec:
        containers: [{name: curl, image: curlimages/curl:8.11.1, command: ["sleep", "infinity"]}]
      """
    Then pod "adapter-pattern" is ready within 1 minute
    And container "metrics-adapter" of pod "adapter-pattern" sees file "/data/stats.txt" containing "requests_total 42"
    And container "app" of pod "adapter-pattern" sees file "/etc/adapter/format" containing "prometheus"
    And container "metrics-adapter" of pod "adapter-pattern" sees file "/etc/adapter/format" containing "prometheus"
    And a connection from pod "scraper" to service "adapted-metrics" on port 80 arrives at port 9090 within 1 minute

  @portable @needs-kubelet @C001-229 @C001-232 @C002-048
  Scenario: what is in an emptyDir outlives the restarts of the containers that mount it
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: cache}
      spec:
        containers:
          - name: writer
            image: busybox:1.36
            command: ["sh", "-c", "echo 'warm entries' > /cache/entries; sleep 3600"]
            volumeMounts: [{name: cache, mountPath: /cache}]
          - name: crasher
            image: busybox:1.36
            command: ["sh", "-c", "sleep 5; exit 1"]
            volumeMounts: [{name: cache, mountPath: /data}]
        volumes:
          - name: cache
            emptyDir: {}
      """
    Then pod "cache" matches within 2 minutes:
      """yaml
      status:
        containerStatuses:
          - {name: crasher, restartCount: 3}
      """
    And container "crasher" of pod "cache" sees file "/data/entries" containing "warm entries" within 2 minutes

  @portable @needs-kubelet @C001-266 @C000-135 @C003-069 @C001-235
  Scenario: ConfigMap and Secret volumes and readOnly mounts refuse writes; an emptyDir takes them
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data: {mode: production}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: app-secret}
      stringData: {token: s3cr3t}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: files}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            volumeMounts:
              - {name: config, mountPath: /etc/app}
              - {name: secret, mountPath: /etc/secret}
              - {name: scratch, mountPath: /data}
              - {name: scratch, mountPath: /ro, readOnly: true}
        volumes:
          - {name: config, configMap: {name: app-config}}
          - {name: secret, secret: {secretName: app-secret}}
          - {name: scratch, emptyDir: {}}
      """
    Then pod "files" is ready within 1 minute
    And "kubectl exec files -- touch /etc/app/extra" fails with "touch: /etc/app/extra: Read-only file system"
    And "kubectl exec files -- touch /etc/secret/extra" fails with "Read-only file system"
    And "kubectl exec files -- touch /ro/extra" fails with "Read-only file system"
    When "kubectl exec files -- sh -c echo\ hello\ >\ /data/greeting" is run
    Then "kubectl exec files -- cat /ro/greeting" prints "hello"
    And "kubectl exec files -- cat /etc/app/mode" prints "production"

  @portable @needs-kubelet @C001-285 @C004-128
  Scenario: a read-only root filesystem refuses writes outside the mounted volumes
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: locked}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            securityContext: {readOnlyRootFilesystem: true}
            volumeMounts: [{name: tmp, mountPath: /tmp}]
        volumes:
          - {name: tmp, emptyDir: {}}
      """
    Then pod "locked" is ready within 1 minute
    And "kubectl exec locked -- touch /etc/marker" fails with "touch: /etc/marker: Read-only file system"
    When "kubectl exec locked -- touch /tmp/marker" is run
    Then "kubectl exec locked -- ls /tmp" prints "marker"

  @portable @needs-kubelet @C001-234
  Scenario: a hostPath of type Directory must exist on the node; DirectoryOrCreate makes it
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: needs-dir}
      spec:
        nodeName: worker-1
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            volumeMounts: [{name: data, mountPath: /data}]
        volumes:
          - name: data
            hostPath: {path: /srv/kubespec-missing, type: Directory}
      """
    # The kubelet's wording after "type check failed" changed in 1.37 (", ... is not a directory, unable to
    # determine its type: path ... does not exist"); these are the parts every release writes.
    Then pod "needs-dir" has a FailedMount event saying "MountVolume.SetUp failed for volume \"data\" : hostPath type check failed" within 1 minute
    And pod "needs-dir" has a FailedMount event saying "/srv/kubespec-missing is not a directory"
    And pod "needs-dir" matches:
      """yaml
      status:
        phase: Pending
        containerStatuses:
          - name: app
            state: {waiting: {reason: ContainerCreating}}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: makes-dir}
      spec:
        nodeName: worker-1
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            volumeMounts: [{name: data, mountPath: /data}]
        volumes:
          - name: data
            hostPath: {path: /srv/kubespec-missing, type: DirectoryOrCreate}
      """
    Then pod "makes-dir" is ready within 1 minute
    And pod "needs-dir" is ready within 5 minutes

  @portable @needs-kubelet @C002-044
  Scenario: what a container writes to its own filesystem is gone after it restarts; its emptyDir keeps it
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: restarter}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sh", "-c", "sleep 20; exit 1"]
            volumeMounts: [{name: keep, mountPath: /keep}]
        volumes:
          - {name: keep, emptyDir: {}}
      """
    Then pod "restarter" is ready within 1 minute
    When "kubectl exec restarter -- sh -c echo\ mine\ >\ /tmp/note" is run
    And "kubectl exec restarter -- sh -c echo\ kept\ >\ /keep/note" is run
    Then "kubectl exec restarter -- cat /tmp/note" prints "mine"
    When 30 seconds pass
    Then pod "restarter" matches:
      """yaml
      status:
        containerStatuses:
          - {name: app, restartCount: 1}
      """
    And "kubectl exec restarter -- cat /tmp/note" fails with "No such file or directory"
    And "kubectl exec restarter -- cat /keep/note" prints "kept"
