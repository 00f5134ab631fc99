@kubectl @config
Feature: ConfigMaps and Secrets with kubectl
  `kubectl create configmap|secret` from literals and files, and what `kubectl get -o yaml`
  shows of them: ConfigMap values in plain text, Secret values only base64-encoded. The input
  files are in scenarios/files/.

  Background:
    Given a cluster with 1 worker node

  @portable @C002-079 @C002-078 @C001-259 @C002-077
  Scenario: a ConfigMap from literals, and one from a file keyed by the file's name
    When "kubectl create configmap ex-config --from-literal=foo=bar --from-literal=foo2=bar2" is run
    And "kubectl create configmap app-files --from-file=scenarios/files/application.properties" is run
    Then ConfigMap "ex-config" matches:
      """yaml
      data: {foo: bar, foo2: bar2}
      """
    And ConfigMap "app-files" matches:
      """yaml
      data:
        application.properties: |
          server.port=8080
          log.level=info
      """

  @portable @C004-064 @C002-087 @C001-264 @C004-065
  Scenario: kubectl shows a ConfigMap's values as they are and a Secret's only base64-encoded
    When "kubectl create configmap settings --from-literal=log_level=debug" is run
    And "kubectl create secret generic db --from-literal=password=password123" is run
    Then "kubectl get configmap settings -o yaml" prints:
      """
      log_level: debug
      """
    And "kubectl get secret db -o yaml" prints:
      """
      password: cGFzc3dvcmQxMjM=
      """
    And "kubectl get secret db -o jsonpath={.data.password}" prints "cGFzc3dvcmQxMjM="

  @portable @C002-088 @C002-089 @C001-261
  Scenario: kubectl create secret generic makes an Opaque Secret, --from-env-file one key per line
    When "kubectl create secret generic db-env --from-env-file=scenarios/files/database.env" is run
    Then Secret "db-env" matches:
      """yaml
      type: Opaque
      data:
        DB_HOST: bXlzcWw=
        DB_USER: YXBw
        DB_PORT: MzMwNg==
      """

  @portable @C002-205
  Scenario: a basic-auth file becomes the key "auth" that ingress-nginx reads
    When "kubectl create secret generic basic-auth --from-file=scenarios/files/auth" is run
    Then Secret "basic-auth" exists
    And "kubectl get secret basic-auth -o jsonpath={.data}" prints "{\"auth\":\"YWRtaW46e1NIQX0vdk5CK0YySFE1NTlrYUxVWmJtSEh2WnJYcGc9Cg==\"}"

  @portable @C001-207 @C002-212
  Scenario: kubectl create secret tls stores the pair as tls.crt and tls.key in a kubernetes.io/tls Secret
    When "kubectl create secret tls tls-secret --cert=scenarios/files/tls.crt --key=scenarios/files/tls.key" is run
    Then Secret "tls-secret" matches:
      """yaml
      type: kubernetes.io/tls
      """
    And "kubectl get secret tls-secret" prints:
      """
      NAME         TYPE                DATA   AGE
      tls-secret   kubernetes.io/tls   2      *
      """

  @portable @C001-272 @kubernetes-1.35+
  Scenario: a new ServiceAccount is listed, and no token Secret is made for it
    When "kubectl create serviceaccount myapp-sa" is run
    Then "kubectl get serviceaccounts" prints:
      """
      NAME       AGE
      default    *
      myapp-sa   *
      """
    And there are no Secrets

  # Until 1.34 the table still counted the token Secrets that 1.24 stopped making.
  @portable @C001-272 @kubernetes-1.34-
  Scenario: up to 1.34, kubectl lists a ServiceAccount with a SECRETS count of 0
    When "kubectl create serviceaccount myapp-sa" is run
    Then "kubectl get serviceaccounts" prints:
      """
      NAME       SECRETS   AGE
      default    0         *
      myapp-sa   0         *
      """
    And there are no Secrets
    And "kubectl create token myapp-sa" prints a line matching "eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+"

  @portable @C000-116 @C000-117 @C000-118 @C000-119
  Scenario: kubectl create configmap from literals, a file and a directory; the same name twice is refused
    When "kubectl create configmap app-config --from-literal=LOG_LEVEL=info --from-literal=MAX_CONNECTIONS=100" is run
    And "kubectl create configmap nginx-config --from-file=scenarios/files/nginx.conf" is run
    And "kubectl create configmap app-configs --from-file=scenarios/files/config/" is run
    Then ConfigMap "app-config" matches:
      """yaml
      data: {LOG_LEVEL: info, MAX_CONNECTIONS: "100"}
      """
    And ConfigMap "nginx-config" matches:
      """yaml
      data:
        nginx.conf: "server {\n  listen 80;\n}\n"
      """
    And ConfigMap "app-configs" matches:
      """yaml
      data: {app.properties: "mode=fast\n", log.conf: "level=info\n"}
      """
    And "kubectl create configmap app-config --from-literal=LOG_LEVEL=debug" fails with "configmaps \"app-config\" already exists"
