Feature: Default deny, then allow one path

  Scenario: all ingress is denied by default
    Then NetworkPolicy "default-deny-ingress" matches:
      """yaml
      spec:
        podSelector: {}
        policyTypes: [Ingress]
      """
    And pod "backend" cannot reach pod "frontend" on port 80
    And pod "frontend" cannot reach pod "admin" on port 80

  Scenario: frontend reaches backend on 8080
    Then pod "frontend" can reach pod "backend" on port 8080

  Scenario: nobody else reaches backend
    Then pod "admin" cannot reach pod "backend" on port 8080
    And pod "frontend" cannot reach pod "backend" on port 9090
