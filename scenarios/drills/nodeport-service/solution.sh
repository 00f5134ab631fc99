#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl apply -f - <<'EOF'
apiVersion: v1
kind: Service
metadata: {name: web-nodeport, namespace: public-web}
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - {port: 80, targetPort: 80, nodePort: 30080}
EOF
