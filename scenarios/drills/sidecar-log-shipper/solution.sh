#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: sidecars}
spec:
  volumes:
    - {name: logs, emptyDir: {}}
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts: [{name: logs, mountPath: /var/log/nginx}]
    - name: shipper
      image: busybox:1.36
      command: [sh, -c, "tail -F /logs/access.log"]
      volumeMounts: [{name: logs, mountPath: /logs}]
EOF
kubectl -n sidecars wait --for=condition=Ready pod/app --timeout=120s
