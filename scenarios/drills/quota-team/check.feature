Feature: A resource quota for a team namespace

  Scenario: the quota limits pods
    Then ResourceQuota "team-quota" matches:
      """yaml
      spec:
        hard: {pods: "10"}
      """

  Scenario: the quota limits requests
    Then ResourceQuota "team-quota" matches:
      """yaml
      spec:
        hard: {requests.cpu: "4", requests.memory: 8Gi}
      """

  Scenario: the quota limits limits
    Then ResourceQuota "team-quota" matches:
      """yaml
      spec:
        hard: {limits.cpu: "8", limits.memory: 16Gi}
      """

  Scenario: the quota is in force (the controller tracks usage)
    Then ResourceQuota "team-quota" matches:
      """yaml
      status:
        hard: {pods: "10"}
        used: {pods: "0"}
      """
