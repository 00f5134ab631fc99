#!/bin/sh
# The reference solution: what a learner would type.
set -e
kubectl -n team-a create quota team-quota \
  --hard=pods=10,requests.cpu=4,requests.memory=8Gi,limits.cpu=8,limits.memory=16Gi
