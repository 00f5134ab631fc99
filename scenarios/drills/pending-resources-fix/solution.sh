#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n capacity set resources deployment report --requests=cpu=250m,memory=256Mi
kubectl -n capacity rollout status deployment/report --timeout=120s
