#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n web-team create deployment web --image=nginx:1.27 --replicas=3 --port=80
kubectl -n web-team set resources deployment web --requests=cpu=100m,memory=64Mi
kubectl -n web-team rollout status deployment/web --timeout=120s
