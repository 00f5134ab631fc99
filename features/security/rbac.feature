@security @rbac
Feature: RBAC and ServiceAccounts
  Permissions are the union of the rules of the roles bound to a subject; nothing matching means
  forbidden (reference/api-machinery.md §10). Answers come from the cluster's RBAC objects.

  Background:
    Given the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: myapp-sa}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: pod-reader}
      rules:
        - apiGroups: [""]
          resources: [pods]
          verbs: [get, list, watch]
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: read-pods}
      subjects:
        - {kind: ServiceAccount, name: myapp-sa, namespace: ${namespace}}
        - {kind: User, name: user@example.com, apiGroup: rbac.authorization.k8s.io}
      roleRef: {kind: Role, name: pod-reader, apiGroup: rbac.authorization.k8s.io}
      """

  @portable @C001-274 @C001-276 @C001-278
  Scenario: a read-only pod Role
    Then serviceaccount "myapp-sa" can "list" "pods"
    And user "user@example.com" can "get" "pods"
    And serviceaccount "myapp-sa" cannot "delete" "pods"
    And serviceaccount "myapp-sa" cannot "list" "pods" in namespace "kube-system"
    And serviceaccount "myapp-sa" cannot "list" "secrets"

  @portable @C001-275
  Scenario: logs are the pods/log subresource; "pods/logs" matches nothing
    When the following manifest is applied:
      """yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: log-reader-typo}
      rules:
        - {apiGroups: [""], resources: [pods/logs], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: logs-typo}
      subjects: [{kind: ServiceAccount, name: myapp-sa}]
      roleRef: {kind: Role, name: log-reader-typo, apiGroup: rbac.authorization.k8s.io}
      """
    Then serviceaccount "myapp-sa" cannot "get" "pods/log"
    When the following manifest is applied:
      """yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: log-reader}
      rules:
        - {apiGroups: [""], resources: [pods/log], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: logs}
      subjects: [{kind: ServiceAccount, name: myapp-sa}]
      roleRef: {kind: Role, name: log-reader, apiGroup: rbac.authorization.k8s.io}
      """
    Then serviceaccount "myapp-sa" can "get" "pods/log"

  @portable @C001-280 @C001-281
  Scenario: a RoleBinding to a ClusterRole grants only in its namespace; a ClusterRoleBinding everywhere
    When the following manifest is applied:
      """yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: edit-here}
      subjects: [{kind: ServiceAccount, name: myapp-sa}]
      roleRef: {kind: ClusterRole, name: edit, apiGroup: rbac.authorization.k8s.io}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: secret-readers}
      subjects: [{kind: User, name: auditor}]
      roleRef: {kind: ClusterRole, name: secret-reader, apiGroup: rbac.authorization.k8s.io}
      """
    Then serviceaccount "myapp-sa" can "create" "deployments"
    And serviceaccount "myapp-sa" cannot "create" "deployments" in namespace "kube-system"
    And user "auditor" cannot "get" "secrets" in namespace "kube-system"
    When the following manifest is applied:
      """yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata: {name: secret-reader}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get, list]}
      """
    Then user "auditor" can "get" "secrets" in namespace "kube-system"

  @portable @C001-277
  Scenario: the built-in cluster-admin may do anything anywhere
    When the following manifest is applied:
      """yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: root}
      subjects: [{kind: User, name: root}]
      roleRef: {kind: ClusterRole, name: cluster-admin, apiGroup: rbac.authorization.k8s.io}
      """
    Then user "root" can "delete" "nodes"
    And user "root" can "create" "clusterrolebindings"

  @portable @C001-271 @C001-273
  Scenario: pods run as a ServiceAccount that must exist, with the API token mounted
    When the following manifest is applied:
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: app}
      spec:
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """
    Then pod "app" matches:
      """yaml
      spec:
        serviceAccountName: default
        containers:
          - name: app
            volumeMounts:
              - {mountPath: /var/run/secrets/kubernetes.io/serviceaccount, readOnly: true}
      """
    And the following manifest is rejected with "error looking up service account ${namespace}/ghost: serviceaccount \"ghost\" not found":
      """yaml
      apiVersion: v1
      kind: Pod
      metadata: {name: haunted}
      spec:
        serviceAccountName: ghost
        containers: [{name: app, image: registry.k8s.io/nginx-slim:0.27}]
      """

  @portable @C001-279
  Scenario: a binding's roleRef cannot change; it is deleted and created again
    Then patching RoleBinding "read-pods" with the following is rejected with "is invalid: roleRef: Invalid value: ":
      """yaml
      roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
      """
    When RoleBinding "read-pods" is deleted
    And the following manifest is applied:
      """yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: read-pods}
      subjects:
        - {kind: ServiceAccount, name: myapp-sa, namespace: ${namespace}}
      roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
      """
    Then serviceaccount "myapp-sa" can "list" "configmaps"

  # The refusal's words: Go syntax and "cannot change roleRef" up to 1.33, JSON from 1.34, and
  # from 1.37 ValidateImmutableField's "field is immutable".
  @portable @C001-279 @kubernetes-1.32
  Scenario: on 1.32 a roleRef change is refused naming the new roleRef in Go syntax
    Then patching RoleBinding "read-pods" with the following is rejected with "roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"ClusterRole\", Name:\"view\"}: cannot change roleRef":
      """yaml
      roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
      """

  @portable @C001-279 @kubernetes-1.37
  Scenario: on 1.37 a roleRef change is refused as an immutable field, the new roleRef in JSON
    Then patching RoleBinding "read-pods" with the following is rejected with "roleRef: Invalid value: {\"APIGroup\":\"rbac.authorization.k8s.io\",\"Kind\":\"ClusterRole\",\"Name\":\"view\"}: field is immutable":
      """yaml
      roleRef: {kind: ClusterRole, name: view, apiGroup: rbac.authorization.k8s.io}
      """

  @portable @C001-024 @C001-023
  Scenario: a request RBAC refuses gets 403 Forbidden and stores nothing
    Then "kubectl get pods --as=user@example.com" is run
    And "kubectl create configmap sneaky --from-literal=a=b --as=user@example.com" fails with "is forbidden: User \"user@example.com\" cannot create resource \"configmaps\" in API group \"\" in the namespace"
    And ConfigMap "sneaky" does not exist
    And "kubectl auth can-i create configmaps --as=user@example.com" fails with "no"
    And "kubectl auth can-i list pods --as=user@example.com" prints "yes"

  @portable @C001-111
  Scenario: kube-public holds kubeadm's cluster-info, which even anonymous users may read
    Then "kubectl get configmap cluster-info -n kube-public --as=system:anonymous -o jsonpath={.data.kubeconfig}" prints a line matching "    server: https://\S+"
    And "kubectl get configmap kube-root-ca.crt -n kube-public --as=system:anonymous" fails with "User \"system:anonymous\" cannot get resource \"configmaps\" in API group \"\" in the namespace \"kube-public\""

  @portable
  Scenario: a user cannot grant permissions they do not hold, unless allowed to escalate or bind
    Given the following manifest is applied:
      """yaml
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: team-lead}
      rules:
        - {apiGroups: [""], resources: [pods], verbs: [get, list]}
        - {apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [create, get, list]}
        - {apiGroups: [rbac.authorization.k8s.io], resources: [roles], verbs: [bind], resourceNames: [secret-reader]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: team-lead}
      subjects: [{kind: User, name: jane, apiGroup: rbac.authorization.k8s.io}]
      roleRef: {kind: Role, name: team-lead, apiGroup: rbac.authorization.k8s.io}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: secret-reader}
      rules:
        - {apiGroups: [""], resources: [secrets], verbs: [get]}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: Role
      metadata: {name: deployer}
      rules:
        - {apiGroups: [apps], resources: [deployments], verbs: [create, delete]}
      """
    Then "kubectl create role pod-lister --verb=list --resource=pods --as=jane" is run
    And "kubectl create role secret-peeker --verb=get,list --resource=secrets --as=jane" fails with "user \"jane\" (groups=[\"system:authenticated\"]) is attempting to grant RBAC permissions not currently held:"
    And "kubectl create role secret-peeker --verb=get,list --resource=secrets --as=jane" fails with "{APIGroups:[\"\"], Resources:[\"secrets\"], Verbs:[\"get\" \"list\"]}"
    And Role "secret-peeker" does not exist
    And "kubectl create rolebinding jane-deploys --role=deployer --user=jane --as=jane" fails with "{APIGroups:[\"apps\"], Resources:[\"deployments\"], Verbs:[\"create\" \"delete\"]}"
    And "kubectl create rolebinding bob-reads-secrets --role=secret-reader --user=bob --as=jane" is run
    And RoleBinding "bob-reads-secrets" exists
