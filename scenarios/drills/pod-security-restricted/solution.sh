#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl label namespace secure-apps pod-security.kubernetes.io/enforce=restricted pod-security.kubernetes.io/enforce-version=latest --overwrite
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Pod
metadata: {name: hardened, namespace: secure-apps}
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 101
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
EOF
kubectl -n secure-apps wait --for=condition=Ready pod/hardened --timeout=120s
