@storage
Feature: PersistentVolumes, claims and StorageClasses
  A claim binds to a matching PersistentVolume or gets one from its class's provisioner: at once
  for Immediate, on the first consumer's node for WaitForFirstConsumer. The cluster has kind's
  default class `standard` (local-path, WaitForFirstConsumer).

  Background:
    Given a cluster with 2 worker nodes

  @portable @C000-087 @C000-093 @C000-084 @C001-247 @C001-252 @C004-077
  Scenario: a claim of the default WaitForFirstConsumer class waits for its pod, then binds
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    And 1 minute passes
    Then PersistentVolumeClaim "data" matches:
      """yaml
      spec: {storageClassName: standard}
      status: {phase: Pending}
      """
    And PersistentVolumeClaim "data" has a WaitForFirstConsumer event saying "waiting for first consumer to be created before binding"
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            volumeMounts: [{name: data, mountPath: /data}]
        volumes:
          - name: data
            persistentVolumeClaim: {claimName: data}
      """
    Then pod "app" is Running within 1 minute
    And PersistentVolumeClaim "data" matches:
      """yaml
      status:
        phase: Bound
        capacity: {storage: 1Gi}
      """

  # example.com/ssd stands for a CSI driver that provisions at once and can grow volumes: the
  # simulator plays one; kind's local-path provisioner does neither (next scenarios).
  @sim-only @C000-094 @C000-104 @C000-091 @C001-248 @C001-251 @C001-244
  Scenario: an Immediate class provisions before any pod; Delete reclaims the volume with the claim
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: fast}
      provisioner: example.com/ssd
      volumeBindingMode: Immediate
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: app-data-pvc}
      spec:
        storageClassName: fast
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 5Gi}}
      """
    Then PersistentVolumeClaim "app-data-pvc" matches within 30s:
      """yaml
      status: {phase: Bound}
      """
    When PersistentVolumeClaim "app-data-pvc" is deleted
    Then PersistentVolumeClaim "app-data-pvc" does not exist within 30s
    And there are no PersistentVolumes within 30s

  @portable
  Scenario: kind's local-path provisioner needs a consumer's node: an Immediate claim stays Pending
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: local-now}
      provisioner: rancher.io/local-path
      volumeBindingMode: Immediate
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: nowhere}
      spec: {storageClassName: local-now, accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
      """
    Then PersistentVolumeClaim "nowhere" has a ProvisioningFailed event saying "configuration error, no node was specified" within 30s
    And PersistentVolumeClaim "nowhere" matches:
      """yaml
      status: {phase: Pending}
      """

  @portable @C000-096 @C000-097 @C000-099 @C000-102 @C000-086 @C001-242 @C001-255 @C001-256
  Scenario: static binding by class, access mode and capacity; one claim per volume
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: manual}
      provisioner: kubernetes.io/no-provisioner
      volumeBindingMode: Immediate
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-10g}
      spec:
        storageClassName: manual
        capacity: {storage: 10Gi}
        accessModes: [ReadWriteOnce]
        hostPath: {path: /mnt/data}
      """
    Then PersistentVolume "pv-10g" matches within 30s:
      """yaml
      status: {phase: Available}
      spec: {persistentVolumeReclaimPolicy: Retain}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: shared}
      spec:
        storageClassName: manual
        accessModes: [ReadWriteMany]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: small}
      spec:
        storageClassName: manual
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 3Gi}}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: second}
      spec:
        storageClassName: manual
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then PersistentVolumeClaim "small" matches within 30s:
      """yaml
      spec: {volumeName: pv-10g}
      status: {phase: Bound, capacity: {storage: 10Gi}}
      """
    And PersistentVolumeClaim "shared" matches:
      """yaml
      status: {phase: Pending}
      """
    And PersistentVolumeClaim "second" matches:
      """yaml
      status: {phase: Pending}
      """
    When PersistentVolumeClaim "small" is deleted
    Then PersistentVolume "pv-10g" matches within 30s:
      """yaml
      status: {phase: Released}
      """

  @portable @C000-106 @C001-257
  Scenario: a pod whose claim does not exist stays Pending
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: orphan}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10}]
        volumes:
          - {name: data, persistentVolumeClaim: {claimName: app-data-pvc}}
      """
    Then pod "orphan" has a FailedScheduling event saying "nodes are available: persistentvolumeclaim \"app-data-pvc\" not found." within 30s
    And pod "orphan" is Pending

  @portable @C000-108 @C001-258
  Scenario: a claim in use stays Terminating until its pod is gone
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers: [{name: app, image: registry.k8s.io/pause:3.10, volumeMounts: [{name: data, mountPath: /data}]}]
        volumes:
          - {name: data, persistentVolumeClaim: {claimName: data}}
      """
    And pod "app" is Running within 1 minute
    When PersistentVolumeClaim "data" is deleted
    And 1 minute passes
    Then PersistentVolumeClaim "data" matches:
      """yaml
      metadata:
        finalizers: [kubernetes.io/pvc-protection]
      """
    When pod "app" is deleted
    Then PersistentVolumeClaim "data" does not exist within 1 minute

  @sim-only @C000-110 @C000-111 @C000-112 @C000-092 @C001-249 @C001-250
  Scenario: claims grow when their class allows it, and never shrink
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: growable}
      provisioner: example.com/ssd
      volumeBindingMode: Immediate
      allowVolumeExpansion: true
      ---
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: fixed}
      provisioner: example.com/ssd
      volumeBindingMode: Immediate
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: grows}
      spec: {storageClassName: growable, accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: stays}
      spec: {storageClassName: fixed, accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
      """
    And PersistentVolumeClaim "grows" matches within 30s:
      """yaml
      status: {phase: Bound}
      """
    When PersistentVolumeClaim "grows" is patched with:
      """yaml
      spec: {resources: {requests: {storage: 20Gi}}}
      """
    Then PersistentVolumeClaim "grows" matches within 30s:
      """yaml
      status: {capacity: {storage: 20Gi}}
      """
    And patching PersistentVolumeClaim "grows" with the following is rejected with "spec.resources.requests.storage: Forbidden: field can not be less than status.capacity":
      """yaml
      spec: {resources: {requests: {storage: 1Gi}}}
      """
    And patching PersistentVolumeClaim "stays" with the following is rejected with "only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize":
      """yaml
      spec: {resources: {requests: {storage: 10Gi}}}
      """

  @portable @C000-100 @C000-105 @C000-085 @C001-243
  Scenario: a claim's selector picks the labelled volume; Retain leaves it Released, not bound again
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolume
      metadata:
        name: keep
        labels: {type: local}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        persistentVolumeReclaimPolicy: Retain
        storageClassName: manual
        hostPath: {path: /mnt/keep}
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: other}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        persistentVolumeReclaimPolicy: Retain
        storageClassName: manual
        hostPath: {path: /mnt/other}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: claim}
      spec:
        storageClassName: manual
        selector:
          matchLabels: {type: local}
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then PersistentVolumeClaim "claim" matches within 1 minute:
      """yaml
      spec: {volumeName: keep}
      status: {phase: Bound}
      """
    And PersistentVolume "keep" has no field "metadata.namespace"
    When PersistentVolumeClaim "claim" is deleted
    Then PersistentVolume "keep" matches within 1 minute:
      """yaml
      status: {phase: Released}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: again}
      spec:
        storageClassName: manual
        selector:
          matchLabels: {type: local}
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    And 1 minute passes
    Then PersistentVolumeClaim "again" matches:
      """yaml
      status: {phase: Pending}
      """
    And PersistentVolume "other" matches:
      """yaml
      status: {phase: Available}
      """
    And PersistentVolume "keep" matches:
      """yaml
      status: {phase: Released}
      """

  @portable @C000-089 @kubernetes-1.35-
  Scenario: a StorageClass's provisioner cannot change
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: fixed}
      provisioner: rancher.io/local-path
      volumeBindingMode: WaitForFirstConsumer
      """
    Then patching StorageClass "fixed" with the following is rejected with "provisioner: Forbidden: updates to provisioner are forbidden.":
      """yaml
      provisioner: example.com/other
      """

  # 1.36 refuses it with ValidateImmutableField, 1.37 with the declarative rule, which gives no value.
  @portable @C000-089 @kubernetes-1.36
  Scenario: a StorageClass's provisioner cannot change (1.36: field is immutable)
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: fixed}
      provisioner: rancher.io/local-path
      volumeBindingMode: WaitForFirstConsumer
      """
    Then patching StorageClass "fixed" with the following is rejected with "provisioner: Invalid value: \"example.com/other\": field is immutable":
      """yaml
      provisioner: example.com/other
      """

  @portable @C000-089 @kubernetes-1.37
  Scenario: a StorageClass's provisioner cannot change (1.37: the declarative rule)
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: fixed}
      provisioner: rancher.io/local-path
      volumeBindingMode: WaitForFirstConsumer
      """
    Then patching StorageClass "fixed" with the following is rejected with "provisioner: Invalid value: null: field is immutable":
      """yaml
      provisioner: example.com/other
      """

  @portable @C001-253 @C001-254 @C001-241 @C004-074 @C004-076
  Scenario: a claim naming a class that does not exist waits; a matching volume of that class binds it
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: database-pvc}
      spec:
        storageClassName: fast-ssd
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 5Gi}}
      """
    Then PersistentVolumeClaim "database-pvc" has a ProvisioningFailed event saying "storageclass.storage.k8s.io \"fast-ssd\" not found" within 30s
    And PersistentVolumeClaim "database-pvc" matches:
      """yaml
      status: {phase: Pending}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: ssd-10g-${namespace}}
      spec:
        storageClassName: fast-ssd
        capacity: {storage: 10Gi}
        accessModes: [ReadWriteOnce]
        hostPath: {path: /mnt/ssd}
      """
    Then PersistentVolumeClaim "database-pvc" matches within 1 minute:
      """yaml
      spec: {volumeName: ssd-10g-${namespace}}
      status: {phase: Bound, capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce]}
      """
    And "kubectl get pv ssd-10g-${namespace}" prints:
      """
      NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                       STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE
      *      10Gi       RWO            Retain           Bound    ${namespace}/database-pvc   fast-ssd       <unset>                          *
      """
    And "kubectl get pvc database-pvc" prints:
      """
      NAME           STATUS   VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE
      database-pvc   Bound    *        10Gi       RWO            fast-ssd       <unset>                 *
      """

  @portable @C001-254
  Scenario: a WaitForFirstConsumer class binds an existing volume only once a pod is scheduled
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata: {name: local-${namespace}}
      provisioner: kubernetes.io/no-provisioner
      volumeBindingMode: WaitForFirstConsumer
      ---
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: local-10g-${namespace}}
      spec:
        storageClassName: local-${namespace}
        capacity: {storage: 10Gi}
        accessModes: [ReadWriteOnce]
        hostPath: {path: /mnt/local}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: my-pvc}
      spec:
        storageClassName: local-${namespace}
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 5Gi}}
      """
    When 1 minute passes
    Then PersistentVolumeClaim "my-pvc" matches:
      """yaml
      status: {phase: Pending}
      """
    And PersistentVolume "local-10g-${namespace}" matches:
      """yaml
      status: {phase: Available}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: consumer}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            volumeMounts: [{name: data, mountPath: /data}]
        volumes:
          - name: data
            persistentVolumeClaim: {claimName: my-pvc}
      """
    Then PersistentVolumeClaim "my-pvc" matches within 1 minute:
      """yaml
      spec: {volumeName: local-10g-${namespace}}
      status: {phase: Bound, capacity: {storage: 10Gi}}
      """
    And PersistentVolumeClaim "my-pvc" has no field "metadata.annotations.volume\.kubernetes\.io/selected-node"

  @portable @C004-078
  Scenario: kind's local-path provisioner serves single-node access modes only
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: logs-pvc}
      spec:
        accessModes: [ReadWriteMany]
        resources: {requests: {storage: 1Gi}}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: writer}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/pause:3.10
            volumeMounts: [{name: logs, mountPath: /logs}]
        volumes:
          - name: logs
            persistentVolumeClaim: {claimName: logs-pvc}
      """
    Then PersistentVolumeClaim "logs-pvc" has a ProvisioningFailed event saying "NodePath only supports ReadWriteOnce and ReadWriteOncePod (1.22+) access modes" within 1 minute
    And PersistentVolumeClaim "logs-pvc" matches:
      """yaml
      spec: {storageClassName: standard}
      status: {phase: Pending}
      """
    And pod "writer" is Pending
    And the following manifest is rejected with "spec.accessModes: Unsupported value: \"ReadWriteSometimes\": supported values: \"ReadOnlyMany\", \"ReadWriteMany\", \"ReadWriteOnce\", \"ReadWriteOncePod\"":
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: odd}
      spec:
        accessModes: [ReadWriteSometimes]
        resources: {requests: {storage: 1Gi}}
      """
    And the following manifest is rejected with "spec.accessModes: Forbidden: may not use ReadWriteOncePod with other access modes":
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: greedy}
      spec:
        accessModes: [ReadWriteOncePod, ReadOnlyMany]
        resources: {requests: {storage: 1Gi}}
      """

  @portable @C004-079
  Scenario: a claim's spec is fixed once created
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: fixed}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then patching PersistentVolumeClaim "fixed" with the following is rejected with "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims":
      """yaml
      spec:
        accessModes: [ReadWriteMany]
      """
    And patching PersistentVolumeClaim "fixed" with the following is rejected with "spec: Forbidden: spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims":
      """yaml
      spec:
        resources: {requests: {storage: 2Gi}}
      """

  @portable @C000-107
  Scenario: a pod finds claims only in its own namespace
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Namespace
      metadata: {name: production-${namespace}}
      ---
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: app-data-pvc, namespace: production-${namespace}}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            volumeMounts: [{name: data, mountPath: /data}]
        volumes:
          - name: data
            persistentVolumeClaim: {claimName: app-data-pvc}
      """
    Then pod "app" has a FailedScheduling event saying "persistentvolumeclaim \"app-data-pvc\" not found" within 30s
    And pod "app" is Pending

  @portable @C004-037 @C001-246
  Scenario: a claim template naming a class nobody provides leaves the claim and the pod Pending
    When the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: mysql-cluster}
      spec:
        serviceName: mysql
        replicas: 1
        selector: {matchLabels: {app: mysql-cluster}}
        template:
          metadata: {labels: {app: mysql-cluster}}
          spec:
            containers:
              - name: mysql
                image: mysql:8.0
                volumeMounts: [{name: data, mountPath: /var/lib/mysql}]
        volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              storageClassName: fast-ssd
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 10Gi}}
      """
    Then PersistentVolumeClaim "data-mysql-cluster-0" has a ProvisioningFailed event saying "storageclass.storage.k8s.io \"fast-ssd\" not found" within 1 minute
    And pod "mysql-cluster-0" has a FailedScheduling event saying "pod has unbound immediate PersistentVolumeClaims" within 1 minute
    And pod "mysql-cluster-0" is Pending
    And "kubectl get storageclass" prints:
      """
      NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE
      standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  *
      """

  @sim-only @C000-088 @C002-176
  Scenario: the newest default class wins; with no default class a template's claims wait
    Given the following manifest is applied:
      """yaml
      apiVersion: storage.k8s.io/v1
      kind: StorageClass
      metadata:
        name: newer-default
        annotations: {storageclass.kubernetes.io/is-default-class: "true"}
      provisioner: example.com/ssd
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: picks-newest}
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 1Gi}}
      """
    Then PersistentVolumeClaim "picks-newest" matches:
      """yaml
      spec: {storageClassName: newer-default}
      """
    When StorageClass "newer-default" is deleted
    And "kubectl annotate storageclass standard storageclass.kubernetes.io/is-default-class=false --overwrite" is run
    And the following manifest is applied:
      """yaml
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: web}
      spec:
        serviceName: web
        replicas: 1
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
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
    Then PersistentVolumeClaim "www-web-0" matches within 30s:
      """yaml
      status: {phase: Pending}
      """
    And PersistentVolumeClaim "www-web-0" has no field "spec.storageClassName"
    And pod "web-0" is Pending

  @portable @C001-245
  Scenario: the Recycle reclaim policy is still accepted, with a deprecation warning
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: PersistentVolume
      metadata: {name: pv-recycled}
      spec:
        capacity: {storage: 1Gi}
        accessModes: [ReadWriteOnce]
        hostPath: {path: /mnt/recycled}
      """
    Then "kubectl patch pv pv-recycled -p {\"spec\":{\"persistentVolumeReclaimPolicy\":\"Recycle\"}}" warns "spec.persistentVolumeReclaimPolicy: The Recycle reclaim policy is deprecated. Instead, the recommended approach is to use dynamic provisioning."
    And PersistentVolume "pv-recycled" matches:
      """yaml
      spec: {persistentVolumeReclaimPolicy: Recycle}
      """

  @sim-only @C000-101
  Scenario: an NFS volume with ReadWriteMany is written by pods on two nodes at once
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: List
      items:
        - apiVersion: v1
          kind: PersistentVolume
          metadata: {name: nfs-pv}
          spec:
            capacity: {storage: 5Gi}
            accessModes: [ReadWriteMany]
            storageClassName: nfs
            nfs: {server: 10.0.0.5, path: /exports/shared}
        - apiVersion: v1
          kind: PersistentVolumeClaim
          metadata: {name: shared}
          spec:
            storageClassName: nfs
            accessModes: [ReadWriteMany]
            resources: {requests: {storage: 5Gi}}
        - apiVersion: v1
          kind: Pod
          metadata: {name: on-worker-1}
          spec:
            nodeName: worker-1
            containers:
              - {name: app, image: busybox:1.36, command: ["sleep", "3600"], volumeMounts: [{name: shared, mountPath: /shared}]}
            volumes: [{name: shared, persistentVolumeClaim: {claimName: shared}}]
        - apiVersion: v1
          kind: Pod
          metadata: {name: on-worker-2}
          spec:
            nodeName: worker-2
            containers:
              - {name: app, image: busybox:1.36, command: ["sleep", "3600"], volumeMounts: [{name: shared, mountPath: /shared}]}
            volumes: [{name: shared, persistentVolumeClaim: {claimName: shared}}]
      """
    And pod "on-worker-1" is Running within 1 minute
    And pod "on-worker-2" is Running within 1 minute
    When "kubectl exec on-worker-1 -- sh -c echo\ from\ worker-1\ >>\ /shared/log" is run
    And "kubectl exec on-worker-2 -- sh -c echo\ from\ worker-2\ >>\ /shared/log" is run
    Then "kubectl exec on-worker-1 -- cat /shared/log" prints:
      """
      from worker-1
      from worker-2
      """
