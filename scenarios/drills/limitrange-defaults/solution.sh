#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: LimitRange
metadata: {name: container-defaults, namespace: dev-defaults}
spec:
  limits:
    - type: Container
      default: {cpu: 500m, memory: 256Mi}
      defaultRequest: {cpu: 100m, memory: 128Mi}
EOF
kubectl -n dev-defaults run probe --image=nginx:1.27
kubectl -n dev-defaults wait --for=condition=Ready pod/probe --timeout=120s
