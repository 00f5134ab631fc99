@examples @workloads
Feature: A whole application: the seed's webapp stack
  The seed's closing example (004, "Object relationships and full example") in one manifest: a
  ConfigMap and a Secret, a MySQL StatefulSet with its headless Service and claim, a web
  Deployment behind a ClusterIP Service and an Ingress, and a nightly backup CronJob. Owners
  cascade to what they own; what a pod only refers to (a ConfigMap, a Secret, a Service) is not
  owned and lives on its own.

  Background:
    Given a cluster with 2 worker nodes
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data:
        database_host: mysql-service
        log_level: info
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: app-secrets}
      type: Opaque
      stringData:
        db_password: secret123
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: mysql-service}
      spec:
        clusterIP: None
        selector: {app: mysql}
        ports: [{port: 3306}]
      ---
      apiVersion: apps/v1
      kind: StatefulSet
      metadata: {name: mysql}
      spec:
        serviceName: mysql-service
        replicas: 1
        selector:
          matchLabels: {app: mysql}
        template:
          metadata:
            labels: {app: mysql}
          spec:
            containers:
              - name: mysql
                image: mysql:8.0
                env:
                  - name: MYSQL_ROOT_PASSWORD
                    valueFrom:
                      secretKeyRef: {name: app-secrets, key: db_password}
                ports: [{containerPort: 3306}]
                volumeMounts: [{name: mysql-data, mountPath: /var/lib/mysql}]
        volumeClaimTemplates:
          - metadata: {name: mysql-data}
            spec:
              accessModes: [ReadWriteOnce]
              resources: {requests: {storage: 20Gi}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: webapp}
      spec:
        replicas: 3
        selector:
          matchLabels: {app: webapp}
        template:
          metadata:
            labels: {app: webapp}
          spec:
            containers:
              - name: webapp
                # A web server on 8080, as the exercise's app is (nginx would listen on 80).
                image: registry.k8s.io/e2e-test-images/agnhost:2.53
                args: [netexec, --http-port=8080]
                env:
                  - name: DATABASE_HOST
                    valueFrom:
                      configMapKeyRef: {name: app-config, key: database_host}
                  - name: DATABASE_PASSWORD
                    valueFrom:
                      secretKeyRef: {name: app-secrets, key: db_password}
                ports: [{containerPort: 8080}]
                readinessProbe:
                  httpGet: {path: /, port: 8080}
                  initialDelaySeconds: 30
                  periodSeconds: 10
      ---
      apiVersion: v1
      kind: Service
      metadata: {name: webapp-service}
      spec:
        selector: {app: webapp}
        ports: [{port: 80, targetPort: 8080}]
      ---
      apiVersion: batch/v1
      kind: CronJob
      metadata: {name: db-backup}
      spec:
        schedule: "0 2 * * *"
        jobTemplate:
          spec:
            template:
              spec:
                restartPolicy: OnFailure
                containers:
                  - name: backup
                    image: mysql:8.0
                    command: [sh, -c, "mysqldump -h mysql-service --all-databases > /backup/dump.sql"]
      """
    And there are 4 Running pods within 2 minutes

  @portable @C004-112
  Scenario: owners hold their pods and claims, and deleting an owner takes its dependents along
    Then the pods labelled "app=mysql" are owned by StatefulSet "mysql"
    And PersistentVolumeClaim "mysql-data-mysql-0" exists
    And Deployment "webapp" is rolled out within 2 minutes
    When Deployment "webapp" is deleted
    Then there are no ReplicaSets within 1 minute
    And there are 0 Running pods labelled "app=webapp" within 1 minute
    When StatefulSet "mysql" is deleted
    Then pod "mysql-0" does not exist within 1 minute

  @portable @C004-113
  Scenario: a ConfigMap, a Secret and a Service are referred to, not owners: deleting them leaves the pods running
    When ConfigMap "app-config" is deleted
    And Secret "app-secrets" is deleted
    And Service "webapp-service" is deleted
    And 30 seconds pass
    Then there are 3 Running pods labelled "app=webapp"
    And pod "mysql-0" is Running
    And Deployment "webapp" is not owned by anything

  @portable @C004-116 @C004-117
  Scenario: the database pod gets its claim from the default class and its password from the Secret's stringData
    Then pod "mysql-0" is Running
    And PersistentVolumeClaim "mysql-data-mysql-0" matches:
      """yaml
      metadata:
        labels: {app: mysql}
      spec:
        storageClassName: standard
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 20Gi}}
      status: {phase: Bound}
      """
    And Secret "app-secrets" matches:
      """yaml
      data: {db_password: c2VjcmV0MTIz}
      """

  @portable @needs-kubelet @C004-117 @C004-120 @C004-121
  Scenario: the containers start with their configuration resolved; the web pods are ready only after the probe's delay
    Then container "mysql" of pod "mysql-0" has environment variable "MYSQL_ROOT_PASSWORD" set to "secret123"
    And container "webapp" of the oldest pod labelled "app=webapp" has environment variable "DATABASE_HOST" set to "mysql-service"
    And container "webapp" of the oldest pod labelled "app=webapp" has environment variable "DATABASE_PASSWORD" set to "secret123"
    And service "webapp-service" has 0 ready endpoints
    And service "webapp-service" has 3 ready endpoints within 1 minute

  @portable @C004-119 @C004-118 @C004-123
  Scenario: the headless Service names the database pod; the web Service's endpoints are the web pods
    Then service "mysql-service" has 1 ready endpoint within 1 minute
    And service "webapp-service" has 3 ready endpoints within 1 minute
    And the name "mysql-0.mysql-service" resolves to the IP of pod "mysql-0"
    And the name "mysql-service" resolves to the IP of pod "mysql-0"
    And the name "webapp-service" resolves to the cluster IP of service "webapp-service"
    And Service "mysql-service" matches:
      """yaml
      spec:
        clusterIP: None
        ports: [{port: 3306, targetPort: 3306}]
      """

  @portable @C004-124
  Scenario: the backup CronJob gets the defaults it did not state
    Then CronJob "db-backup" matches:
      """yaml
      spec:
        concurrencyPolicy: Allow
        suspend: false
        successfulJobsHistoryLimit: 3
        failedJobsHistoryLimit: 1
      """
    And CronJob "db-backup" has 0 jobs
