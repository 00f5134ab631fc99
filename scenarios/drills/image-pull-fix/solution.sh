#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n imagefix set image deployment/frontend frontend=nginx:1.27
kubectl -n imagefix rollout status deployment/frontend --timeout=120s
