#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl create priorityclass critical-batch --value=1000000 --description="critical batch jobs"
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: urgent, namespace: batch-prio}
spec:
  priorityClassName: critical-batch
  containers:
    - name: main
      image: busybox:1.36
      command: [sleep, "3600"]
EOF
kubectl -n batch-prio wait --for=condition=Ready pod/urgent --timeout=120s
