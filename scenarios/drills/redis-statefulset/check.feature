Feature: Redis as a StatefulSet with persistent storage

  Scenario: three replicas are ready
    Then StatefulSet "redis" has 3 ready replicas
    And the pods labelled "app=redis" are "redis-0, redis-1, redis-2"

  Scenario: the governing Service is headless
    Then Service "redis" matches:
      """yaml
      spec:
        clusterIP: None
        ports: [{port: 6379}]
      """
    And StatefulSet "redis" matches:
      """yaml
      spec:
        serviceName: redis
      """

  Scenario: each replica has a stable DNS name
    Then the name "redis-0.redis" resolves to the IP of pod "redis-0"
    And the name "redis-2.redis.redis.svc.cluster.local" resolves to the IP of pod "redis-2"

  Scenario: each replica has its own bound 1Gi volume
    Then PersistentVolumeClaim "data-redis-0" matches:
      """yaml
      spec:
        accessModes: [ReadWriteOnce]
        storageClassName: standard
        resources:
          requests: {storage: 1Gi}
      status:
        phase: Bound
      """
    And PersistentVolumeClaim "data-redis-1" matches:
      """yaml
      status: {phase: Bound}
      """
    And PersistentVolumeClaim "data-redis-2" matches:
      """yaml
      status: {phase: Bound}
      """
