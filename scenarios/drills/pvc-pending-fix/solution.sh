#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n archive delete pod archiver --wait=true
kubectl -n archive delete pvc archive --wait=true
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: archive, namespace: archive}
spec:
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  resources:
    requests: {storage: 2Gi}
EOF
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: archiver, namespace: archive}
spec:
  volumes:
    - name: data
      persistentVolumeClaim: {claimName: archive}
  containers:
    - name: archiver
      image: busybox:1.36
      command: [sleep, "3600"]
      volumeMounts: [{name: data, mountPath: /archive}]
EOF
kubectl -n archive wait --for=condition=Ready pod/archiver --timeout=120s
