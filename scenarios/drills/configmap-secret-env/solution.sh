#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n config-demo create configmap app-config --from-literal=LOG_LEVEL=debug --from-literal=MODE=batch
kubectl -n config-demo create secret generic db-secret --from-literal=password=s3cr3t
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: app, namespace: config-demo}
spec:
  containers:
    - name: main
      image: busybox:1.36
      command: [sleep, "3600"]
      envFrom:
        - configMapRef: {name: app-config}
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef: {name: db-secret, key: password}
EOF
kubectl -n config-demo wait --for=condition=Ready pod/app --timeout=120s
