@config
Feature: ConfigMaps and Secrets in pods
  Containers read configuration as environment variables (fixed at start) or as files in volumes
  (kept up to date); a missing source blocks the container (CreateContainerConfigError) or the pod
  (FailedMount) until it exists (reference/kubelet.md §2).

  Background:
    Given a cluster with 1 worker node
    And the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data:
        LOG_LEVEL: info
        DATABASE_HOST: db.internal
        nginx.conf: "server { listen 80; }"
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: db-secret}
      type: Opaque
      data:
        username: YWRtaW4=
      stringData:
        password: s3cr3t
      """

  @portable @needs-kubelet @C000-124 @C000-125 @C000-127 @C002-095 @C002-090 @C001-267 @C001-268 @C004-058 @C004-060 @C004-070 @C000-183
  Scenario: env, envFrom with a prefix, and secret keys; explicit env wins
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            envFrom:
              - prefix: APP_
                configMapRef: {name: app-config}
            env:
              - name: LOG_LEVEL
                valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}
              - name: APP_LOG_LEVEL
                value: debug
              - name: DB_USER
                valueFrom: {secretKeyRef: {name: db-secret, key: username}}
              - name: DB_PASSWORD
                valueFrom: {secretKeyRef: {name: db-secret, key: password}}
      """
    Then pod "web" is Running within 1 minute
    And container "app" of pod "web" has environment variable "LOG_LEVEL" set to "info"
    And container "app" of pod "web" has environment variable "APP_DATABASE_HOST" set to "db.internal"
    And container "app" of pod "web" has environment variable "APP_LOG_LEVEL" set to "debug"
    And container "app" of pod "web" has environment variable "DB_USER" set to "admin"
    And container "app" of pod "web" has environment variable "DB_PASSWORD" set to "s3cr3t"

  @portable @needs-kubelet @C000-128 @C000-130 @C000-131 @C000-134 @C002-081 @C002-045 @C002-080 @C001-265 @C001-270 @C001-237 @C004-063 @C004-057 @C004-062
  Scenario: volumes show every key or the chosen items, and follow updates; env does not
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            env:
              - name: LOG_LEVEL
                valueFrom: {configMapKeyRef: {name: app-config, key: LOG_LEVEL}}
            volumeMounts:
              - {name: all, mountPath: /etc/app}
              - {name: nginx, mountPath: /etc/nginx/conf.d}
        volumes:
          - name: all
            configMap: {name: app-config}
          - name: nginx
            configMap:
              name: app-config
              items: [{key: nginx.conf, path: default.conf}]
      """
    Then pod "web" is Running within 1 minute
    And container "app" of pod "web" sees file "/etc/app/LOG_LEVEL" containing "info"
    And container "app" of pod "web" sees file "/etc/nginx/conf.d/default.conf" containing "listen 80"
    And container "app" of pod "web" has no file "/etc/nginx/conf.d/LOG_LEVEL"
    When ConfigMap "app-config" is patched with:
      """yaml
      data: {LOG_LEVEL: debug}
      """
    # The kubelet rewrites the volume at the pod's next periodic sync (60-90 s), not at once.
    Then container "app" of pod "web" sees file "/etc/app/LOG_LEVEL" containing "debug" within 2 minutes
    And container "app" of pod "web" has environment variable "LOG_LEVEL" set to "info"

  @portable @needs-kubelet @C002-083 @C002-094 @C002-096 @C002-085 @C001-239
  Scenario: envFrom imports every key of a ConfigMap or Secret; a secret volume holds the decoded values
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: imports}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            envFrom:
              - configMapRef: {name: app-config}
              - secretRef: {name: db-secret}
            volumeMounts:
              - {name: credentials, mountPath: /etc/credentials, readOnly: true}
        volumes:
          - name: credentials
            secret: {secretName: db-secret}
      """
    Then pod "imports" is Running within 1 minute
    And container "app" of pod "imports" has environment variable "LOG_LEVEL" set to "info"
    And container "app" of pod "imports" has environment variable "DATABASE_HOST" set to "db.internal"
    And container "app" of pod "imports" has environment variable "username" set to "admin"
    And container "app" of pod "imports" has environment variable "password" set to "s3cr3t"
    And container "app" of pod "imports" sees file "/etc/credentials/username" containing "admin"
    And container "app" of pod "imports" sees file "/etc/credentials/password" containing "s3cr3t"

  @portable @needs-kubelet @C000-129 @C002-082 @C001-269 @C004-061
  Scenario: a missing ConfigMap blocks the container until it is created
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: early}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            env:
              - name: FEATURE
                valueFrom: {configMapKeyRef: {name: features, key: FLAG}}
      """
    Then pod "early" matches within 30s:
      """yaml
      status:
        phase: Pending
        containerStatuses:
          - name: app
            state:
              waiting: {reason: CreateContainerConfigError, message: configmap "features" not found}
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: features}
      data: {FLAG: "on"}
      """
    Then pod "early" is Running within 1 minute
    And container "app" of pod "early" has environment variable "FEATURE" set to "on"

  @portable @needs-kubelet @C000-129 @C001-238 @C004-108 @C004-073
  Scenario: a missing volume source keeps the pod ContainerCreating with FailedMount
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: mounts}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            volumeMounts: [{name: cfg, mountPath: /etc/cfg}]
        volumes:
          - name: cfg
            configMap: {name: does-not-exist}
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: secret-mounts}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            volumeMounts: [{name: creds, mountPath: /etc/secrets}]
        volumes:
          - name: creds
            secret: {secretName: app-secrets}
      """
    Then pod "mounts" has a FailedMount event saying "MountVolume.SetUp failed for volume \"cfg\" : configmap \"does-not-exist\" not found" within 30s
    And pod "secret-mounts" has a FailedMount event saying "MountVolume.SetUp failed for volume \"creds\" : secret \"app-secrets\" not found" within 30s
    And pod "mounts" matches:
      """yaml
      status:
        phase: Pending
        containerStatuses:
          - name: app
            state:
              waiting: {reason: ContainerCreating}
      """

  @portable @C000-120 @C000-121 @C000-022 @C000-023 @C001-240 @C001-260 @C001-262 @C004-068
  Scenario: ConfigMap and Secret data the API server refuses
    Then the following manifest is rejected with ".data.MAX_CONNECTIONS: expected string, got &value.valueUnstructured{Value:100}":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: numbers}
      data: {MAX_CONNECTIONS: 100}
      """
    And the following manifest is rejected with "a valid config key must consist of alphanumeric characters":
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: bad-key}
      data: {"bad key": x}
      """
    And the following manifest is rejected with "data[tls.key]: Required value":
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: half-tls}
      type: kubernetes.io/tls
      data: {tls.crt: Y2VydA==}
      """
    And the following manifest is rejected with "illegal base64 data":
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: not-base64}
      data: {password: "s3cr3t!"}
      """
    And the following manifest is rejected with "data[ssh-privatekey]: Required value":
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: no-key}
      type: kubernetes.io/ssh-auth
      data: {known_hosts: aG9zdA==}
      """
    And the following manifest is rejected with "data[.dockerconfigjson]: Required value":
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: registry}
      type: kubernetes.io/dockerconfigjson
      data: {config.json: e30=}
      """
    And the following manifest is rejected with "illegal base64 data":
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: raw-json}
      type: kubernetes.io/dockerconfigjson
      data:
        .dockerconfigjson: '{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}'
      """
    And the following manifest is rejected with "data[.dockerconfigjson]: Invalid value: \"<secret contents redacted>\"":
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: not-json}
      type: kubernetes.io/dockerconfigjson
      stringData:
        .dockerconfigjson: 'registry.example.com user pass'
      """
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: registry}
      type: kubernetes.io/dockerconfigjson
      stringData:
        .dockerconfigjson: '{"auths":{"registry.example.com":{"auth":"dXNlcjpwYXNz"}}}'
      """
    Then Secret "registry" exists

  @portable @C000-056
  Scenario: stringData is written into data, base64-encoded, and never read back
    Then Secret "db-secret" matches:
      """yaml
      type: Opaque
      data:
        username: YWRtaW4=
        password: czNjcjN0
      """
    And Secret "db-secret" has no field "stringData"

  @portable @C004-072
  Scenario: a volume's defaultMode written in octal is stored as its decimal value
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: modes}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            volumeMounts: [{name: credentials, mountPath: /etc/credentials}]
        volumes:
          - name: credentials
            secret: {secretName: db-secret, defaultMode: 0400}
      """
    Then pod "modes" matches:
      """yaml
      spec:
        volumes:
          - name: credentials
            secret: {secretName: db-secret, defaultMode: 256}
      """


  @portable @C000-122 @C000-136
  Scenario: one ConfigMap mixes plain values and whole files; editing it restarts nothing
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data:
        LOG_LEVEL: info
        DATABASE_HOST: postgres
        app.properties: |
          cache.size=100
          cache.ttl=60
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: app}
      spec:
        replicas: 2
        selector:
          matchLabels: {app: app}
        template:
          metadata:
            labels: {app: app}
          spec:
            containers:
              - name: app
                image: registry.k8s.io/nginx-slim:0.27
                envFrom: [{configMapRef: {name: app-config}}]
      """
    And Deployment "app" is rolled out within 2 minutes
    When ConfigMap "app-config" is patched with:
      """yaml
      data: {LOG_LEVEL: debug}
      """
    And 2 minutes pass
    Then Deployment "app" is at revision 1
    And there are 2 Running pods labelled "app=app"
    And the oldest pod labelled "app=app" matches:
      """yaml
      status:
        containerStatuses: [{name: app, restartCount: 0}]
      """

  @portable @needs-kubelet @C000-126
  Scenario: envFrom with a prefix turns keys with dots into variables too
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: files}
      data:
        app.properties: mode=fast
        LOG_LEVEL: info
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            envFrom: [{prefix: APP_, configMapRef: {name: files}}]
      """
    Then container "app" of pod "app" has environment variable "APP_app.properties" set to "mode=fast" within 1 minute
    And container "app" of pod "app" has environment variable "APP_LOG_LEVEL" set to "info"

  @portable @needs-kubelet @C004-059
  Scenario: envFrom without a prefix turns every key into a variable of the same name
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: app-config}
      data:
        database_url: postgres://db:5432/app
        log_level: info
        feature_flags: "new-ui,fast-search"
        nginx.conf: "server { listen 80; }"
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            envFrom: [{configMapRef: {name: app-config}}]
      """
    Then container "app" of pod "app" has environment variable "database_url" set to "postgres://db:5432/app" within 1 minute
    And container "app" of pod "app" has environment variable "log_level" set to "info"
    And container "app" of pod "app" has environment variable "feature_flags" set to "new-ui,fast-search"
    And container "app" of pod "app" has environment variable "nginx.conf" set to "server { listen 80; }"

  @portable @needs-kubelet @C002-084 @C004-066 @C002-091
  Scenario: one image, two stages, two ConfigMaps; an Opaque Secret's values decode; a Secret's type is fixed
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: config-dev}
      data: {API_ENDPOINT: "https://api.dev.example.com"}
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: config-prod}
      data: {API_ENDPOINT: "https://api.example.com"}
      ---
      apiVersion: v1
      kind: Secret
      metadata: {name: app-secrets}
      type: Opaque
      data:
        database-password: cGFzc3dvcmQxMjM=
        api-key: YWJjZGVmZ2hpams=
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: app-dev}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            envFrom: [{configMapRef: {name: config-dev}}]
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: app-prod}
      spec:
        containers:
          - name: app
            image: registry.k8s.io/nginx-slim:0.27
            envFrom: [{configMapRef: {name: config-prod}}, {secretRef: {name: app-secrets}}]
      """
    Then container "app" of pod "app-dev" has environment variable "API_ENDPOINT" set to "https://api.dev.example.com" within 1 minute
    And container "app" of pod "app-prod" has environment variable "API_ENDPOINT" set to "https://api.example.com" within 1 minute
    And container "app" of pod "app-prod" has environment variable "database-password" set to "password123"
    And container "app" of pod "app-prod" has environment variable "api-key" set to "abcdefghijk"
    And patching Secret "app-secrets" with the following is rejected with "type: Invalid value: \"kubernetes.io/basic-auth\": field is immutable":
      """yaml
      type: kubernetes.io/basic-auth
      """

  @portable @C000-123
  Scenario: a ConfigMap holds at most 1 MiB of data
    When a ConfigMap "full" holding 1048576 bytes is applied
    Then ConfigMap "full" exists
    And a ConfigMap "over" holding 1048577 bytes is rejected with "ConfigMap \"over\" is invalid: []: Too long: may not be more than 1048576 bytes"

  @portable @needs-kubelet @C002-092
  Scenario: a value encoded without echo -n keeps its trailing newline in the Secret
    # echo -n admin | base64 → YWRtaW4= (5 bytes); echo admin | base64 → YWRtaW4K (6 bytes, "admin\n")
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Secret
      metadata: {name: encoded}
      data:
        with-n: YWRtaW4=
        without-n: YWRtaW4K
      ---
      apiVersion: v1
      kind: Pod
      metadata: {name: reader}
      spec:
        containers:
          - name: app
            image: busybox:1.36
            command: ["sleep", "3600"]
            volumeMounts: [{name: creds, mountPath: /etc/creds}]
        volumes: [{name: creds, secret: {secretName: encoded}}]
      """
    And pod "reader" is Running within 1 minute
    Then "kubectl exec reader -- wc -c /etc/creds/with-n" prints "5 /etc/creds/with-n"
    And "kubectl exec reader -- wc -c /etc/creds/without-n" prints "6 /etc/creds/without-n"
    And "kubectl exec reader -- wc -l /etc/creds/without-n" prints "1 /etc/creds/without-n"
