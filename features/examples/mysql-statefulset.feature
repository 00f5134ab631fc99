@examples @workloads @statefulset
Feature: The seed's MySQL StatefulSet
  The MySQL example of seed 000: a StatefulSet behind a headless Service and two ordinary ones
  (all pods, and the primary alone), its my.cnf from a ConfigMap mounted by subPath, the root
  password from a Secret, an init container, exec probes and a claim per ordinal.

  Background:
    Given a cluster with 3 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: mysql-config}
      data:
        my.cnf: |
          [mysqld]
          max_connections = 200
          innodb_buffer_pool_size = 256M
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: mysql-headless}
      spec:
        clusterIP: None
        selector: {app: mysql}
        ports: [{name: mysql, port: 3306}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: mysql}
      spec:
        selector: {app: mysql}
        ports: [{name: mysql, port: 3306}]
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: mysql-primary}
      spec:
        selector:
          app: mysql
          statefulset.kubernetes.io/pod-name: mysql-0
        ports: [{name: mysql, port: 3306}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: mysql}
      spec:
        serviceName: mysql-headless
        replicas: 3
        selector:
          matchLabels: {app: mysql}
        template:
          metadata:
            labels: {app: mysql}
          spec:
            initContainers:
              - name: init-mysql
                image: mysql:8.0
                command: [sh, -c, "echo server-id ready; sleep 2"]
                volumeMounts: [{name: conf, mountPath: /mnt/conf.d}]
            containers:
              - name: mysql
                image: mysql:8.0
                env:
                  - name: MYSQL_ROOT_PASSWORD
                    valueFrom:
                      secretKeyRef: {name: mysql-secret, key: root-password}
                  # The readiness probe's mysql client logs in as root: without a password the
                  # server refuses it (ERROR 1045), so it reads root's from the same Secret.
                  - name: MYSQL_PWD
                    valueFrom:
                      secretKeyRef: {name: mysql-secret, key: root-password}
                ports: [{name: mysql, containerPort: 3306}]
                resources:
                  requests: {cpu: 500m, memory: 1Gi}
                volumeMounts:
                  - {name: data, mountPath: /var/lib/mysql}
                  - {name: conf, mountPath: /etc/mysql/conf.d}
                  - {name: config-map, mountPath: /etc/mysql/my.cnf, subPath: my.cnf}
                livenessProbe:
                  exec: {command: [mysqladmin, ping]}
                  initialDelaySeconds: 30
                  periodSeconds: 10
                readinessProbe:
                  exec: {command: [mysql, -h, 127.0.0.1, -e, "SELECT 1"]}
                  initialDelaySeconds: 5
                  periodSeconds: 2
            volumes:
              - {name: conf, emptyDir: {}}
              - name: config-map
                configMap: {name: mysql-config}
        volumeClaimTemplates:
          - metadata: {name: data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 10Gi}}
      """

  @portable @needs-kubelet @C000-066 @C004-036
  Scenario: without its Secret the first pod waits in CreateContainerConfigError; with it the set comes up
    Then pod "mysql-0" matches within 1 minute:
      """yaml
      status:
        containerStatuses:
          - name: mysql
            state:
              waiting: {reason: CreateContainerConfigError, message: secret "mysql-secret" not found}
      """
    And pod "mysql-1" does not exist
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: mysql-secret}
      stringData: {root-password: s3cret}
      """
    Then StatefulSet "mysql" has 3 ready replicas within 3 minutes

  @portable @C000-073 @C000-074 @C000-075 @C000-057 @C000-059 @C000-054
  Scenario: three ordinals, a claim each, and Services for all pods and for the primary alone
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: mysql-secret}
      stringData: {root-password: s3cret}
      """
    When StatefulSet "mysql" has 3 ready replicas within 3 minutes
    Then the pods labelled "app=mysql" are "mysql-0, mysql-1, mysql-2"
    And PersistentVolumeClaim "data-mysql-2" matches:
      """yaml
      spec:
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 10Gi}}
      status: {phase: Bound}
      """
    And "kubectl get statefulset mysql" prints:
      """
      NAME    READY   AGE
      mysql   3/3     *
      """
    And "kubectl get pods -l app=mysql" prints:
      """
      NAME      READY   STATUS    RESTARTS   AGE
      mysql-0   1/1     Running   0          *
      mysql-1   1/1     Running   0          *
      mysql-2   1/1     Running   0          *
      """
    And service "mysql-headless" has 3 ready endpoints
    And service "mysql" has 3 ready endpoints
    And service "mysql-primary" has 1 ready endpoint
    And the name "mysql-headless" resolves to the IPs of pods "mysql-0, mysql-1, mysql-2"
    And the name "mysql-1.mysql-headless" resolves to the IP of pod "mysql-1"
    And the name "mysql" resolves to the cluster IP of service "mysql"
    And ConfigMap "mysql-config" matches:
      """yaml
      data:
        my.cnf: "[mysqld]\nmax_connections = 200\ninnodb_buffer_pool_size = 256M\n"
      """

  @portable @needs-kubelet @C000-065 @C000-067 @C000-068
  Scenario: the password arrives decoded; my.cnf is one file by subPath, which keeps its content when the ConfigMap changes
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: mysql-secret}
      stringData: {root-password: s3cret}
      """
    And pod "mysql-0" is ready within 2 minutes
    Then container "mysql" of pod "mysql-0" has environment variable "MYSQL_ROOT_PASSWORD" set to "s3cret"
    And container "mysql" of pod "mysql-0" sees file "/etc/mysql/my.cnf" containing "max_connections = 200"
    And container "mysql" of pod "mysql-0" has no file "/etc/mysql/my.cnf/my.cnf"
    When ConfigMap "mysql-config" is patched with:
      """yaml
      data:
        my.cnf: |
          [mysqld]
          max_connections = 500
      """
    And 2 minutes pass
    Then container "mysql" of pod "mysql-0" sees file "/etc/mysql/my.cnf" containing "max_connections = 200"

  @portable @needs-kubelet @C000-078 @C000-079 @C004-033 @C000-049
  Scenario: scaling adds ordinals in order with new claims; kubectl set image rolls from the highest ordinal down, one ready pod at a time
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: mysql-secret}
      stringData: {root-password: s3cret}
      """
    And StatefulSet "mysql" has 3 ready replicas within 3 minutes
    When "kubectl scale statefulset mysql --replicas=5" is run
    Then StatefulSet "mysql" has 5 ready replicas within 3 minutes
    And pod "mysql-4" is created after pod "mysql-3" is ready
    And PersistentVolumeClaim "data-mysql-4" exists
    When "kubectl set image statefulset/mysql mysql=mysql:8.4" is run
    Then StatefulSet "mysql" matches within 5 minutes:
      """yaml
      status: {updatedReplicas: 5, readyReplicas: 5}
      """
    And pod "mysql-4" is deleted before pod "mysql-3"
    And pod "mysql-1" is deleted before pod "mysql-0"
    And at most 1 pod labelled "app=mysql" was unready at the same time
    And pod "mysql-0" matches:
      """yaml
      spec:
        containers: [{name: mysql, image: "mysql:8.4"}]
      """
