#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n rollout patch deployment api -p '{"spec":{"strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'
kubectl -n rollout set image deployment/api api=nginx:1.27
kubectl -n rollout rollout status deployment/api --timeout=120s
