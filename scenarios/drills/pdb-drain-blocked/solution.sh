#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl uncordon worker-2
kubectl -n ledger scale deployment ledger --replicas=3
kubectl -n ledger rollout status deployment/ledger --timeout=120s
kubectl drain worker-1 --ignore-daemonsets --timeout=120s
kubectl -n ledger rollout status deployment/ledger --timeout=120s
