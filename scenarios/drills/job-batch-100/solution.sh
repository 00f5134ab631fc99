#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl apply -f - <<'EOF'
apiVersion: batch/v1
kind: Job
metadata: {name: batch-process, namespace: batch}
spec:
  completions: 100
  parallelism: 10
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: worker
          image: busybox:1.36
          command: [sh, -c, "echo processing item; sleep 2"]
EOF
kubectl -n batch wait --for=condition=Complete job/batch-process --timeout=240s
