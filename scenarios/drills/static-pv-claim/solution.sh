#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: PersistentVolume
metadata: {name: logs-pv}
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  persistentVolumeReclaimPolicy: Retain
  hostPath: {path: /mnt/data/logs}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: logs-pvc, namespace: static-storage}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  resources:
    requests: {storage: 500Mi}
---
apiVersion: v1
kind: Pod
metadata: {name: logger, namespace: static-storage}
spec:
  volumes:
    - name: logs
      persistentVolumeClaim: {claimName: logs-pvc}
  containers:
    - name: logger
      image: busybox:1.36
      command: [sleep, "3600"]
      volumeMounts: [{name: logs, mountPath: /var/log/app}]
EOF
kubectl -n static-storage wait --for=condition=Ready pod/logger --timeout=120s
