#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl apply -f - <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: frontend, namespace: frontend}
spec:
  replicas: 3
  selector: {matchLabels: {app: frontend}}
  template:
    metadata: {labels: {app: frontend}}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - topologyKey: kubernetes.io/hostname
              labelSelector:
                matchLabels: {app: frontend}
      containers:
        - {name: web, image: "nginx:1.27"}
EOF
kubectl -n frontend rollout status deployment/frontend --timeout=120s
