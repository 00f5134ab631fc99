Feature: Enforce the restricted Pod Security Standard

  Scenario: the namespace enforces restricted
    Then Namespace "secure-apps" matches:
      """yaml
      metadata:
        labels: {pod-security.kubernetes.io/enforce: restricted}
      """

  Scenario: the hardened pod runs and meets restricted
    Then pod "hardened" is Running
    And pod "hardened" matches:
      """yaml
      spec:
        containers:
          - name: web
            securityContext:
              allowPrivilegeEscalation: false
              capabilities: {drop: [ALL]}
      """
