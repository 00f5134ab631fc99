#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n crashy patch deployment worker -p '{"spec":{"template":{"spec":{"containers":[{"name":"worker","command":["sleep","3600"]}]}}}}'
kubectl -n crashy rollout status deployment/worker --timeout=120s
