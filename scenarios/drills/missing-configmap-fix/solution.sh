#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n configfix create configmap app-settings --from-literal=MODE=production --from-literal=LOG_LEVEL=info
kubectl -n configfix wait --for=condition=Ready pod/app --timeout=120s
