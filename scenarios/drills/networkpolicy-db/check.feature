Feature: Only the API may talk to the database

  Scenario: api reaches the database
    Then NetworkPolicy "db-allow-api" exists
    And pod "api" can reach pod "db" on port 5432

  Scenario: web does not reach the database
    Then pod "web" cannot reach pod "db" on port 5432

  Scenario: only port 5432 is open, even to api
    Then NetworkPolicy "db-allow-api" exists
    And pod "api" cannot reach pod "db" on port 22

  Scenario: other pods are not restricted
    Then NetworkPolicy "db-allow-api" exists
    And pod "web" can reach pod "api" on port 80
