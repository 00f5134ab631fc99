#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl label node worker-2 disktype=ssd
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: io-bench, namespace: fast-io}
spec:
  nodeSelector: {disktype: ssd}
  containers:
    - {name: bench, image: "nginx:1.27"}
EOF
kubectl -n fast-io wait --for=condition=Ready pod/io-bench --timeout=120s
