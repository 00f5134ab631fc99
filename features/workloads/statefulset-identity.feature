@workloads @statefulset
Feature: StatefulSet identity, storage and updates
  StatefulSet pods have stable names, ordinals, claims and hostnames; template changes roll from
  the highest ordinal down to the partition, one pod at a time (reference/workloads.md §3).

  Background:
    Given a cluster with 3 worker nodes

  @portable @C000-032 @C000-039 @C000-058 @C001-144 @C001-155 @C002-181
  Scenario: pods are named <statefulset>-<ordinal> and carry their identity
    Given a StatefulSet "web" with 3 replicas
    Then the pods labelled "app=web" are "web-0, web-1, web-2" within 2 minutes
    And pod "web-1" matches:
      """yaml
      metadata:
        labels:
          statefulset.kubernetes.io/pod-name: web-1
          apps.kubernetes.io/pod-index: "1"
      spec:
        hostname: web-1
        subdomain: web
      """

  @portable @C000-034 @C000-041 @C001-145 @C004-031 @C002-173
  Scenario: pods are created in ordinal order, each after the previous is Ready
    Given a StatefulSet "web" with 3 replicas
    When StatefulSet "web" has 3 ready replicas within 2 minutes
    Then pod "web-0" is ready before pod "web-1"
    And pod "web-1" is created after pod "web-0" is ready
    And pod "web-2" is created after pod "web-1" is ready

  @portable @C000-033 @C000-047 @C000-083 @C000-228 @C001-150 @C001-151 @C000-229 @C004-029 @C004-038 @C002-175
  Scenario: each ordinal gets its own claim, kept when scaling down and reused when scaling up
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata:
        name: redis
      spec:
        clusterIP: None
        selector: {app: redis}
        ports: [{port: 6379}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: redis
      spec:
        serviceName: redis
        replicas: 3
        selector:
          matchLabels: {app: redis}
        template:
          metadata:
            labels: {app: redis}
          spec:
            containers:
              - name: redis
                image: redis:7.4
                volumeMounts: [{name: data, mountPath: /data}]
        volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
      """
    And the pods labelled "app=redis" are "redis-0, redis-1, redis-2" within 2 minutes
    When StatefulSet "redis" is scaled to 1
    Then the pods labelled "app=redis" are "redis-0" within 2 minutes
    And PersistentVolumeClaim "data-redis-2" exists
    And PersistentVolumeClaim "data-redis-1" matches:
      """yaml
      metadata:
        labels: {app: redis}
      spec:
        resources: {requests: {storage: 1Gi}}
      """
    When StatefulSet "redis" is scaled to 3
    Then pod "redis-2" matches within 2 minutes:
      """yaml
      spec:
        volumes:
          - name: data
            persistentVolumeClaim: {claimName: data-redis-2}
      """

  @portable
  Scenario: whenScaled Delete removes the claims of removed ordinals
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: db
      spec:
        serviceName: db
        replicas: 2
        persistentVolumeClaimRetentionPolicy: {whenScaled: Delete, whenDeleted: Retain}
        selector:
          matchLabels: {app: db}
        template:
          metadata:
            labels: {app: db}
          spec:
            containers: [{name: db, image: postgres:17, env: [{name: POSTGRES_PASSWORD, value: example}]}]
        volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
      """
    And StatefulSet "db" has 2 ready replicas within 2 minutes
    When StatefulSet "db" is scaled to 1
    Then PersistentVolumeClaim "data-db-1" does not exist within 2 minutes
    And PersistentVolumeClaim "data-db-0" exists

  @portable @C001-148 @C000-050 @C000-080
  Scenario: a rolling update goes from the highest ordinal down and stops at the partition
    Given a StatefulSet "web" with 3 replicas
    And StatefulSet "web" has 3 ready replicas within 2 minutes
    When StatefulSet "web" is patched with:
      """yaml
      spec:
        updateStrategy:
          rollingUpdate: {partition: 1}
      """
    And StatefulSet "web" is updated to image "registry.k8s.io/nginx-slim:0.28"
    Then pod "web-2" is deleted before pod "web-1"
    And StatefulSet "web" matches within 2 minutes:
      """yaml
      status:
        updatedReplicas: 2
        currentReplicas: 1
        readyReplicas: 3
      """
    And pod "web-0" matches:
      """yaml
      spec:
        containers:
          - name: nginx
            image: registry.k8s.io/nginx-slim:0.27
      """
    And at most 1 pod labelled "app=web" was unready at the same time

  @portable @C000-051
  Scenario: OnDelete updates a pod only when it is deleted
    Given the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: web
      spec:
        serviceName: web
        replicas: 2
        updateStrategy: {type: OnDelete}
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.27}]
      """
    And StatefulSet "web" has 2 ready replicas within 2 minutes
    When StatefulSet "web" is updated to image "registry.k8s.io/nginx-slim:0.28"
    And 2 minutes pass
    Then pod "web-1" matches:
      """yaml
      spec:
        containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.27}]
      """
    When pod "web-1" is deleted
    Then pod "web-1" matches within 2 minutes:
      """yaml
      spec:
        containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.28}]
      """

  @portable @C000-040
  Scenario: a selector that does not match the template labels is rejected
    Then the following manifest is rejected with "`selector` does not match template `labels`":
      """yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata:
        name: broken
      spec:
        serviceName: broken
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: db}
          spec:
            containers: [{name: nginx, image: registry.k8s.io/nginx-slim:0.27}]
      """

  @portable @C000-052 @kubernetes-1.36-
  Scenario: only some StatefulSet fields can change
    Given a StatefulSet "web" with 1 replica
    Then patching StatefulSet "web" with the following is rejected with "updates to statefulset spec for fields other than":
      """yaml
      spec:
        serviceName: other
      """

  # From 1.37 four fields are immutable, each refused on its own; the rest may change.
  @portable @C000-052 @kubernetes-1.37
  Scenario: serviceName, selector, volumeClaimTemplates and podManagementPolicy cannot change
    Given a StatefulSet "web" with 1 replica
    Then patching StatefulSet "web" with the following is rejected with "spec.serviceName: Invalid value: \"other\": field is immutable":
      """yaml
      spec:
        serviceName: other
      """

  @portable @C000-043 @C001-149 @C000-053 @C000-045 @C002-176
  Scenario: podManagementPolicy Parallel creates and deletes every pod at once, but updates one at a time
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: par}
      spec:
        clusterIP: None
        selector: {app: par}
        ports: [{port: 80}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: par}
      spec:
        serviceName: par
        replicas: 3
        podManagementPolicy: Parallel
        selector:
          matchLabels: {app: par}
        template:
          metadata:
            labels: {app: par}
          spec:
            containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.27
                volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
        volumeClaimTemplates:
          - metadata: {name: www}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
      """
    Then pod "par-0" is ready after pod "par-2" is created
    And the pods labelled "app=par" are "par-0, par-1, par-2" within 2 minutes
    And PersistentVolumeClaim "www-par-0" matches:
      """yaml
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: standard
        resources: {requests: {storage: 1Gi}}
      """
    When StatefulSet "par" is scaled to 1
    Then the pods labelled "app=par" are "par-0" within 2 minutes
    And Pod "par-1" does not exist within 2 minutes
    And Pod "par-2" does not exist within 2 minutes
    When StatefulSet "par" is scaled to 3
    Then StatefulSet "par" has 3 ready replicas within 2 minutes
    When StatefulSet "par" is updated to image "registry.k8s.io/nginx-slim:0.26"
    Then StatefulSet "par" matches within 3 minutes:
      """yaml
      status: {updatedReplicas: 3, readyReplicas: 3}
      """
    And at most 1 pod labelled "app=par" was terminating at the same time

  @sim-only @C000-042 @C000-072
  Scenario: under OrderedReady a pod that never becomes Ready holds back the next ordinal
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: stuck}
      spec:
        clusterIP: None
        selector: {app: stuck}
        ports: [{port: 80}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: stuck}
      spec:
        serviceName: stuck
        replicas: 3
        selector:
          matchLabels: {app: stuck}
        template:
          metadata:
            labels: {app: stuck}
            annotations: {kubespec.io/behavior.nginx: "run forever, ready after 60m"}
          spec:
            containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.27
                readinessProbe: {httpGet: {path: /, port: 80}}
                volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
        volumeClaimTemplates:
          - metadata: {name: www}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
      """
    And 10 minutes pass
    Then pod "stuck-0" is Running
    And pod "stuck-1" does not exist

  @portable @C000-046 @C001-147 @C000-082 @C000-044 @C000-060 @C004-030 @C004-028 @C002-180
  Scenario: a deleted pod comes back with its name and its claim; deleting the StatefulSet keeps the claims
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: web}
      spec:
        clusterIP: None
        selector: {app: web}
        ports: [{port: 80}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web}
      spec:
        serviceName: web
        replicas: 3
        selector:
          matchLabels: {app: web}
        template:
          metadata:
            labels: {app: web}
          spec:
            containers:
              - name: nginx
                image: registry.k8s.io/nginx-slim:0.27
                volumeMounts: [{name: www, mountPath: /usr/share/nginx/html}]
        volumeClaimTemplates:
          - metadata: {name: www}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
      """
    And the pods labelled "app=web" are "web-0, web-1, web-2" within 2 minutes
    When pod "web-1" is deleted
    Then pod "web-1" matches within 2 minutes:
      """yaml
      spec:
        volumes:
          - name: www
            persistentVolumeClaim: {claimName: www-web-1}
      status:
        phase: Running
      """
    When StatefulSet "web" is deleted
    Then there are no pods within 2 minutes
    And PersistentVolumeClaim "www-web-0" exists
    And PersistentVolumeClaim "www-web-1" exists
    And PersistentVolumeClaim "www-web-2" exists

  @portable @needs-kubelet @C002-179 @C004-075
  Scenario: what a pod writes to its claim is there again for the pod that replaces it
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Service
      metadata: {name: store}
      spec:
        clusterIP: None
        selector: {app: store}
        ports: [{port: 80}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: store}
      spec:
        serviceName: store
        replicas: 2
        selector:
          matchLabels: {app: store}
        template:
          metadata:
            labels: {app: store}
          spec:
            containers:
              - name: app
                image: busybox:1.36
                command: ["sleep", "3600"]
                volumeMounts: [{name: data, mountPath: /data}]
        volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 1Gi}}
      """
    And the pods labelled "app=store" are "store-0, store-1" within 2 minutes
    And pod "store-1" is ready within 1 minute
    When "kubectl exec store-0 -- sh -c echo\ zero\ >\ /data/owner" is run
    And "kubectl exec store-1 -- sh -c echo\ one\ >\ /data/owner" is run
    And pod "store-0" is deleted
    Then pod "store-0" is ready within 2 minutes
    And "kubectl exec store-0 -- cat /data/owner" prints "zero"
    And "kubectl exec store-1 -- cat /data/owner" prints "one"

  # Seeing that Parallel does not wait for one pod to go before deleting the next needs pods
  # that take their grace period to stop: KWOK removes a deleted pod at once.
  @portable @needs-kubelet
  Scenario: a Parallel StatefulSet scaled down deletes its pods without waiting for each other
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: fast}
      spec:
        serviceName: fast
        replicas: 3
        podManagementPolicy: Parallel
        selector:
          matchLabels: {app: fast}
        template:
          metadata:
            labels: {app: fast}
          spec:
            terminationGracePeriodSeconds: 10
            containers:
              - {name: app, image: busybox:1.36, command: ["sleep", "3600"]}
      """
    And StatefulSet "fast" has 3 ready replicas within 2 minutes
    When StatefulSet "fast" is scaled to 1
    Then the pods labelled "app=fast" are "fast-0" within 2 minutes
    And pod "fast-2" is deleted after pod "fast-1" is terminating
