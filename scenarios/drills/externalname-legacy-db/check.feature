Feature: A cluster name for an external database

  Scenario: legacy-db is an alias of the external host
    Then the name "legacy-db.integration.svc.cluster.local" does not resolve to an address but to "db.legacy.example.com"

  Scenario: the Service is of type ExternalName
    Then Service "legacy-db" matches:
      """yaml
      spec:
        type: ExternalName
        externalName: db.legacy.example.com
      """
