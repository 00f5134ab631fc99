@pods
Feature: Pod basics: required fields, placement, environment and resources
  What every pod manifest is held to, and what its fields do: the API server's checks on
  containers, volumes and resources, a spec that cannot change once created, nodeSelector
  placement, per-container environment and the Downward API, and QoS from requests and limits
  (pkg/apis/core/validation, reference/kubelet.md §8).

  Background:
    Given a cluster with 2 worker nodes

  @portable @C002-007 @C002-015 @C002-065 @C002-046 @C002-052 @C002-073 @C002-042
  Scenario: the API server refuses a pod without containers, without an image, or with inconsistent fields
    Then the following manifest is rejected with "spec.containers: Required value":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: empty}
      spec: {containers: []}
      """
    And the following manifest is rejected with "spec.containers[0].image: Required value":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: no-image}
      spec: {containers: [{name: app}]}
      """
    And the following manifest is rejected with ".spec.containers: duplicate entries for key [name=\"app\"]":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: twins}
      spec: {containers: [{name: app, image: nginx:1.27}, {name: app, image: busybox:1.36}]}
      """
    And the following manifest is rejected with "spec.containers[0].volumeMounts[0].name: Not found: \"data\"":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: stray-mount}
      spec: {containers: [{name: app, image: nginx:1.27, volumeMounts: [{name: data, mountPath: /data}]}]}
      """
    And the following manifest is rejected with "spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: greedy}
      spec: {containers: [{name: app, image: nginx:1.27, resources: {requests: {cpu: "2"}, limits: {cpu: "1"}}}]}
      """
    And the following manifest is rejected with "spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: \"metadata.labels\"":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: all-labels}
      spec:
        containers:
          - name: app
            image: nginx:1.27
            env: [{name: LABELS, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}]
      """
    And the following manifest is rejected with "expected string":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: number-env}
      spec:
        containers:
          - name: app
            image: nginx:1.27
            env: [{name: REPLICAS, value: 3}]
      """

  @portable @C002-040 @C002-034
  Scenario: a pod's spec is fixed once created, but for its images
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: fixed}
      spec:
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.26}]
      """
    Then pod "fixed" matches:
      """yaml
      spec: {restartPolicy: Always}
      """
    And patching pod "fixed" with the following is rejected with "pod updates may not change fields other than `spec.containers[*].image`":
      """yaml
      spec: {restartPolicy: Never}
      """
    When pod "fixed" is patched with:
      """yaml
      spec:
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """
    Then pod "fixed" matches:
      """yaml
      spec:
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """

  @portable @C002-016 @C002-064 @C002-006 @C002-008 @C004-001
  Scenario: a pod runs all its containers on one node and is ready when each of them is
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: nginx
        labels: {run: nginx}
      spec:
        containers:
          - name: nginx
            image: nginx:1.14.2
            ports: [{containerPort: 80}]
          - name: shipper
            image: busybox:1.36
            command: ["sh", "-c", "sleep 3600"]
      """
    Then pod "nginx" is Running within 1 minute
    And pod "nginx" matches within 30s:
      """yaml
      status:
        conditions:
          - {type: Ready, status: "True"}
        containerStatuses:
          - {name: nginx, ready: true, restartCount: 0}
          - {name: shipper, ready: true, restartCount: 0}
      """
    When pod "nginx" is deleted
    Then pod "nginx" does not exist within 1 minute

  @portable @C002-029 @C002-031 @C002-032 @C002-033 @C001-030
  Scenario: nodeSelector places a pod only on a matching node, and a node losing the label keeps it
    Given node "worker-2" is labelled "disk=ssd"
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: fast}
      spec:
        nodeSelector: {disk: ssd}
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: picky}
      spec:
        nodeSelector: {disk: nvme}
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """
    Then pod "fast" runs on node "worker-2" within 1 minute
    And pod "fast" is Running within 1 minute
    And pod "picky" has a FailedScheduling event saying "didn't match Pod's node affinity/selector" within 1 minute
    And pod "picky" is Pending
    When node "worker-2" is labelled "disk-"
    And 1 minute passes
    Then pod "fast" is Running
    And pod "fast" runs on node "worker-2"

  @portable @needs-kubelet @C002-041 @C002-043 @C002-072 @C001-077
  Scenario: each container has its own environment; the Downward API fills in the pod's facts
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: facts}
      spec:
        nodeSelector: {kubernetes.io/hostname: worker-1}
        containers:
          - name: main
            image: busybox:1.36
            command: ["sh", "-c", "sleep 3600"]
            env:
              - {name: ENV_VAR1, value: value1}
              - name: NODE_NAME
                valueFrom: {fieldRef: {fieldPath: spec.nodeName}}
              - name: POD_NAME
                valueFrom: {fieldRef: {fieldPath: metadata.name}}
              - name: POD_NAMESPACE
                valueFrom: {fieldRef: {fieldPath: metadata.namespace}}
          - name: helper
            image: busybox:1.36
            command: ["sh", "-c", "sleep 3600"]
      """
    Then pod "facts" is ready within 1 minute
    And container "main" of pod "facts" has environment variable "ENV_VAR1" set to "value1"
    And container "main" of pod "facts" has environment variable "NODE_NAME" set to "worker-1"
    And container "main" of pod "facts" has environment variable "POD_NAME" set to "facts"
    And container "main" of pod "facts" has environment variable "POD_NAMESPACE" set to "${namespace}"
    And container "helper" of pod "facts" has no environment variable "ENV_VAR1"

  @portable @C002-053 @C002-054 @C002-049 @C001-096 @C001-092 @C001-093 @C001-029 @C001-089 @C004-106 @C001-094 @C001-037 @C001-008 @C002-051 @C004-125
  Scenario: limits alone set the requests (Guaranteed), lower requests make it Burstable, and requests decide placement
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: guaranteed}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            resources: {limits: {cpu: 500m, memory: 128Mi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: burstable}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            resources: {requests: {cpu: 250m, memory: 64Mi}, limits: {cpu: 500m, memory: 128Mi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: huge}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            resources: {requests: {cpu: "500"}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: best-effort}
      spec:
        containers:
          - {name: app, image: registry.k8s.io/nginx-slim:0.27}
          - {name: sidecar, image: registry.k8s.io/nginx-slim:0.27}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: app-server}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            resources: {requests: {cpu: "0.5", memory: 512Mi}, limits: {cpu: 1000m, memory: 1024Mi}}
      """
    Then pod "best-effort" matches:
      """yaml
      status: {qosClass: BestEffort}
      """
    And pod "app-server" matches:
      """yaml
      spec:
        containers:
          - name: app
            resources:
              requests: {cpu: 500m, memory: 512Mi}
              limits: {cpu: "1", memory: 1Gi}
      status: {qosClass: Burstable}
      """
    And pod "guaranteed" matches:
      """yaml
      spec:
        containers:
          - name: app
            resources:
              requests: {cpu: 500m, memory: 128Mi}
              limits: {cpu: 500m, memory: 128Mi}
      status: {qosClass: Guaranteed}
      """
    And pod "burstable" matches:
      """yaml
      status: {qosClass: Burstable}
      """
    And pod "huge" has a FailedScheduling event saying "Insufficient cpu" within 1 minute
    And pod "huge" is Pending

  @portable @C002-102 @C002-105 @C002-103 @C002-123
  Scenario: a Service selects pods by its selector alone; targetPort defaults to port
    Given a Deployment "web" with 2 replicas
    And Deployment "web" is rolled out within 1 minute
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        labels: {hello: world}
      spec:
        selector: {app: web}
        ports: [{port: 80}]
      """
    Then Service "web" matches:
      """yaml
      spec:
        ports: [{port: 80, targetPort: 80, protocol: TCP}]
      """
    And service "web" has 2 ready endpoints within 30s
    And the following manifest is rejected with "spec.ports[0].protocol: Unsupported value: \"HTTP\"":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: http}
      spec:
        selector: {app: web}
        ports: [{port: 80, protocol: HTTP}]
      """
    And the following manifest is rejected with "spec.externalName: Required value":
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: alias}
      spec: {type: ExternalName}
      """

  @portable @needs-kubelet @C004-003 @C004-004
  Scenario: two containers mount the same volume and the pod is ready 2/2
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: site}
      data: {index.html: "<h1>shared</h1>"}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: multi-container-pod}
      spec:
        containers:
          - name: nginx
            image: nginx:1.21
            volumeMounts: [{name: shared-data, mountPath: /usr/share/nginx/html}]
          - name: sidecar
            image: busybox:1.36
            command: [sh, -c, "sleep 3600"]
            volumeMounts: [{name: shared-data, mountPath: /shared}]
        volumes:
          - name: shared-data
            configMap: {name: site}
      """
    Then pod "multi-container-pod" is ready within 1 minute
    And pod "multi-container-pod" matches:
      """yaml
      status:
        containerStatuses:
          - {name: nginx, ready: true}
          - {name: sidecar, ready: true}
      """
    And container "nginx" of pod "multi-container-pod" sees file "/usr/share/nginx/html/index.html" containing "shared"
    And container "sidecar" of pod "multi-container-pod" sees file "/shared/index.html" containing "shared"

  @portable @needs-kubelet @C004-006
  Scenario: args are handed to the command: sh -c runs the script given as args
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: combined}
      spec:
        restartPolicy: Never
        containers:
          - name: app
            image: busybox:1.36
            command: [sh, -c]
            args: ["sleep 2; exit 3"]
      """
    Then pod "combined" is Failed within 1 minute
    And pod "combined" matches:
      """yaml
      status:
        containerStatuses:
          - name: app
            state:
              terminated: {exitCode: 3, reason: Error}
      """

  @portable @needs-kubelet @C004-007 @C004-008
  Scenario: a pod goes Pending, Running, Succeeded, its conditions turning True in order
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: phases}
      spec:
        restartPolicy: Never
        initContainers:
          - {name: setup, image: busybox:1.36, command: [sh, -c, "sleep 20"]}
        containers:
          - {name: app, image: busybox:1.36, command: [sh, -c, "sleep 30"]}
      """
    Then pod "phases" is Pending
    And pod "phases" matches within 15s:
      """yaml
      status:
        phase: Pending
        conditions:
          - {type: PodScheduled, status: "True"}
          - {type: PodReadyToStartContainers, status: "True"}
          - {type: Initialized, status: "False", reason: ContainersNotInitialized}
          - {type: ContainersReady, status: "False", reason: ContainersNotReady}
          - {type: Ready, status: "False", reason: ContainersNotReady}
      """
    And pod "phases" is Running within 1 minute
    And pod "phases" matches:
      """yaml
      status:
        conditions:
          - {type: PodScheduled, status: "True"}
          - {type: Initialized, status: "True"}
          - {type: ContainersReady, status: "True"}
          - {type: Ready, status: "True"}
      """
    And pod "phases" is Succeeded within 1 minute

  @portable @needs-kubelet @C002-074 @C002-075
  Scenario: a downwardAPI volume lists the labels as key="value" lines and follows changes; env does not
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: podinfo
        labels: {app: web, tier: frontend}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sh", "-c", "sleep 3600"]
            env:
              - name: APP_LABEL
                valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}
            volumeMounts: [{name: podinfo, mountPath: /etc/podinfo}]
        volumes:
          - name: podinfo
            downwardAPI:
              items:
                - path: labels
                  fieldRef: {fieldPath: metadata.labels}
                - path: name
                  fieldRef: {fieldPath: metadata.name}
      """
    Then pod "podinfo" is Running within 1 minute
    And container "app" of pod "podinfo" sees file "/etc/podinfo/labels" containing "app=\"web\""
    And container "app" of pod "podinfo" sees file "/etc/podinfo/labels" containing "tier=\"frontend\""
    And container "app" of pod "podinfo" sees file "/etc/podinfo/name" containing "podinfo"
    When "kubectl label pod podinfo app=api --overwrite" is run
    Then container "app" of pod "podinfo" sees file "/etc/podinfo/labels" containing "app=\"api\"" within 2 minutes
    And container "app" of pod "podinfo" has environment variable "APP_LABEL" set to "web"
    And "kubectl apply -f scenarios/files/podinfo-misindented.yaml" fails with "unknown field \"spec.downwardAPI\""
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: no-source}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sh", "-c", "sleep 3600"]
            volumeMounts: [{name: podinfo, mountPath: /etc/podinfo}]
        volumes:
          - name: podinfo
      """
    Then pod "no-source" matches:
      """yaml
      spec:
        volumes: [{name: podinfo, emptyDir: {}}]
      """

  @portable @needs-kubelet @C000-184
  Scenario: Kubernetes expands $(VAR) of defined env names in command and args, and leaves the rest to the shell
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: backup}
      spec:
        restartPolicy: Never
        containers:
          - name: backup
            image: busybox:1.36
            env: [{name: NAP, value: "5"}]
            command: ["sh", "-c", "echo backup-$(date +%Y%m%d).sql; sleep $(NAP) && exit 3"]
      """
    Then pod "backup" is Failed within 1 minute
    And pod "backup" matches:
      """yaml
      status:
        containerStatuses:
          - name: backup
            state:
              terminated: {exitCode: 3}
      """
