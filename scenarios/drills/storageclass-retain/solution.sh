#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl apply -f - <<'EOF'
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: retained}
provisioner: rancher.io/local-path
reclaimPolicy: Retain
volumeBindingMode: WaitForFirstConsumer
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: records, namespace: keep-data}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: retained
  resources:
    requests: {storage: 2Gi}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: keep-data}
spec:
  volumes:
    - name: data
      persistentVolumeClaim: {claimName: records}
  containers:
    - name: postgres
      image: postgres:16
      env: [{name: POSTGRES_PASSWORD, value: example}]
      volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]
EOF
kubectl -n keep-data wait --for=condition=Ready pod/db --timeout=120s
