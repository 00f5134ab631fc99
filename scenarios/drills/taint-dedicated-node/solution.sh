#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl taint node worker-3 dedicated=database:NoSchedule
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: postgres, namespace: database}
spec:
  tolerations:
    - {key: dedicated, operator: Equal, value: database, effect: NoSchedule}
  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
          - matchExpressions:
              - {key: kubernetes.io/hostname, operator: In, values: [worker-3]}
  containers:
    - {name: postgres, image: "postgres:16", env: [{name: POSTGRES_PASSWORD, value: example}]}
EOF
kubectl -n database wait --for=condition=Ready pod/postgres --timeout=120s
